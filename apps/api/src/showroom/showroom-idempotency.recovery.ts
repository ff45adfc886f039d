import { Injectable } from '@nestjs/common';
import { EventStore } from '@crm/event-store';
import { Clock } from '@crm/kernel';
import { showroomStreamId } from '@crm/lead';
import { IdempotencyRecovery, RecoveryRequest } from '../idempotency/idempotency-recovery.port';
import { StoredResponse } from '../idempotency/idempotency-store.port';
import { eventsOfRequest } from '../idempotency/keyed-events';
import { ShowroomCommandResult } from './showroom-command.result';

const DAY_MS = 86_400_000;

/**
 * Rebuilds a count's answer from the events that carry its Idempotency-Key. The stream is the day of occurrence:
 * the body's occurredAt, or else "now" when the crashed request ran, which is today or, just after midnight,
 * yesterday (a claim is taken over once it is a minute old).
 */
@Injectable()
export class ShowroomIdempotencyRecovery extends IdempotencyRecovery {
  constructor(private readonly store: EventStore, private readonly clock: Clock) {
    super();
  }

  override async recover(request: RecoveryRequest): Promise<StoredResponse | undefined> {
    for (const day of this.candidateDays(request)) {
      const mine = eventsOfRequest(await this.store.readStream(showroomStreamId(request.actor.dealerId, day)), request);
      if (!mine) continue;
      const body: ShowroomCommandResult = { position: mine.last.position, events: mine.events };
      return { status: 201, body };
    }
    return undefined;
  }

  private candidateDays(request: RecoveryRequest): string[] {
    const occurredAt = (request.body as { occurredAt?: unknown } | undefined)?.occurredAt;
    if (typeof occurredAt === 'string') return [occurredAt];
    const now = this.clock.now().getTime();
    return [now, now - DAY_MS].map((ms) => new Date(ms).toISOString());
  }
}
