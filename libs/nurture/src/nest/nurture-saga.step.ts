import { Logger } from '@nestjs/common';
import { CommandOrigin, DealerStreamLoader, LeadStreamLoader } from '@crm/commands';
import { EventStore, RecordedEvent } from '@crm/event-store';
import { LEAD_STREAM_PREFIX, LeadEvent, leadDecider, leadIdFromStream } from '@crm/lead';
import { effectiveCadence } from '../cadence/cadence-override';
import { CadencePolicy } from '../cadence/cadence-policy';
import { dealerStreamId } from '../dealer/dealer-events';
import { NurtureCommand } from '../saga/nurture-commands';
import { NURTURE_TRIGGERS, nurtureSaga } from '../saga/nurture.saga';
import { LeadFact } from '../saga/saga-input';
import { sagaViewAt } from '../saga/saga-view';
import { SagaEventHandler } from './nurture-saga.consumer';
import { SagaCommandSender } from './saga-command.sender';

export const NURTURE_SAGA_ACTOR_ID = 'nurture-saga';

/**
 * One event through the saga: load the lead as of that event (up to its revision, with the reactions to earlier
 * events a lagging saga appended since: `sagaViewAt`), the dealer as it is now, run the pure saga, send what it
 * says. Nothing is kept from one event to the next.
 */
export class NurtureSagaStep implements SagaEventHandler {
  private readonly logger = new Logger('NurtureSaga');

  constructor(
    private readonly store: EventStore,
    private readonly leads: LeadStreamLoader,
    private readonly dealers: DealerStreamLoader,
    private readonly sender: SagaCommandSender,
    private readonly basePolicy: CadencePolicy,
  ) {}

  async handle(recorded: RecordedEvent): Promise<void> {
    if (!recorded.streamId.startsWith(LEAD_STREAM_PREFIX) || !NURTURE_TRIGGERS.has(recorded.type as LeadEvent['type'])) return;
    const event = leadDecider.decode(recorded.type, recorded.metadata.schemaVersion, recorded.data);
    const stream = await this.store.readStream(recorded.streamId);
    const lead = this.leads.fold(sagaViewAt(stream, recorded.revision)).state;
    if (!event || lead.status === 'unregistered') return;
    const dealer = (await this.dealers.load(dealerStreamId(lead.dealerId))).state;
    const { eventId, occurredAt, recordedAt, actor, correlationId } = recorded.metadata;
    const fact: LeadFact = { leadId: leadIdFromStream(recorded.streamId), event, eventId, occurredAt, recordedAt, actor };
    let commands: NurtureCommand[];
    try {
      commands = nurtureSaga(fact, { lead, dealer, policy: effectiveCadence(this.basePolicy, dealer.cadence) });
    } catch (error) {
      // The same event would fail the same way on every retry: log it and go on with the next.
      this.logger.error(`event ${eventId} (${recorded.type}): the saga failed: ${(error as Error).stack ?? String(error)}`);
      return;
    }
    if (commands.length === 0) return;
    const origin: CommandOrigin = {
      actor: { id: NURTURE_SAGA_ACTOR_ID, role: 'system', dealerId: lead.dealerId },
      source: 'saga',
      correlationId,
      causationId: eventId,
    };
    await this.sender.send(commands, origin);
  }
}
