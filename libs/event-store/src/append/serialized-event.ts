import type { EventToAppend, ExpectedRevision } from '../event-store.port';

/** An event as the SQL adapters store it: JSON text, plus the metadata fields they index. */
export interface SerializedEvent {
  type: string;
  data: string;
  metadata: string;
  eventId: string;
  occurredAt: string;
  recordedAt: string;
}

/** One caller's append, ready for a group commit. */
export interface SerializedAppend {
  streamId: string;
  expected: ExpectedRevision;
  events: SerializedEvent[];
}

/**
 * Serialises before the append joins a batch: an event that cannot be serialised (a BigInt, a cycle) fails its own
 * append at once and never reaches the transaction the other appends share.
 */
export function serializeAppend(streamId: string, events: EventToAppend[], expected: ExpectedRevision): SerializedAppend {
  return {
    streamId,
    expected,
    events: events.map((event) => ({
      type: event.type,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
      eventId: event.metadata.eventId,
      occurredAt: event.metadata.occurredAt,
      recordedAt: event.metadata.recordedAt,
    })),
  };
}
