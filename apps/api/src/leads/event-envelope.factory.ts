import { Injectable } from '@nestjs/common';
import { EventToAppend } from '@crm/event-store';
import { Actor, EventMetadata, IdGenerator } from '@crm/kernel';
import { LEAD_EVENT_SCHEMA_VERSIONS, LeadEventType, SHOWROOM_EVENT_SCHEMA_VERSIONS, ShowroomEventType } from '@crm/lead';
import { CommandTrace } from './command-context.factory';

export interface UnwrappedEvent {
  type: string;
  data: unknown;
}

export interface EnvelopeTimes {
  occurredAt: string;
  recordedAt: string;
}

/** Gives each event the full metadata of the architecture: id, actor, correlation, causation, source, times. */
@Injectable()
export class EventEnvelopeFactory {
  constructor(private readonly ids: IdGenerator) {}

  wrap(events: readonly UnwrappedEvent[], actor: Actor, trace: CommandTrace, times: EnvelopeTimes): EventToAppend[] {
    return events.map((event) => ({ type: event.type, data: event.data, metadata: this.metadata(event.type, actor, trace, times) }));
  }

  private metadata(type: string, actor: Actor, trace: CommandTrace, times: EnvelopeTimes): EventMetadata {
    const metadata: EventMetadata = {
      eventId: this.ids.next(),
      actor,
      correlationId: trace.correlationId,
      causationId: trace.causationId,
      source: 'api',
      schemaVersion: LEAD_EVENT_SCHEMA_VERSIONS[type as LeadEventType] ?? SHOWROOM_EVENT_SCHEMA_VERSIONS[type as ShowroomEventType] ?? 1,
      occurredAt: times.occurredAt,
      recordedAt: times.recordedAt,
    };
    if (trace.reason !== undefined) metadata.reason = trace.reason;
    if (trace.idempotencyKey !== undefined) metadata.idempotencyKey = trace.idempotencyKey;
    return metadata;
  }
}
