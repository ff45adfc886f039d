import { derivedId } from '@crm/kernel';
import { LeadEvent, TouchPurpose } from '@crm/lead';
import { LEAD, at, givenLead, registered, touchScheduled } from '../testing/saga-specification';
import { LeadInstruction, cancelTouch, scheduleTouch } from './nurture-commands';

const DELIVERED_AT = '2026-03-10T02:00:00.000Z'; // 10:00 in Shanghai
const won: LeadEvent = { type: 'DealWon', data: {} };
const delivered: LeadEvent = { type: 'VehicleDelivered', data: { odometerKm: 1250, insuranceExpiresOn: '2027-03-01' } };
const birthdayKnown: LeadEvent = { type: 'ContactDetailsChanged', data: { birthday: '07-14' } };

type Kind = [rule: string, purpose: TouchPurpose, channel: 'call' | 'sms' | 'wechat', marketing: boolean];
const KINDS: Record<string, Kind> = {
  day3: ['after_sale.day_3', 'after_sale_day_3', 'call', false],
  day7: ['after_sale.day_7', 'after_sale_day_7', 'call', false],
  firstService: ['after_sale.first_service', 'first_service', 'sms', false],
  secondService: ['after_sale.second_service', 'second_service', 'sms', false],
  birthday: ['after_sale.birthday', 'birthday', 'wechat', true],
  insurance: ['after_sale.insurance_renewal', 'insurance_renewal', 'call', true],
  inspection: ['after_sale.annual_inspection', 'annual_inspection', 'sms', false],
};
const touch = (kind: keyof typeof KINDS, occasion: string, dueAt: string): LeadInstruction => {
  const [rule, purpose, channel, marketing] = KINDS[kind] as Kind;
  return scheduleTouch(LEAD, { touchId: derivedId(LEAD, 'after_sale', rule, occasion), purpose, channel, dueAt, marketing, rule, content: 'after_sale_care' });
};

const day3 = touch('day3', '2026-03-13', '2026-03-13T02:00:00.000Z');
const day7 = touch('day7', '2026-03-17', '2026-03-17T02:00:00.000Z');
// Odometer 1,250 km, 5,000 km due at 1,250 km a month: three months (91 days) on, reminded a week ahead.
const firstService = touch('firstService', '2026-06-09', '2026-06-02T02:00:00.000Z');
// Then 10,000 km at 1,250 km a month: eight months (244 days) on.
const secondService = touch('secondService', '2027-02-08', '2027-02-01T02:00:00.000Z');
const birthday = touch('birthday', '2026-07-14', '2026-07-14T02:00:00.000Z');
const insurance = touch('insurance', '2027-03-01', '2027-01-30T02:00:00.000Z');
// No inspection date recorded: a year after delivery, reminded 30 days ahead.
const inspection = touch('inspection', '2027-03-10', '2027-02-08T02:00:00.000Z');

describe('Nurture saga: the after-sale plan', () => {
  it('a delivery plans day 3, day 7, both services, the birthday, the insurance renewal and the inspection', () => {
    givenLead([registered(), birthdayKnown, won]).when({ event: delivered, occurredAt: DELIVERED_AT })
      .then([day3, day7, firstService, secondService, birthday, insurance, inspection]);
  });

  it('leaves out the greeting and the insurance offer for an owner without marketing consent', () => {
    givenLead([registered({ marketingConsent: false }), birthdayKnown, won]).when({ event: delivered, occurredAt: DELIVERED_AT })
      .then([day3, day7, firstService, secondService, inspection]);
  });

  it('a birthday recorded after delivery is greeted, and a corrected one replaces the pending greeting', () => {
    const history = [registered(), won, at(DELIVERED_AT, delivered)];
    givenLead(history).when({ event: birthdayKnown, occurredAt: '2026-03-20T02:00:00.000Z' }).then([birthday]);
    const pending = touchScheduled((birthday.command.data as { touchId: string }).touchId, { purpose: 'birthday', rule: 'after_sale.birthday' });
    givenLead([...history, birthdayKnown, pending]).when({ event: { type: 'ContactDetailsChanged', data: { birthday: '08-01' } }, occurredAt: '2026-03-20T02:00:00.000Z' })
      .then([cancelTouch(LEAD, (birthday.command.data as { touchId: string }).touchId, 'replaced_by_new_plan'), touch('birthday', '2026-08-01', '2026-08-01T02:00:00.000Z')]);
  });

  it("once this year's insurance reminder has gone out, next year's is planned", () => {
    const { touchId, dueAt } = insurance.command.data as { touchId: string; dueAt: string };
    const history = [registered(), won, at(DELIVERED_AT, delivered), touchScheduled(touchId, { purpose: 'insurance_renewal', dueAt, rule: 'after_sale.insurance_renewal' })];
    givenLead(history).when({ event: { type: 'TouchCompleted', data: { touchId, outcome: 'reached' } }, occurredAt: '2027-01-30T03:00:00.000Z' })
      .then([touch('insurance', '2028-03-01', '2028-01-31T02:00:00.000Z')]);
  });

  it('consent given back after delivery plans the marketing touches still ahead', () => {
    givenLead([registered({ marketingConsent: false }), birthdayKnown, won, at(DELIVERED_AT, delivered)])
      .when({ event: { type: 'MarketingConsentChanged', data: { marketingConsent: true } }, occurredAt: '2026-08-01T02:00:00.000Z' })
      .then([touch('birthday', '2027-07-14', '2027-07-14T02:00:00.000Z'), insurance]);
  });
});
