import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@crm/event-store';
import { Clock } from '@crm/kernel';
import { DealerCommand, DealerError, DealerErrorCode, DealerEvent, DealerState, dealerDecider, dealerStreamId } from '@crm/nurture';
import { DeciderCommandHandler } from '../decider/decider-command.handler';
import { EventEnvelopeFactory } from '../envelope/event-envelope.factory';
import { DealerStreamLoader } from './dealer-stream.loader';
import { DealerCommandResult, ExecuteDealerCommand } from './execute-dealer-command';

/** Load, decide, append for a dealer's stream; only the dealer's own actors reach it. */
@CommandHandler(ExecuteDealerCommand)
export class ExecuteDealerCommandHandler implements ICommandHandler<ExecuteDealerCommand, DealerCommandResult> {
  private readonly handler: DeciderCommandHandler<DealerCommand, DealerEvent, DealerState>;

  constructor(store: EventStore, private readonly loader: DealerStreamLoader, envelopes: EventEnvelopeFactory, clock: Clock) {
    this.handler = new DeciderCommandHandler(store, dealerDecider, loader, envelopes, clock, {
      concurrency: 'checked',
      revisionMismatch: (_stream, expected, actual) => new DealerError(
        DealerErrorCode.DealerRevisionMismatch, `The dealer is at revision ${actual}, not ${expected}`, 'If-Match',
        { expectedRevision: expected, currentRevision: actual },
      ),
      contended: () => new DealerError(DealerErrorCode.DealerBusy, 'Others kept changing the dealer meanwhile; send the command again'),
    });
  }

  async execute({ dealerId, command, origin }: ExecuteDealerCommand): Promise<DealerCommandResult> {
    const streamId = dealerStreamId(dealerId);
    // Dealer facts are not back-dated: they take effect when recorded.
    const decision = await this.handler.handle(
      streamId,
      (now) => ({ ...command, context: { actor: origin.actor, now } }) as DealerCommand,
      { ...origin, occurredAt: undefined },
      {
        admit: () => {
          if (origin.actor.dealerId !== dealerId) throw new DealerError(DealerErrorCode.DealerNotFound, 'No dealer with this id');
        },
      },
    );
    const { state } = await this.loader.load(streamId);
    return { dealerId, ...decision, state };
  }
}
