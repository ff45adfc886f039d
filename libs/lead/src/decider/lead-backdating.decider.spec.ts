import { LeadEvent } from '../events/lead-events';
import { LeadErrorCode } from '../lead.errors';
import { givenRecorded } from '../testing/decider-specification';
import { actorAs, command, dealWon, quoteGiven, registration, testDriveScheduled } from '../testing/lead-fixtures';

/** Times on the day before NOW (2026-01-05T09:00Z), inside the 72-hour back-dating window. */
const t = (hour: number, minute = 0): string => `2026-01-04T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;
const registered = { event: { type: 'LeadRegistered', data: registration() } as LeadEvent, occurredAt: t(8) };
const fact = (occurredAt: string, event: LeadEvent) => ({ event, occurredAt });
const assessed = (tier: 'T1' | 'T4' | 'T5', timeframe: 'within_1_month' | 'in_7_12_months' | 'over_12_months'): LeadEvent =>
  ({ type: 'PurchaseIntentAssessed', data: { timeframe, tier } });
const completed: LeadEvent = { type: 'TestDriveCompleted', data: { testDriveId: 'td-1', model: 'Model S' } };
const call = { direction: 'outbound', outcome: 'connected' } as const;

describe('Lead decider: the state it decides on is ordered by occurrence, not by recording', () => {
  it('sees a late assessment under the later one: the current tier is the one assessed last in time', () => {
    // T4 at 11:00 recorded first; a T5 that happened at 10:00 recorded after it.
    givenRecorded([registered, fact(t(11), assessed('T4', 'in_7_12_months')), fact(t(10), assessed('T5', 'over_12_months'))])
      .when(command('AssessPurchaseIntent', { timeframe: 'within_1_month' }))
      .then([{ type: 'PurchaseIntentAssessed', data: { timeframe: 'within_1_month', tier: 'T1', previousTier: 'T4' } }]);
  });

  it('records a late assessment without a previous tier, which the state cannot tell for then', () => {
    givenRecorded([registered, fact(t(11), assessed('T4', 'in_7_12_months'))])
      .when(command('AssessPurchaseIntent', { timeframe: 'over_12_months' }, { occurredAt: t(10) }))
      .then([{ type: 'PurchaseIntentAssessed', data: { timeframe: 'over_12_months', tier: 'T5' } }]);
  });

  it('accepts a test drive completed before the win and recorded after it', () => {
    givenRecorded([registered, fact(t(9), testDriveScheduled()), fact(t(12), quoteGiven()), fact(t(13), dealWon())])
      .when(command('CompleteTestDrive', { testDriveId: 'td-1' }, { occurredAt: t(11) }))
      .then([{ type: 'TestDriveCompleted', data: { testDriveId: 'td-1', model: 'Model S' } }]);
  });

  it('refuses a test drive completed before it was booked', () => {
    givenRecorded([registered, fact(t(10), testDriveScheduled())])
      .when(command('CompleteTestDrive', { testDriveId: 'td-1' }, { occurredAt: t(9) }))
      .thenThrows(LeadErrorCode.OccurredBeforePrerequisite, 'occurredAt');
  });

  it('refuses a quote dated into the hours the lead was lost', () => {
    givenRecorded([registered, fact(t(10), { type: 'DealLost', data: { reason: 'price' } }), fact(t(12), { type: 'LeadReopened', data: {} })])
      .when(command('GiveQuote', { quoteId: 'q-1', model: 'Model S', quantity: 1, unitPrice: { amount: 1, currency: 'CNY' } }, { occurredAt: t(11) }))
      .thenThrows(LeadErrorCode.LeadIsLost, 'occurredAt');
  });

  it('accepts a call dated into the hours the lead was lost: care is allowed in every status', () => {
    givenRecorded([registered, fact(t(10), { type: 'DealLost', data: { reason: 'price' } }), fact(t(12), { type: 'LeadReopened', data: {} })])
      .when(command('LogCall', call, { occurredAt: t(11) }))
      .then([{ type: 'CallLogged', data: call }]);
  });

  it('refuses a win dated before the last status change, which it would silently undo', () => {
    const request: LeadEvent = { type: 'LossRequested', data: { requestId: 'loss-1', reason: 'price' } };
    givenRecorded([registered, fact(t(10), request), fact(t(12), { type: 'LossRejected', data: { requestId: 'loss-1' } })])
      .when(command('WinDeal', {}, { occurredAt: t(9) }))
      .thenThrows(LeadErrorCode.OccurredBeforePrerequisite, 'occurredAt');
  });

  it('refuses a delivery dated before the win', () => {
    givenRecorded([registered, fact(t(12), dealWon())])
      .when(command('DeliverVehicle', {}, { occurredAt: t(11) }))
      .thenThrows(LeadErrorCode.OccurredBeforePrerequisite, 'occurredAt');
  });

  it('wins a back-dated deal on the latest quote given by then, not a later one', () => {
    givenRecorded([registered, fact(t(9), quoteGiven('q-1')), fact(t(12), quoteGiven('q-2', 280_000, 2))])
      .when(command('WinDeal', {}, { occurredAt: t(10) }))
      .then([{ type: 'DealWon', data: { quoteId: 'q-1', model: 'Model S', quantity: 1, totalPrice: { amount: 300_000, currency: 'CNY' } } }]);
  });

  it('refuses a win on a quote given after the time the win says it happened', () => {
    givenRecorded([registered, fact(t(12), quoteGiven('q-1'))])
      .when(command('WinDeal', { quoteId: 'q-1' }, { occurredAt: t(10) }))
      .thenThrows(LeadErrorCode.OccurredBeforePrerequisite, 'occurredAt');
  });

  it('refuses an answer dated before the invitation was sent, and a resolution before the complaint', () => {
    const sent: LeadEvent = { type: 'InvitationSent', data: { invitationId: 'inv-1', kind: 'showroom', channel: 'call' } };
    givenRecorded([registered, fact(t(10), sent)])
      .when(command('RecordInvitationAnswer', { invitationId: 'inv-1', response: 'accepted' }, { occurredAt: t(9) }))
      .thenThrows(LeadErrorCode.OccurredBeforePrerequisite, 'occurredAt');
    const filed: LeadEvent = { type: 'ComplaintFiled', data: { complaintId: 'c-1', category: 'price', description: 'fees' } };
    givenRecorded([registered, fact(t(10), filed)])
      .when(command('ResolveComplaint', { complaintId: 'c-1', cause: 'x', remedy: 'y' }, { occurredAt: t(9) }))
      .thenThrows(LeadErrorCode.OccurredBeforePrerequisite, 'occurredAt');
  });

  it('refuses a contact, consent or consultant change dated before the last one, which would be folded under it', () => {
    const changed: LeadEvent = { type: 'ContactDetailsChanged', data: { phone: '+8613900001111', previousPhone: '+8613812345678' } };
    givenRecorded([registered, fact(t(10), changed)])
      .when(command('ChangeContactDetails', { phone: '+8613900002222' }, { occurredAt: t(9) }))
      .thenThrows(LeadErrorCode.OccurredBeforePrerequisite, 'occurredAt');
    givenRecorded([registered, fact(t(10), { type: 'MarketingConsentChanged', data: { marketingConsent: false } })])
      .when(command('ChangeMarketingConsent', { marketingConsent: true }, { occurredAt: t(9) }))
      .thenThrows(LeadErrorCode.OccurredBeforePrerequisite, 'occurredAt');
    givenRecorded([registered, fact(t(10), { type: 'ConsultantAssigned', data: { consultantId: 'c-li', reason: 'walk_in' } })])
      .when(command('AssignConsultant', { consultantId: 'c-zhao', reason: 'manual' }, { occurredAt: t(9), actor: actorAs('manager') }))
      .thenThrows(LeadErrorCode.OccurredBeforePrerequisite, 'occurredAt');
  });
});
