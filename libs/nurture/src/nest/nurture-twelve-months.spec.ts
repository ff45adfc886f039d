import { RecordedEvent } from '@crm/event-store';
import { TouchScheduled } from '@crm/lead';
import { DEFAULT_DEALER_SETTINGS } from '../dealer/dealer-defaults';
import { isQuiet } from '../dealer/quiet-hours';
import { DEALER, SagaTestApp, startSagaApp } from './testing/saga-test-app';

const LEAD = '0c0c0c0c-0000-4000-8000-000000000012';
const END = '2027-01-05T02:00:00.000Z';

type Row = [rule: string, dueAt: string, status: string];

/** Each touch in the lead's stream, in scheduling order, with where it ended up. */
function touches(stream: RecordedEvent[]): Row[] {
  return stream.filter((e) => e.type === 'TouchScheduled').map((e) => {
    const { touchId, rule, dueAt } = e.data as TouchScheduled['data'];
    const last = [...stream].reverse().find((c) => ['TouchCancelled', 'TouchCompleted'].includes(c.type) && (c.data as { touchId: string }).touchId === touchId);
    const status = last?.type === 'TouchCancelled' ? `cancelled:${(last.data as { reason: string }).reason}` : last ? 'completed' : 'scheduled';
    return [rule, dueAt, status];
  });
}

describe('one lead through twelve months on a virtual clock', () => {
  let t: SagaTestApp;
  beforeAll(async () => {
    t = await startSagaApp('2026-01-05T02:00:00.000Z');
    await t.dealer({ type: 'AddConsultant', data: { consultantId: 'c-li', name: 'Li Na' } });
    await t.dealer({ type: 'AddConsultant', data: { consultantId: 'c-zhao', name: 'Zhao Lei' } });
  });
  afterAll(() => t.close());

  /** Moves the clock, does what staff do then, and lets the saga catch up. */
  const on = async (at: string, ...steps: Array<() => Promise<unknown>>): Promise<void> => {
    t.clock.set(at);
    for (const step of steps) await step();
    await t.runner.settle();
  };
  const assess = (timeframe: 'within_1_month' | 'in_2_3_months' | 'in_4_6_months' | 'in_7_12_months') =>
    () => t.lead(LEAD, { type: 'AssessPurchaseIntent', data: { timeframe } });
  const complete = (touchId: string) => () => t.lead(LEAD, { type: 'CompleteTouch', data: { touchId, outcome: 'reached' } });

  /** Completes every scheduled touch that falls due before `until`, at its due time, in order. */
  async function workThroughTouches(until: string): Promise<void> {
    for (;;) {
      const rows = (await t.stream(LEAD)).filter((e) => e.type === 'TouchScheduled').map((e) => e.data as TouchScheduled['data']);
      const open = new Set(touches(await t.stream(LEAD)).map((row, i) => (row[2] === 'scheduled' ? rows[i]?.touchId : undefined)));
      const next = rows.filter((row) => open.has(row.touchId) && row.dueAt <= until).sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
      if (!next) return;
      await on(next.dueAt, complete(next.touchId));
    }
  }

  it('moves through tiers, a hand-off, a win, a delivery and the after-sale year, every touch in the stream', async () => {
    await on('2026-01-05T02:00:00.000Z', () => t.lead(LEAD, {
      type: 'RegisterLead',
      data: {
        leadId: LEAD, dealerId: DEALER, channel: 'website', contact: { name: 'Chen Jie', phone: '13912340012' },
        profile: { intendedModels: ['Model S'], intendedPurchase: 'in_7_12_months' }, marketingConsent: true,
      },
    }));
    await on('2026-02-10T02:00:00.000Z', () => t.lead(LEAD, { type: 'LogCall', data: { direction: 'inbound', outcome: 'connected' } }), assess('in_4_6_months'));
    await on('2026-03-16T06:00:00.000Z', assess('in_2_3_months'));
    await workThroughTouches('2026-04-16T06:00:00.000Z');
    await on('2026-04-16T07:00:00.000Z', assess('within_1_month'));
    await workThroughTouches('2026-04-17T07:00:00.000Z');
    await on('2026-04-20T02:00:00.000Z', assess('within_1_month'));
    await on('2026-04-20T08:00:00.000Z', () => t.lead(LEAD, { type: 'WinDeal', data: { orderRef: 'SO-1' } }, 'consultant'));
    await on('2026-04-22T02:00:00.000Z', () => t.lead(LEAD, { type: 'ChangeContactDetails', data: { birthday: '09-18' } }));
    await on('2026-04-28T02:00:00.000Z', () => t.lead(LEAD, { type: 'DeliverVehicle', data: { odometerKm: 30, insuranceExpiresOn: '2027-04-27' } }, 'consultant'));
    await workThroughTouches(END);
    t.clock.set(END);

    const stream = await t.stream(LEAD);
    expect(touches(stream)).toEqual([
      // T4 at registration: a call in month 6, replaced when the lead warms up to T3, then T2.
      ['cadence.T4.call_month_6', '2026-07-05T02:00:00.000Z', 'cancelled:replaced_by_new_plan'],
      ['cadence.T3.call_month_3', '2026-05-10T02:00:00.000Z', 'cancelled:replaced_by_new_plan'],
      ['cadence.T2.call_month_1', '2026-04-16T06:00:00.000Z', 'completed'],
      // T1: the invitation the next day, and a consultant; assessed T1 again, the new invitation ends with the win.
      ['cadence.T1.showroom_invitation', '2026-04-17T07:00:00.000Z', 'completed'],
      ['cadence.T1.showroom_invitation', '2026-04-21T02:00:00.000Z', 'cancelled:deal_won'],
      // Delivered 28 April at 30 km, insurance to 27 April 2027, birthday 18 September.
      ['after_sale.day_3', '2026-05-01T02:00:00.000Z', 'completed'],
      ['after_sale.day_7', '2026-05-05T02:00:00.000Z', 'completed'],
      ['after_sale.first_service', '2026-08-20T02:00:00.000Z', 'completed'],
      ['after_sale.second_service', '2027-04-21T02:00:00.000Z', 'scheduled'],
      ['after_sale.birthday', '2026-09-18T02:00:00.000Z', 'completed'],
      ['after_sale.insurance_renewal', '2027-03-28T02:00:00.000Z', 'scheduled'],
      ['after_sale.annual_inspection', '2027-03-29T02:00:00.000Z', 'scheduled'],
      // This year's greeting done, next year's is planned.
      ['after_sale.birthday', '2027-09-18T02:00:00.000Z', 'scheduled'],
    ]);
    const assigned = stream.filter((e) => e.type === 'ConsultantAssigned').map((e) => e.data);
    expect(assigned).toEqual([{ consultantId: 'c-li', reason: 'hot_tier', handoffId: expect.any(String) }]);
    for (const [, dueAt] of touches(stream)) expect(isQuiet(Date.parse(dueAt), DEFAULT_DEALER_SETTINGS)).toBe(false);
  });
});
