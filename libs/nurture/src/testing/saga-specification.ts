import { Actor, ActorRole, derivedId } from '@crm/kernel';
import { LeadEvent, LeadRegistered, LeadState, RegisteredLeadState, TouchScheduled, evolve, initialLeadState } from '@crm/lead';
import { effectiveCadence } from '../cadence/cadence-override';
import { DEFAULT_CADENCE_POLICY } from '../cadence/default-cadence';
import { DealerEvent } from '../dealer/dealer-events';
import { NurtureCommand } from '../saga/nurture-commands';
import { nurtureSaga } from '../saga/nurture.saga';
import { LeadFact } from '../saga/saga-input';
import { DEALER, foldDealer } from './dealer-specification';

export const LEAD = '11111111-1111-4111-8111-111111111111';
/** 10:00 in Shanghai, the default dealer zone. */
export const T0 = '2026-01-05T02:00:00.000Z';
export const EVENT_ID = 'event-under-test';

export const actor = (role: ActorRole = 'crm_agent', id = `${role}-1`): Actor => ({ id, role, dealerId: DEALER });

export const registered = (overrides: Partial<LeadRegistered['data']> = {}): LeadEvent => ({
  type: 'LeadRegistered',
  data: {
    leadId: LEAD, dealerId: DEALER, channel: 'website', contact: { name: 'Wang Fang', phone: '+8613812345678' },
    profile: { intendedModels: ['Model S'] }, marketingConsent: true, ...overrides,
  },
});

export const assessed = (tier: 'T1' | 'T2' | 'T3' | 'T4' | 'T5'): LeadEvent => {
  const timeframe = ({ T1: 'within_1_month', T2: 'in_2_3_months', T3: 'in_4_6_months', T4: 'in_7_12_months', T5: 'over_12_months' } as const)[tier];
  return { type: 'PurchaseIntentAssessed', data: { timeframe, tier } };
};

export const touchScheduled = (touchId: string, data: Partial<TouchScheduled['data']> = {}): LeadEvent => ({
  type: 'TouchScheduled',
  data: { touchId, purpose: 'nurture_call', channel: 'call', dueAt: '2026-02-05T02:00:00.000Z', marketing: true, rule: 'cadence.T2.call_month_1', ...data },
});

/** A past lead event, at a time (defaults to T0). */
export interface Given { event: LeadEvent; occurredAt?: string }
export const at = (occurredAt: string, event: LeadEvent): Given => ({ event, occurredAt });

export interface When {
  event: LeadEvent;
  occurredAt?: string;
  recordedAt?: string;
  actor?: Actor;
  eventId?: string;
}

/** The id the saga gives a touch planned by the event under test for `rule`. */
export const plannedId = (rule: string, eventId = EVENT_ID): string => derivedId(eventId, 'touch', rule);

/**
 * given lead events (and dealer events) / when a lead event / then the saga's commands. The lead state the saga
 * sees includes the event under test, as the runner loads it (up to and including that event's revision).
 */
export function givenLead(history: ReadonlyArray<LeadEvent | Given>, dealerHistory: readonly DealerEvent[] = []) {
  const past = history.map((entry) => ('event' in entry ? entry : { event: entry }));
  return {
    decide(when: When): NurtureCommand[] {
      const occurredAt = when.occurredAt ?? T0;
      // In occurrence order (stable), as the lead stream loader folds it.
      const state = [...past, { event: when.event, occurredAt }]
        .map((entry, index) => ({ ...entry, occurredAt: entry.occurredAt ?? T0, index }))
        .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.index - b.index))
        .reduce<LeadState>((lead, entry) => evolve(lead, entry.event, { occurredAt: entry.occurredAt }), initialLeadState);
      if (state.status === 'unregistered') throw new Error('The specification needs a registered lead');
      const fact: LeadFact = {
        leadId: LEAD, event: when.event, eventId: when.eventId ?? EVENT_ID, occurredAt,
        recordedAt: when.recordedAt ?? occurredAt, actor: when.actor ?? actor(),
      };
      const dealer = foldDealer(dealerHistory);
      return nurtureSaga(fact, { lead: state as RegisteredLeadState, dealer, policy: effectiveCadence(DEFAULT_CADENCE_POLICY, dealer.cadence) });
    },
    when(when: When) {
      return { then: (expected: NurtureCommand[]): void => expect(this.decide(when)).toEqual(expected) };
    },
  };
}
