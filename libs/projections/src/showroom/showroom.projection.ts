import { RecordedEvent } from '@crm/event-store';
import { SHOWROOM_EVENT_SCHEMA_VERSIONS, SHOWROOM_STREAM_PREFIX, UnrecordedWalkInCounted } from '@crm/lead';
import { periodOf, Projection } from '../projection';
import { UnrecordedWalkInView } from './unrecorded-walk-in.view';

export const SHOWROOM_PROJECTION = 'showroom';
export const SHOWROOM_COLLECTION = 'walk-ins';

/** A showroom event as this projection sees it: the event id is the document id, so a replay writes nothing new. */
export interface ShowroomEnvelope {
  eventId: string;
  event: UnrecordedWalkInCounted;
  occurredAt: string;
}

/**
 * Walk-ins that left no record, one document per count. Counts never change once made, so the document is
 * written once; summing happens at query time like the funnel's other aggregates.
 */
export class ShowroomProjection implements Projection<UnrecordedWalkInView, ShowroomEnvelope> {
  readonly name = SHOWROOM_PROJECTION;
  readonly collection = SHOWROOM_COLLECTION;

  decode(recorded: RecordedEvent): ShowroomEnvelope | undefined {
    if (!recorded.streamId.startsWith(SHOWROOM_STREAM_PREFIX)) return undefined;
    if (recorded.type !== 'UnrecordedWalkInCounted') return undefined;
    const version = recorded.metadata.schemaVersion ?? 1;
    // Only version 1 exists; a later one brings its upcaster here. Skipping would lose counts, so stop instead.
    if (version !== SHOWROOM_EVENT_SCHEMA_VERSIONS.UnrecordedWalkInCounted) {
      throw new Error(`No upcaster for UnrecordedWalkInCounted from schema version ${version}`);
    }
    const event = { type: recorded.type, data: recorded.data } as UnrecordedWalkInCounted;
    return { eventId: recorded.metadata.eventId, event, occurredAt: recorded.metadata.occurredAt };
  }

  documentId(envelope: ShowroomEnvelope): string {
    return envelope.eventId;
  }

  partitionOf(doc: UnrecordedWalkInView): string {
    return doc.dealerId;
  }

  evolve(current: UnrecordedWalkInView | undefined, envelope: ShowroomEnvelope): UnrecordedWalkInView | undefined {
    if (current) return current;
    const { data } = envelope.event;
    return {
      eventId: envelope.eventId, dealerId: data.dealerId, visitors: data.visitors,
      consultantId: data.consultantId ?? null, intendedModel: data.intendedModel ?? null,
      occurredAt: envelope.occurredAt, period: periodOf(envelope.occurredAt),
    };
  }
}
