import { RecordedEvent } from '@crm/event-store';
import { LEAD_EVENT_SCHEMA_VERSIONS, LEAD_STREAM_PREFIX, LeadEvent, leadIdFromStream, upcastLeadEvent } from '@crm/lead';

/** A lead event as projections see it: decoded, upcast, with the times they may use (never the clock). */
export interface LeadEnvelope {
  leadId: string;
  position: number;
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
    event: upcastLeadEvent(recorded.type, metadata.schemaVersion ?? 1, recorded.data),
    occurredAt: metadata.occurredAt,
    recordedAt: metadata.recordedAt,
  };
}

export const periodOf = (isoTime: string): string => isoTime.slice(0, 7);

/** Events in which the dealer actually dealt with the lead: they count for first response and going cold. */
export const INTERACTION_EVENTS: ReadonlySet<LeadEvent['type']> = new Set<LeadEvent['type']>([
  'ShowroomVisited', 'CallLogged', 'TestDriveScheduled', 'TestDriveCompleted', 'InvitationSent',
  'InvitationAnswered', 'InvitationAttended', 'NeedsAnalysed', 'VehiclePresented', 'QuoteGiven',
]);

export const earliest = (a: string | null, b: string): string => (a === null || b < a ? b : a);
export const latest = (a: string | null, b: string): string => (a === null || b > a ? b : a);
