import { LeadEvent } from '../events/lead-events';
import { LeadErrorCode } from '../lead.errors';
import { at, fold, given } from '../testing/decider-specification';
import { NOW, command, dealWon, leadRegistered, registeredLeadWith, registration } from '../testing/lead-fixtures';

const consentWithdrawn: LeadEvent = { type: 'MarketingConsentChanged', data: { marketingConsent: false } };
const assigned = (consultantId: string, handoffId?: string): LeadEvent =>
  ({ type: 'ConsultantAssigned', data: { consultantId, reason: 'hot_tier', ...(handoffId ? { handoffId } : {}) } });

describe('Lead decider: the after-sale plan\'s data', () => {
  it('records the odometer, insurance expiry and inspection date with the delivery', () => {
    given(registeredLeadWith(dealWon()))
      .when(command('DeliverVehicle', { vin: 'LVSHFFAL0KF000001', odometerKm: 12, insuranceExpiresOn: '2027-01-04', inspectionDueOn: '2028-01-05' }))
      .then([{
        type: 'VehicleDelivered',
        data: { vin: 'LVSHFFAL0KF000001', model: 'Model S', odometerKm: 12, insuranceExpiresOn: '2027-01-04', inspectionDueOn: '2028-01-05' },
      }]);
  });

  it('keeps them, and the delivery date, in the deal', () => {
    const delivered: LeadEvent = { type: 'VehicleDelivered', data: { model: 'Model S', odometerKm: 12, insuranceExpiresOn: '2027-01-04' } };
    const state = fold([leadRegistered(), dealWon(), at('2026-01-05T10:00:00.000Z', delivered)]);
    expect(state.deal).toMatchObject({ deliveredAt: '2026-01-05T10:00:00.000Z', odometerKm: 12, insuranceExpiresOn: '2027-01-04' });
  });

  it.each([
    [{ odometerKm: -1 }, LeadErrorCode.InvalidOdometer, 'odometerKm'],
    [{ odometerKm: Number.NaN }, LeadErrorCode.InvalidOdometer, 'odometerKm'],
    [{ insuranceExpiresOn: '2027-02-30' }, LeadErrorCode.InvalidDate, 'insuranceExpiresOn'],
    [{ inspectionDueOn: '2028-01-05T00:00:00Z' }, LeadErrorCode.InvalidDate, 'inspectionDueOn'],
  ])('refuses a delivery with %j', (data, code, field) => {
    given(registeredLeadWith(dealWon())).when(command('DeliverVehicle', data)).thenThrows(code, field);
  });

  it("records the owner's birthday, as a month and day or a past date", () => {
    given([leadRegistered()]).when(command('ChangeContactDetails', { birthday: '02-29' }))
      .then([{ type: 'ContactDetailsChanged', data: { birthday: '02-29' } }]);
    given([leadRegistered()]).when(command('ChangeContactDetails', { birthday: '1985-07-14' }))
      .then([{ type: 'ContactDetailsChanged', data: { birthday: '1985-07-14' } }]);
    expect(fold(registeredLeadWith({ type: 'ContactDetailsChanged', data: { birthday: '07-14' } })).contact?.birthday).toBe('07-14');
  });

  it('records nothing for the birthday it already has', () => {
    given(registeredLeadWith({ type: 'ContactDetailsChanged', data: { birthday: '07-14' } }))
      .when(command('ChangeContactDetails', { birthday: '07-14' })).then([]);
  });

  it.each(['13-01', '02-30', '14 July', `${NOW.slice(0, 4)}-12-31`])('refuses the birthday %s', (birthday) => {
    given([leadRegistered()]).when(command('ChangeContactDetails', { birthday })).thenThrows(LeadErrorCode.InvalidBirthday, 'birthday');
  });

  it('checks a birthday that comes with the registration too', () => {
    const data = registration();
    given([]).when(command('RegisterLead', { ...data, contact: { ...data.contact, birthday: '02-30' } }))
      .thenThrows(LeadErrorCode.InvalidBirthday, 'contact.birthday');
  });
});

describe('Lead decider: consent for invitations', () => {
  const invitation = { invitationId: 'inv-1', kind: 'showroom' as const, channel: 'call' as const };

  it('refuses an invitation without marketing consent, and sends it with consent', () => {
    given(registeredLeadWith(consentWithdrawn)).when(command('SendInvitation', invitation))
      .thenThrows(LeadErrorCode.MarketingConsentRequired, 'marketingConsent');
    given([leadRegistered()]).when(command('SendInvitation', invitation)).then([{ type: 'InvitationSent', data: invitation }]);
  });
});

describe('Lead decider: automatic hand-offs', () => {
  it('hands an unowned lead to the routed consultant, marking the hand-off', () => {
    given([leadRegistered()]).when(command('AssignConsultant', { consultantId: 'c-li', reason: 'hot_tier', handoffId: 'h-1' }))
      .then([assigned('c-li', 'h-1')]);
  });

  it('records nothing when the same hand-off comes again, even after the lead went back to nurturing', () => {
    const returned: LeadEvent = { type: 'LeadReturnedToNurturing', data: { consultantId: 'c-li', reason: 'follow_up_stalled' } };
    given(registeredLeadWith(assigned('c-li', 'h-1'), returned))
      .when(command('AssignConsultant', { consultantId: 'c-li', reason: 'hot_tier', handoffId: 'h-1' })).then([]);
  });

  it('leaves a lead with the consultant someone assigned meanwhile', () => {
    given(registeredLeadWith(assigned('c-zhao')))
      .when(command('AssignConsultant', { consultantId: 'c-li', reason: 'hot_tier', handoffId: 'h-1' })).then([]);
  });

  it('remembers who served the lead last and counts the changes of owner', () => {
    const returned: LeadEvent = { type: 'LeadReturnedToNurturing', data: { consultantId: 'c-li', reason: 'follow_up_stalled' } };
    const state = fold(registeredLeadWith(assigned('c-li', 'h-1'), returned));
    expect(state).toMatchObject({ lastConsultantId: 'c-li', ownershipChanges: 2, handoffIds: { 'h-1': 'c-li' } });
    expect(state.consultantId).toBeUndefined();
  });
});
