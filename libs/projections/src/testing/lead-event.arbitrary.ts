import fc from 'fast-check';
import { EventToAppend } from '@crm/event-store';
import { INTENT_TIERS, LeadEvent, LOST_REASONS, leadStreamId, ShowroomEvent, showroomStreamId } from '@crm/lead';
import { metadataFor, quote, registration, walkInCounted } from './lead-events.builder';

export interface StreamAppend {
  streamId: string;
  event: EventToAppend;
}

const followUp: fc.Arbitrary<LeadEvent> = fc.oneof(
  fc.constant<LeadEvent>({ type: 'NeedsAnalysed', data: { intendedModels: ['Model X'], budget: { max: 350_000, currency: 'CNY' } } }),
  fc.constant<LeadEvent>({ type: 'VehiclePresented', data: { model: 'Model X' } }),
  fc.constant<LeadEvent>({ type: 'TestDriveCompleted', data: { testDriveId: 'td', model: 'Model X' } }),
  fc.integer({ min: 100, max: 900 }).map((k) => quote(`q${k}`, k * 1000, `2026-0${(k % 9) + 1}-15`)),
  fc.constantFrom(...INTENT_TIERS).map<LeadEvent>((tier) => ({ type: 'PurchaseIntentAssessed', data: { timeframe: 'in_2_3_months', tier } })),
  fc.constantFrom('c1', 'c2').map<LeadEvent>((consultantId) => ({ type: 'ConsultantAssigned', data: { consultantId, reason: 'manual' } })),
  fc.constant<LeadEvent>({ type: 'CallLogged', data: { direction: 'outbound', outcome: 'connected' } }),
  fc.constant<LeadEvent>({ type: 'ShowroomVisited', data: {} }),
  fc.constant<LeadEvent>({ type: 'DealWon', data: {} }),
  fc.constant<LeadEvent>({ type: 'VehicleDelivered', data: {} }),
  fc.constantFrom(...LOST_REASONS).map<LeadEvent>((reason) => ({ type: 'DealLost', data: { reason } })),
  fc.constant<LeadEvent>({ type: 'LeadReopened', data: {} }),
  fc.constantFrom('t1', 't2').map<LeadEvent>((touchId) => ({
    type: 'TouchScheduled', data: { touchId, purpose: 'nurture_call', channel: 'call', dueAt: '2026-04-01T02:00:00.000Z', marketing: false, rule: 'r' },
  })),
  fc.constantFrom('t1', 't2').map<LeadEvent>((touchId) => ({ type: 'TouchSent', data: { touchId, channel: 'call', via: 'tasks', attempt: 1 } })),
  fc.constantFrom('t1', 't2').map<LeadEvent>((touchId) => ({ type: 'TouchCompleted', data: { touchId, outcome: 'reached' } })),
  fc.constantFrom('w1', 'w2').map<LeadEvent>((warningId) => ({ type: 'EarlyWarningRaised', data: { warningId, kind: 'going_cold', deadline: '2026-04-01T02:00:00.000Z' } })),
  fc.constant<LeadEvent>({ type: 'ContactDetailsChanged', data: { name: 'Renamed' } }),
);

const leadHistory = fc.record({
  dealer: fc.constantFrom('dealer-1', 'dealer-2'),
  channel: fc.constantFrom('walk_in' as const, 'website' as const, 'referral' as const),
  events: fc.array(followUp, { maxLength: 12 }),
});

/** A showroom door count: its own stream per dealer and day, no lead. */
const walkIn = fc.record({
  dealer: fc.constantFrom('dealer-1', 'dealer-2'),
  visitors: fc.integer({ min: 1, max: 50 }),
  consultant: fc.option(fc.constantFrom('c1', 'c2'), { nil: undefined }),
});

interface Queue {
  streamOf(occurredAt: string): string;
  dealer: string;
  events: Array<LeadEvent | ShowroomEvent>;
}

/**
 * Random lead histories and showroom walk-in counts interleaved into one global log, with a few foreign events
 * (phone reservations) mixed in. Times rise with the position, as occurred-at mostly does.
 */
export const globalLogArbitrary: fc.Arbitrary<StreamAppend[]> = fc
  .tuple(fc.array(leadHistory, { minLength: 1, maxLength: 8 }), fc.array(walkIn, { maxLength: 6 }), fc.infiniteStream(fc.nat()))
  .map(([histories, walkIns, picks]) => {
    const queues: Queue[] = histories.map((history, index) => {
      const leadId = `lead-${index}`;
      const first = registration(leadId, { dealerId: history.dealer, channel: history.channel });
      return { streamOf: () => leadStreamId(leadId), dealer: history.dealer, events: [first, ...history.events] };
    });
    for (const count of walkIns) {
      const event = walkInCounted(count.dealer, count.visitors, count.consultant);
      queues.push({ streamOf: (occurredAt) => showroomStreamId(count.dealer, occurredAt), dealer: count.dealer, events: [event] });
    }
    const log: StreamAppend[] = [];
    const pick = picks[Symbol.iterator]();
    let minute = 0;
    while (queues.some((q) => q.events.length > 0)) {
      const open = queues.filter((q) => q.events.length > 0);
      const queue = open[(pick.next().value as number) % open.length];
      const event = queue?.events.shift();
      if (!queue || !event) continue;
      minute += 7;
      const occurredAt = new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
      log.push({ streamId: queue.streamOf(occurredAt), event: { type: event.type, data: event.data, metadata: metadataFor(event, occurredAt, queue.dealer) } });
      if (minute % 5 === 0) log.push(phoneReservation(log.length, occurredAt));
    }
    return log;
  });

function phoneReservation(seq: number, occurredAt: string): StreamAppend {
  const event = { type: 'PhoneNumberReserved', data: { phone: `+86138${seq}` } };
  return { streamId: `phone-${seq}`, event: { ...event, metadata: { ...metadataFor({ type: 'ShowroomVisited', data: {} }, occurredAt), schemaVersion: 1 } } };
}
