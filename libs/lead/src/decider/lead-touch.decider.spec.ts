import { LeadEvent } from '../events/lead-events';
import { TouchScheduled } from '../events/touch-events';
import { LeadErrorCode } from '../lead.errors';
import { given } from '../testing/decider-specification';
import { command, dealLost, dealWon, leadRegistered, registeredLeadWith, vehicleDelivered } from '../testing/lead-fixtures';

const call = (touchId = 't-1', marketing = false): TouchScheduled['data'] => ({
  touchId, purpose: 'nurture_call', channel: 'call', dueAt: '2026-02-04T02:00:00.000Z', marketing, rule: 'cadence.T2.call_month_1',
});
const scheduled = (data = call()): LeadEvent => ({ type: 'TouchScheduled', data });
const sent: LeadEvent = { type: 'TouchSent', data: { touchId: 't-1', channel: 'call', via: 'kafka', attempt: 1 } };
const consentWithdrawn: LeadEvent = { type: 'MarketingConsentChanged', data: { marketingConsent: false } };

describe('Lead decider: the nurture plan', () => {
  it('schedules a touch with the rule that planned it', () => {
    given([leadRegistered()]).when(command('ScheduleTouch', call())).then([scheduled()]);
  });

  it('records nothing when the same touch is scheduled again (a saga reprocessing its event)', () => {
    given(registeredLeadWith(scheduled())).when(command('ScheduleTouch', call())).then([]);
  });

  it('refuses a marketing touch without consent', () => {
    given(registeredLeadWith(consentWithdrawn)).when(command('ScheduleTouch', call('t-2', true)))
      .thenThrows(LeadErrorCode.MarketingConsentRequired, 'marketing');
  });

  it('schedules after-sale and win-back touches on won, delivered and lost leads', () => {
    for (const history of [registeredLeadWith(dealWon()), registeredLeadWith(dealWon(), vehicleDelivered()), registeredLeadWith(dealLost())]) {
      given(history).when(command('ScheduleTouch', call())).then([scheduled()]);
    }
  });

  it('refuses a due time that is not a timestamp', () => {
    given([leadRegistered()]).when(command('ScheduleTouch', { ...call(), dueAt: 'soon' })).thenThrows(LeadErrorCode.InvalidTimestamp, 'dueAt');
  });

  it('cancels an open touch once; a closed one records nothing', () => {
    given(registeredLeadWith(scheduled())).when(command('CancelTouch', { touchId: 't-1', reason: 'replaced_by_new_plan' }))
      .then([{ type: 'TouchCancelled', data: { touchId: 't-1', reason: 'replaced_by_new_plan' } }]);
    given(registeredLeadWith(scheduled(), { type: 'TouchCancelled', data: { touchId: 't-1', reason: 'deal_won' } }))
      .when(command('CancelTouch', { touchId: 't-1', reason: 'manual' })).then([]);
  });

  it('records a send once, with the channel it was planned for', () => {
    given(registeredLeadWith(scheduled())).when(command('RecordTouchSent', { touchId: 't-1', via: 'kafka', attempt: 1 })).then([sent]);
    given(registeredLeadWith(scheduled(), sent)).when(command('RecordTouchSent', { touchId: 't-1', via: 'kafka', attempt: 2 })).then([]);
  });

  it('records a failed attempt, then gives up; an attempt already recorded records nothing', () => {
    const failed: LeadEvent = { type: 'TouchDeliveryFailed', data: { touchId: 't-1', attempt: 1, error: 'HTTP 502' } };
    given(registeredLeadWith(scheduled())).when(command('RecordTouchDeliveryFailure', { touchId: 't-1', attempt: 1, error: 'HTTP 502', giveUp: false }))
      .then([failed]);
    given(registeredLeadWith(scheduled(), failed)).when(command('RecordTouchDeliveryFailure', { touchId: 't-1', attempt: 1, error: 'HTTP 502', giveUp: false }))
      .then([]);
    given(registeredLeadWith(scheduled(), failed)).when(command('RecordTouchDeliveryFailure', { touchId: 't-1', attempt: 2, error: 'HTTP 502', giveUp: true }))
      .then([{ type: 'TouchFailed', data: { touchId: 't-1', attempts: 2, error: 'HTTP 502' } }]);
  });

  it('completes a sent touch; a cancelled one cannot be completed', () => {
    given(registeredLeadWith(scheduled(), sent)).when(command('CompleteTouch', { touchId: 't-1', outcome: 'reached' }))
      .then([{ type: 'TouchCompleted', data: { touchId: 't-1', outcome: 'reached' } }]);
    given(registeredLeadWith(scheduled(), { type: 'TouchCancelled', data: { touchId: 't-1', reason: 'deal_won' } }))
      .when(command('CompleteTouch', { touchId: 't-1', outcome: 'reached' })).thenThrows(LeadErrorCode.TouchNotOpen, 'touchId');
  });

  it('answers an unknown touch with TOUCH_NOT_FOUND', () => {
    given([leadRegistered()]).when(command('CompleteTouch', { touchId: 'nope', outcome: 'done' })).thenThrows(LeadErrorCode.TouchNotFound, 'touchId');
  });

  it('marks an open touch overdue once', () => {
    given(registeredLeadWith(scheduled())).when(command('MarkTouchOverdue', { touchId: 't-1' }))
      .then([{ type: 'TouchOverdue', data: { touchId: 't-1', dueAt: call().dueAt } }]);
    given(registeredLeadWith(scheduled(), { type: 'TouchOverdue', data: { touchId: 't-1', dueAt: call().dueAt } }))
      .when(command('MarkTouchOverdue', { touchId: 't-1' })).then([]);
  });

  it('raises each early warning once', () => {
    const warning = { warningId: 'w-1', kind: 'going_cold' as const, deadline: '2026-01-20T00:00:00.000Z' };
    given([leadRegistered()]).when(command('RaiseEarlyWarning', warning)).then([{ type: 'EarlyWarningRaised', data: warning }]);
    given(registeredLeadWith({ type: 'EarlyWarningRaised', data: warning })).when(command('RaiseEarlyWarning', warning)).then([]);
  });
});
