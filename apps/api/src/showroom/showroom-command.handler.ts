import { Injectable } from '@nestjs/common';
import { EventStore } from '@crm/event-store';
import { CountUnrecordedWalkIn, decideShowroom, showroomStreamId } from '@crm/lead';
import { TimedInput } from '../leads/command-input';
import { CommandContextFactory } from '../leads/command-context.factory';
import { CommandRequest } from '../leads/command-request';
import { EventEnvelopeFactory } from '../leads/event-envelope.factory';
import { ShowroomCommandResult } from './showroom-command.result';

/**
 * Decide, append. Nothing is loaded: a count depends on no earlier event, and counts commute, so the day's
 * stream is appended with 'any' (no revision check, no retry, no lost update).
 */
@Injectable()
export class ShowroomCommandHandler {
  constructor(
    private readonly store: EventStore,
    private readonly contexts: CommandContextFactory,
    private readonly envelopes: EventEnvelopeFactory,
  ) {}

  async countUnrecordedWalkIn(input: TimedInput<CountUnrecordedWalkIn['data']>, request: CommandRequest): Promise<ShowroomCommandResult> {
    const trace = this.contexts.trace(request, input.reason);
    const context = this.contexts.context(request, input.occurredAt);
    const events = decideShowroom({ type: 'CountUnrecordedWalkIn', data: input.data, context });
    const envelopes = this.envelopes.wrap(events, request.actor, trace, { occurredAt: context.occurredAt, recordedAt: context.now });
    const appended = await this.store.append(showroomStreamId(request.actor.dealerId, context.occurredAt), envelopes, 'any');
    const firstRevision = appended.nextRevision - envelopes.length + 1;
    return { position: appended.position, events: envelopes.map((event, index) => ({ revision: firstRevision + index, ...event })) };
  }
}
