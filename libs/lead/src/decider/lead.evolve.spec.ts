import { LeadEvent } from '../events/lead-events';
import { at, fold } from '../testing/decider-specification';
import {
  REGISTERED_AT, dealWon, leadRegistered, lossRequested, quoteGiven, registration, testDriveScheduled, vehicleDelivered,
} from '../testing/lead-fixtures';
import { evolve } from './lead.evolve';
import { RegisteredLeadState, initialLeadState } from './lead-state';

function registeredState(...events: Parameters<typeof fold>[0]): RegisteredLeadState {
  const state = fold([leadRegistered(), ...events]);
  if (state.status === 'unregistered') throw new Error('expected a registered lead');
  return state;
}

describe('Lead evolve', () => {
  it('starts unregistered and ignores facts about an unregistered lead', () => {
    expect(evolve(initialLeadState, dealWon())).toEqual({ status: 'unregistered' });
  });

  it('takes registeredAt and lastInteractionAt from the metadata', () => {
    const state = registeredState();
    expect(state).toMatchObject({ status: 'active', registeredAt: REGISTERED_AT, lastInteractionAt: REGISTERED_AT });
  });

  it('leaves the times undefined without metadata', () => {
    const state = fold([{ type: 'LeadRegistered', data: registration() }]);
    expect(state).toMatchObject({ status: 'active', registeredAt: undefined });
  });

  it('moves lastInteractionAt forward only', () => {
    const call: LeadEvent = { type: 'CallLogged', data: { direction: 'outbound', outcome: 'connected' } };
    const state = registeredState(at('2026-01-05T08:30:00.000Z', call), at('2026-01-05T08:10:00.000Z', call));
    expect(state.lastInteractionAt).toBe('2026-01-05T08:30:00.000Z');
  });

  it('does not count a hand-off as an interaction', () => {
    const assigned: LeadEvent = { type: 'ConsultantAssigned', data: { consultantId: 'c-li', reason: 'walk_in' } };
    const state = registeredState(at('2026-01-05T08:30:00.000Z', assigned));
    expect(state).toMatchObject({ consultantId: 'c-li', lastInteractionAt: REGISTERED_AT });
  });

  it('keeps what a scheduled touch is about and who owns it, for the dispatcher to hand on', () => {
    const scheduled: LeadEvent = {
      type: 'TouchScheduled',
      data: { touchId: 't-1', purpose: 'nurture_call', channel: 'call', dueAt: '2026-02-01T02:00:00.000Z', marketing: true, rule: 'r', content: 'keep_in_touch', assigneeId: 'agent-2' },
    };
    expect(registeredState(scheduled).touches['t-1']).toEqual({
      purpose: 'nurture_call', channel: 'call', dueAt: '2026-02-01T02:00:00.000Z', marketing: true, status: 'scheduled', overdue: false, attempts: 0,
      content: 'keep_in_touch', assigneeId: 'agent-2',
    });
  });

  it('remembers since when the consultant holds the lead, and forgets it on the return to nurturing', () => {
    const assigned: LeadEvent = { type: 'ConsultantAssigned', data: { consultantId: 'c-li', reason: 'walk_in' } };
    const returned: LeadEvent = { type: 'LeadReturnedToNurturing', data: { consultantId: 'c-li', reason: 'follow_up_stalled' } };
    expect(registeredState(at('2026-01-05T08:30:00.000Z', assigned)).consultantSince).toBe('2026-01-05T08:30:00.000Z');
    const back = registeredState(at('2026-01-05T08:30:00.000Z', assigned), at('2026-01-20T08:30:00.000Z', returned));
    expect(back).toMatchObject({ consultantId: undefined, consultantSince: undefined });
  });

  it('tracks test drives, quotes, the deal and delivery', () => {
    const completed: LeadEvent = { type: 'TestDriveCompleted', data: { testDriveId: 'td-1', model: 'Model S' } };
    const state = registeredState(testDriveScheduled(), completed, quoteGiven('q-1'), dealWon(), vehicleDelivered());
    expect(state.testDrives['td-1']).toEqual({
      model: 'Model S',
      scheduledFor: '2026-01-06T10:00:00.000Z',
      status: 'completed',
    });
    expect(state.latestQuoteId).toBe('q-1');
    expect(state.status).toBe('delivered');
    expect(state.deal).toMatchObject({ quoteId: 'q-1', model: 'Model S', vin: 'LVSHFFAL0KF000001' });
  });

  it('records intent, needs and contact changes', () => {
    const state = registeredState(
      { type: 'PurchaseIntentAssessed', data: { timeframe: 'in_2_3_months', tier: 'T2' } },
      { type: 'NeedsAnalysed', data: { intendedModels: ['Model X'], payment: 'cash' } },
      { type: 'ContactDetailsChanged', data: { phone: '+8613900001111', previousPhone: '+8613812345678' } },
      { type: 'MarketingConsentChanged', data: { marketingConsent: false } },
    );
    expect(state).toMatchObject({ tier: 'T2', timeframe: 'in_2_3_months', marketingConsent: false });
    expect(state.profile).toMatchObject({ intendedModels: ['Model X'], payment: 'cash' });
    expect(state.contact).toEqual({ name: 'Wang Fang', phone: '+8613900001111' });
  });

  it('follows a loss request through approval to lost, and back by reopening', () => {
    const pending = registeredState(lossRequested());
    expect(pending).toMatchObject({ status: 'loss_pending', pendingLossRequest: { requestId: 'loss-1' } });
    const lost = registeredState(
      lossRequested(),
      { type: 'LossApproved', data: { requestId: 'loss-1' } },
      { type: 'DealLost', data: { reason: 'bought_competitor_brand', requestId: 'loss-1' } },
    );
    expect(lost).toMatchObject({ status: 'lost', lostReason: 'bought_competitor_brand', pendingLossRequest: undefined });
    const reopened = evolve(lost, { type: 'LeadReopened', data: {} });
    expect(reopened).toMatchObject({ status: 'active', lostReason: undefined });
  });

  it('returns to active when the loss is rejected', () => {
    const state = registeredState(lossRequested(), { type: 'LossRejected', data: { requestId: 'loss-1' } });
    expect(state).toMatchObject({ status: 'active', pendingLossRequest: undefined });
  });

  it('moves complaints from open to resolved', () => {
    const state = registeredState(
      { type: 'ComplaintFiled', data: { complaintId: 'c-1', category: 'price', description: 'hidden fees' } },
      { type: 'ComplaintFiled', data: { complaintId: 'c-2', category: 'service', description: 'slow' } },
      { type: 'ComplaintResolved', data: { complaintId: 'c-1', cause: 'unclear quote', remedy: 'refund' } },
    );
    expect(state.openComplaints).toEqual({ 'c-2': { category: 'service' } });
    expect(state.resolvedComplaintIds).toEqual(['c-1']);
  });

  it('never mutates the state it is given', () => {
    const frozen = deepFreeze(registeredState(quoteGiven('q-1'), testDriveScheduled()));
    const next = registeredState(quoteGiven('q-1'), testDriveScheduled(), quoteGiven('q-2'));
    expect(evolve(frozen, quoteGiven('q-2'))).toEqual(next);
    expect(Object.keys(frozen.quotes)).toEqual(['q-1']);
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
