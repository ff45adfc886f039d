import fc from 'fast-check';
import { EventToAppend } from '@crm/event-store';
import { INTENT_TIERS, LeadEvent, LOST_REASONS, leadStreamId, ShowroomEvent, showroomStreamId } from '@crm/lead';
import { metadataFor, quote, registration, walkInCounted } from './lead-events.builder';

export interface StreamAppend {
  streamId: string;
  event: EventToAppend;
}

/** A lead's fact with the time it happened; a history lists them in the order they were recorded. */
export interface TimedFact {
  event: LeadEvent;
  occurredAt: string;
}

const followUp: fc.Arbitrary<LeadEvent> = fc.oneof(
  fc.constant<LeadEvent>({ type: 'NeedsAnalysed', data: { intendedModels: ['Model X'], budget: { max: 350_000, currency: 'CNY' } } }),
  fc.constant<LeadEvent>({ type: 'VehiclePresented', data: { model: 'Model X' } }),
  fc.constant<LeadEvent>({ type: 'TestDriveCompleted', data: { testDriveId: 'td', model: 'Model X' } }),
  fc.integer({ min: 100, max: 900 }).map((k) => quote(`q${k}`, k * 1000, `2026-0${(k % 9) + 1}-15`)),
  fc.integer({ min: 100, max: 900 }).map<LeadEvent>((k) => ({
    type: 'DealWon', data: { quoteId: `q${k}`, model: 'Model Y', quantity: 2, totalPrice: { amount: k * 900, currency: 'CNY' } },
  })),
  fc.constantFrom(...INTENT_TIERS).map<LeadEvent>((tier) => ({ type: 'PurchaseIntentAssessed', data: { timeframe: 'in_2_3_months', tier } })),
  fc.constantFrom('c1', 'c2').map<LeadEvent>((consultantId) => ({ type: 'ConsultantAssigned', data: { consultantId, reason: 'manual' } })),
  fc.constant<LeadEvent>({ type: 'CallLogged', data: { direction: 'outbound', outcome: 'connected' } }),
  fc.constant<LeadEvent>({ type: 'ShowroomVisited', data: {} }),
  fc.constant<LeadEvent>({ type: 'ComplaintFiled', data: { complaintId: 'c', category: 'service', description: 'slow' } }),
  fc.constant<LeadEvent>({ type: 'DealWon', data: {} }),
  fc.constant<LeadEvent>({ type: 'VehicleDelivered', data: {} }),
  fc.constantFrom(...LOST_REASONS).map<LeadEvent>((reason) => ({ type: 'DealLost', data: { reason } })),
  fc.constant<LeadEvent>({ type: 'LeadReopened', data: {} }),
  fc.integer({ min: 2, max: 4 }).map<LeadEvent>((cycle) => ({ type: 'PurchaseCycleStarted', data: { cycle, reason: 'quote' } })),
  fc.constantFrom('t1', 't2').map<LeadEvent>((touchId) => ({
    type: 'TouchScheduled', data: { touchId, purpose: 'nurture_call', channel: 'call', dueAt: '2026-04-01T02:00:00.000Z', marketing: false, rule: 'r' },
  })),
  fc.constantFrom('t1', 't2').map<LeadEvent>((touchId) => ({ type: 'TouchSent', data: { touchId, channel: 'call', via: 'tasks', attempt: 1 } })),
  fc.constantFrom('t1', 't2').map<LeadEvent>((touchId) => ({ type: 'TouchCompleted', data: { touchId, outcome: 'reached' } })),
  fc.constantFrom('w1', 'w2').map<LeadEvent>((warningId) => ({ type: 'EarlyWarningRaised', data: { warningId, kind: 'going_cold', deadline: '2026-04-01T02:00:00.000Z' } })),
  fc.constant<LeadEvent>({ type: 'ContactDetailsChanged', data: { name: 'Renamed' } }),
);

const LEAD_EPOCH = Date.UTC(2026, 0, 1);
const STEP_MS = 10 * 60_000;

/**
 * One lead's history as recorded. Facts happen ten minutes apart in the order generated; each may be recorded
 * up to three facts late (a back-dated entry: recorded after facts that happened after it). The registration
 * is always recorded first, as the decider demands. Times are distinct, so the occurrence order is unambiguous.
 */
