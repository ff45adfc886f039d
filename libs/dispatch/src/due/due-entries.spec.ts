import { LeadEvent, RegisteredLeadState } from '@crm/lead';
import { at, fold, GivenEvent } from '../../../lead/src/testing/decider-specification';
import { LEAD_ID, REGISTERED_AT, dealWon, leadRegistered, vehicleDelivered } from '../../../lead/src/testing/lead-fixtures';
import { DEFAULT_DEALER_SETTINGS } from '@crm/nurture';
import { dueEntriesOf } from './due-entries';
import { warningIdOf } from './warning-id';

const lead = (...events: GivenEvent[]): RegisteredLeadState => {
  const state = fold([leadRegistered(), ...events]);
  if (state.status === 'unregistered') throw new Error('expected a registered lead');
  return state;
};
const kinds = (state: RegisteredLeadState): Record<string, string> =>
  Object.fromEntries(dueEntriesOf(state, DEFAULT_DEALER_SETTINGS).map((entry) => [entry.id, entry.dueAt]));

const CALLED_AT = '2026-01-06T02:00:00.000Z';
const call: LeadEvent = { type: 'CallLogged', data: { direction: 'outbound', outcome: 'connected' } };
const hot: LeadEvent = { type: 'PurchaseIntentAssessed', data: { timeframe: 'within_1_month', tier: 'T1' } };
const touch = (touchId: string, dueAt: string): LeadEvent => ({
  type: 'TouchScheduled', data: { touchId, purpose: 'nurture_call', channel: 'call', dueAt, marketing: false, rule: 'test' },
});
const warning = (kind: 'first_contact_late' | 'going_cold' | 'churn_risk', basis: string, deadline: string): LeadEvent => ({
  type: 'EarlyWarningRaised', data: { warningId: warningIdOf(LEAD_ID, kind, basis), kind, deadline },
});

describe('dueEntriesOf', () => {
  it('gives a new walk-in lead one day for its first contact, and nothing else', () => {
    expect(kinds(lead())).toEqual({ [`first_contact_late:${LEAD_ID}`]: '2026-01-06T08:00:00.000Z' });
  });

  it('gives an online lead the hour of its channel', () => {
    const online = fold([at(REGISTERED_AT, { type: 'LeadRegistered', data: { ...registration(), channel: 'website' } })]) as RegisteredLeadState;
    expect(kinds(online)).toEqual({ [`first_contact_late:${LEAD_ID}`]: '2026-01-05T09:00:00.000Z' });
  });

  it('ends the first-contact deadline with the first interaction, or once warned', () => {
    expect(kinds(lead(at(CALLED_AT, call)))).toEqual({});
    expect(kinds(lead(warning('first_contact_late', REGISTERED_AT, '2026-01-06T08:00:00.000Z')))).toEqual({});
  });

  it('counts going cold from the last interaction of a hot lead, and warns once per silence', () => {
    const cold = lead(at(CALLED_AT, hot));
    expect(kinds(cold)[`going_cold:${LEAD_ID}`]).toBe('2026-01-13T02:00:00.000Z');
    expect(kinds(lead(at(CALLED_AT, hot), warning('going_cold', CALLED_AT, '2026-01-13T02:00:00.000Z')))[`going_cold:${LEAD_ID}`]).toBeUndefined();
    // A new interaction starts a new silence, with a deadline of its own.
    const later = lead(at(CALLED_AT, hot), warning('going_cold', CALLED_AT, 'x'), at('2026-01-20T02:00:00.000Z', call));
    expect(kinds(later)[`going_cold:${LEAD_ID}`]).toBe('2026-01-27T02:00:00.000Z');
  });

  it('counts a stalled follow-up from the hand-off when it came after the last interaction', () => {
    const assigned: LeadEvent = { type: 'ConsultantAssigned', data: { consultantId: 'c-1', reason: 'manual' } };
    const held = lead(at(CALLED_AT, call), at('2026-01-10T02:00:00.000Z', assigned));
    expect(kinds(held)[`follow_up_stalled:${LEAD_ID}`]).toBe('2026-01-24T02:00:00.000Z');
    const returned: LeadEvent = { type: 'LeadReturnedToNurturing', data: { consultantId: 'c-1', reason: 'follow_up_stalled' } };
    expect(kinds(lead(at(CALLED_AT, call), at('2026-01-10T02:00:00.000Z', assigned), at('2026-01-24T02:00:00.000Z', returned)))).toEqual({});
  });

  it('watches a delivered customer for churn from the last interaction', () => {
    const delivered = lead(at(CALLED_AT, dealWon()), at(CALLED_AT, vehicleDelivered()));
    expect(kinds(delivered)).toEqual({ [`churn_risk:${LEAD_ID}`]: '2027-01-06T02:00:00.000Z' });
  });

  it('keeps a scheduled touch due at its time and its overdue deadline until it is completed or marked', () => {
    const planned = lead(at(CALLED_AT, call), touch('t-1', '2026-02-01T02:00:00.000Z'));
    expect(kinds(planned)).toEqual({ 'touch:t-1': '2026-02-01T02:00:00.000Z', 'touch_overdue:t-1': '2026-02-04T02:00:00.000Z' });
    const sent: LeadEvent = { type: 'TouchSent', data: { touchId: 't-1', channel: 'call', via: 'tasks', attempt: 1 } };
    expect(kinds(lead(at(CALLED_AT, call), touch('t-1', '2026-02-01T02:00:00.000Z'), sent))).toEqual({ 'touch_overdue:t-1': '2026-02-04T02:00:00.000Z' });
    const overdue: LeadEvent = { type: 'TouchOverdue', data: { touchId: 't-1', dueAt: '2026-02-01T02:00:00.000Z' } };
    expect(kinds(lead(at(CALLED_AT, call), touch('t-1', '2026-02-01T02:00:00.000Z'), sent, overdue))).toEqual({});
    const cancelled: LeadEvent = { type: 'TouchCancelled', data: { touchId: 't-1', reason: 'manual' } };
    expect(kinds(lead(at(CALLED_AT, call), touch('t-1', '2026-02-01T02:00:00.000Z'), cancelled))).toEqual({});
  });

  it('follows the dealer settings', () => {
    const settings = { ...DEFAULT_DEALER_SETTINGS, warningDays: { ...DEFAULT_DEALER_SETTINGS.warningDays, goingCold: 2 } };
    const entry = dueEntriesOf(lead(at(CALLED_AT, hot)), settings).find((e) => e.kind === 'going_cold');
    expect(entry).toEqual({
      id: `going_cold:${LEAD_ID}`, kind: 'going_cold', leadId: LEAD_ID, dealerId: 'dealer-sh-01', dueAt: '2026-01-08T02:00:00.000Z', basis: CALLED_AT,
    });
  });
});

function registration() {
  const registered = leadRegistered();
  if (!('event' in registered) || registered.event.type !== 'LeadRegistered') throw new Error('fixture changed');
  return registered.event.data;
}
