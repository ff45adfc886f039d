import { Injectable } from '@nestjs/common';
import { EventToAppend } from '@crm/event-store';
import { DomainEvent, EventMetadata, IdGenerator } from '@crm/kernel';
import { CommandOrigin } from '../command-origin';

export interface EnvelopeTimes {
  occurredAt: string;
  recordedAt: string;
}

/** Gives each event the full metadata of the architecture: id, actor, correlation, causation, source, times. */
@Injectable()
export class EventEnvelopeFactory {
  constructor(private readonly ids: IdGenerator) {}

  wrap(events: readonly DomainEvent[], origin: CommandOrigin, times: EnvelopeTimes, schemaVersion: (type: string) => number): EventToAppend[] {
    return events.map((event) => ({ type: event.type, data: event.data, metadata: this.metadata(event.type, origin, times, schemaVersion) }));
  }

  private metadata(type: string, origin: CommandOrigin, times: EnvelopeTimes, schemaVersion: (type: string) => number): EventMetadata {
    const metadata: EventMetadata = {
      eventId: this.ids.next(),
      actor: origin.actor,
      correlationId: origin.correlationId,
      causationId: origin.causationId,
      source: origin.source,
      schemaVersion: schemaVersion(type),
      occurredAt: times.occurredAt,
      recordedAt: times.recordedAt,
    };
    if (origin.reason !== undefined) metadata.reason = origin.reason;
    if (origin.idempotencyKey !== undefined) metadata.idempotencyKey = origin.idempotencyKey;
    return metadata;
  }
}