export const leadFactsArbitrary = (leadId: string, dealerId = 'dealer-1', channel: 'walk_in' | 'website' | 'referral' = 'walk_in', startMs = LEAD_EPOCH): fc.Arbitrary<TimedFact[]> =>
  fc.array(fc.record({ event: followUp, lateBy: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }) }), { maxLength: 12 })
    .map((followUps) => {
      const timed = followUps.map(({ event, lateBy }, index) => ({
        fact: { event, occurredAt: new Date(startMs + (index + 1) * STEP_MS).toISOString() }, recordedKey: index + lateBy, index,
      }));
      timed.sort((a, b) => a.recordedKey - b.recordedKey || a.index - b.index);
      const registered: TimedFact = { event: registration(leadId, { dealerId, channel }), occurredAt: new Date(startMs).toISOString() };
      return [registered, ...timed.map((t) => t.fact)];
    });

/** The same facts recorded in the order they happened: what the read model must equal whatever the recording order. */
export const inOccurrenceOrder = (facts: readonly TimedFact[]): TimedFact[] =>
  [...facts].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));

const leadHistory = fc
  .record({
    dealer: fc.constantFrom('dealer-1', 'dealer-2'),
    channel: fc.constantFrom('walk_in' as const, 'website' as const, 'referral' as const),
    startMinute: fc.nat({ max: 600 }),
  })
  .chain(({ dealer, channel, startMinute }) =>
    fc.record({ dealer: fc.constant(dealer), facts: leadFactsArbitrary('pending', dealer, channel, LEAD_EPOCH + startMinute * 60_000) }));

/** A showroom door count: its own stream per dealer and day, no lead. */
const walkIn = fc.record({
  dealer: fc.constantFrom('dealer-1', 'dealer-2'),
  visitors: fc.integer({ min: 1, max: 50 }),
  consultant: fc.option(fc.constantFrom('c1', 'c2'), { nil: undefined }),
  minute: fc.nat({ max: 3000 }),
});

interface Queue {
  streamId: string;
  dealer: string;
  facts: Array<{ event: LeadEvent | ShowroomEvent; occurredAt: string }>;
}

/** Random lead histories (with late entries) and walk-in counts, before they are interleaved into one log. */
export interface GlobalLogScenario {
  histories: Array<{ dealer: string; facts: TimedFact[] }>;
  walkIns: Array<{ dealer: string; visitors: number; consultant?: string; minute: number }>;
  picks: number[];
}

export const globalLogScenarioArbitrary: fc.Arbitrary<GlobalLogScenario> = fc.record({
  histories: fc.array(leadHistory, { minLength: 1, maxLength: 8 }),
  walkIns: fc.array(walkIn, { maxLength: 6 }),
  picks: fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
});

/**
 * Interleaves the histories (each in its own recording order, or in occurrence order with `inOrder`) and the
 * walk-in counts into one global log, with a few foreign events (phone reservations) mixed in.
 */
export function interleave(scenario: GlobalLogScenario, inOrder = false): StreamAppend[] {
  const queues: Queue[] = scenario.histories.map((history, index) => {
    const leadId = `lead-${index}`;
    const facts = (inOrder ? inOccurrenceOrder(history.facts) : history.facts).map((fact) =>
      fact.event.type === 'LeadRegistered' ? { ...fact, event: registration(leadId, { dealerId: fact.event.data.dealerId, channel: fact.event.data.channel }) } : fact);
    return { streamId: leadStreamId(leadId), dealer: history.dealer, facts };
  });
  for (const count of scenario.walkIns) {
    const event = walkInCounted(count.dealer, count.visitors, count.consultant);
    const occurredAt = new Date(LEAD_EPOCH + count.minute * 60_000).toISOString();
    queues.push({ streamId: showroomStreamId(count.dealer, occurredAt), dealer: count.dealer, facts: [{ event, occurredAt }] });
  }
  const log: StreamAppend[] = [];
  for (let turn = 0; queues.some((q) => q.facts.length > 0); turn += 1) {
    const open = queues.filter((q) => q.facts.length > 0);
    const queue = open[(scenario.picks[turn % scenario.picks.length] ?? 0) % open.length];
    const fact = queue?.facts.shift();
    if (!queue || !fact) continue;
    const { event, occurredAt } = fact;
    log.push({ streamId: queue.streamId, event: { type: event.type, data: event.data, metadata: metadataFor(event, occurredAt, queue.dealer) } });
    if (turn % 5 === 0) log.push(phoneReservation(log.length, occurredAt));
  }
  return log;
}

/** Random lead histories with late entries and showroom walk-in counts, interleaved into one global log. */
export const globalLogArbitrary: fc.Arbitrary<StreamAppend[]> = globalLogScenarioArbitrary.map((scenario) => interleave(scenario));

function phoneReservation(seq: number, occurredAt: string): StreamAppend {
  const event = { type: 'PhoneNumberReserved', data: { phone: `+86138${seq}` } };
  return { streamId: `phone-${seq}`, event: { ...event, metadata: { ...metadataFor({ type: 'ShowroomVisited', data: {} }, occurredAt), schemaVersion: 1 } } };
}
