import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@crm/event-store';
import { Clock, DomainError } from '@crm/kernel';
import { LeadPolicy, ShowroomCommand, ShowroomEvent, showroomDecider, showroomStreamId } from '@crm/lead';
import { Decision, DeciderCommandHandler } from '../decider/decider-command.handler';
import { StreamLoader } from '../decider/stream-loader';
import { EventEnvelopeFactory } from '../envelope/event-envelope.factory';
import { LEAD_POLICY } from '../policy/lead-policy.provider';
import { CountUnrecordedWalkInCommand } from './count-unrecorded-walk-in.command';

/**
 * Decide, append. Nothing is loaded: a count depends on no earlier event, and counts commute, so the day's
 * stream is appended without a revision check (no retry, no lost update).
 */
@CommandHandler(CountUnrecordedWalkInCommand)
export class CountUnrecordedWalkInHandler implements ICommandHandler<CountUnrecordedWalkInCommand, Decision> {
  private readonly handler: DeciderCommandHandler<ShowroomCommand, ShowroomEvent, null>;

  constructor(
    store: EventStore,
    envelopes: EventEnvelopeFactory,
    private readonly clock: Clock,
    @Inject(LEAD_POLICY) private readonly policy: LeadPolicy,
  ) {
    this.handler = new DeciderCommandHandler(store, showroomDecider, new StreamLoader(store, showroomDecider), envelopes, clock, {
      concurrency: 'commutative',
      // Never called: a commutative append has no revision to mismatch and no race to lose.
      revisionMismatch: () => new DomainError('SHOWROOM_REVISION_MISMATCH', 'Showroom counts take no If-Match', 'invalid'),
      contended: () => new DomainError('SHOWROOM_BUSY', 'The showroom count could not be stored; send it again'),
    });
  }

  execute({ data, origin }: CountUnrecordedWalkInCommand): Promise<Decision> {
    // The stream is the day of occurrence, so "now" is fixed before the stream is chosen.
    const occurredAt = origin.occurredAt ?? this.clock.now().toISOString();
    const day = showroomStreamId(origin.actor.dealerId, occurredAt);
    const command = (now: string): ShowroomCommand =>
      ({ type: 'CountUnrecordedWalkIn', data, context: { actor: origin.actor, now, occurredAt, policy: this.policy } });
    return this.handler.handle(day, command, { ...origin, occurredAt });
  }
}
