import { RecordedEvent } from '@crm/event-store';
import {
  compareInstants, isCustomerInteraction, LEAD_EVENT_SCHEMA_VERSIONS, LEAD_STREAM_PREFIX, LeadEvent, leadIdFromStream, nextLastInteractionAt, upcastLeadEvent,
} from '@crm/lead';

/** A lead event as projections see it: decoded, upcast, with the times they may use (never the clock). */
export interface LeadEnvelope {
  leadId: string;
  position: number;
  /** The event's revision in its lead stream: breaks ties between facts that happened at the same time. */
  revision: number;
  event: LeadEvent;
  occurredAt: string;
  recordedAt: string;
}

/**
 * A projection is pure: the next state of one document from its current state and an event. The runner does
 * the I/O, so the same code fills every read store, and batch boundaries cannot change the result.
 */
export interface Projection<Doc = unknown, Envelope = unknown> {
  readonly name: string;
  readonly collection: string;
  /** The events this projection reads, decoded and upcast; undefined for every other event in the log. */
  decode(recorded: RecordedEvent): Envelope | undefined;
  documentId(envelope: Envelope): string;
  /** Returns `current` itself when the event changes nothing, undefined to delete the document. */
  evolve(current: Doc | undefined, envelope: Envelope): Doc | undefined;
  partitionOf(doc: Doc): string;
}

/** Other streams (phone reservations, ...) and unknown event types are not the read side's business. */
export function decodeLeadEvent(recorded: RecordedEvent): LeadEnvelope | undefined {
  if (!recorded.streamId.startsWith(LEAD_STREAM_PREFIX)) return undefined;
  if (!(recorded.type in LEAD_EVENT_SCHEMA_VERSIONS)) return undefined;
  const metadata = recorded.metadata;
  return {
    leadId: leadIdFromStream(recorded.streamId),
    position: recorded.position,
    revision: recorded.revision,
    event: upcastLeadEvent(recorded.type, metadata.schemaVersion ?? 1, recorded.data),
    occurredAt: metadata.occurredAt,
    recordedAt: metadata.recordedAt,
  };
}

export const periodOf = (isoTime: string): string => isoTime.slice(0, 7);

export const earliest = (a: string | null, b: string): string => (a === null || compareInstants(b, a) < 0 ? b : a);

/** The lead's last interaction after one more fact, by the lead's own definition (libs/lead), null for none. */
export const lastInteraction = (current: string | null, envelope: LeadEnvelope): string | null =>
  nextLastInteractionAt(current ?? undefined, envelope.event.type, envelope.occurredAt) ?? null;

/**
 * The first response is the first interaction after the registration itself: what the registration carried
 * (its own time, the intended purchase time as the first assessment) is the lead coming in, not the dealer answering.
 */
export function firstResponse(current: string | null, registeredAt: string, envelope: LeadEnvelope): string | null {
  const { event, occurredAt } = envelope;
  if (event.type === 'LeadRegistered' || !isCustomerInteraction(event.type)) return current;
  return compareInstants(occurredAt, registeredAt) > 0 ? earliest(current, occurredAt) : current;
}
