import type { CheckpointedConsumer, RecordedEvent } from '@crm/event-store';
import { decodeLeadEvent } from '../derivation/lead-event.decoder';
import { funnelChange, tierChange } from '../derivation/derived-changes';
import { DerivedStateCache } from '../derivation/derived-state.cache';
import { evolveDerived } from '../derivation/lead-derived-state';
import { OutgoingMessage } from '../envelope/cloud-event';
import { funnelMessage, leadEventMessage, LeadMessageOptions, tierMessage } from '../envelope/lead-message.factory';
import { RelaySink } from './relay-sink.port';

/**
 * The Kafka relay as a checkpointed consumer of the global log: each batch becomes the lead messages it implies
 * (the event itself, and a funnel or tier change derived from the lead's own events), written with the batch's
 * last position as the new checkpoint. Events of other streams (phone reservations, showroom counts) are not
 * published but still move the checkpoint.
 */
export class LeadRelayConsumer implements CheckpointedConsumer {
  constructor(
    readonly name: string,
    private readonly sink: RelaySink,
    private readonly derived: DerivedStateCache,
    private readonly options: LeadMessageOptions,
    /** Called once the sink is open (the broker answered) with the checkpoint it read. */
    private readonly onOpened: (checkpoint: number) => void = () => undefined,
  ) {}

  async loadCheckpoint(): Promise<number> {
    // Whatever the cache held may be ahead of the checkpoint (an aborted batch): start clean.
    this.derived.clear();
    const checkpoint = await this.sink.open();
    this.onOpened(checkpoint);
    return checkpoint;
  }

  async handle(events: readonly RecordedEvent[]): Promise<void> {
    const last = events[events.length - 1];
    if (!last) return;
    const messages: OutgoingMessage[] = [];
    for (const recorded of events) await this.translate(recorded, messages);
    await this.sink.publish(messages, last.position);
  }

  private async translate(recorded: RecordedEvent, out: OutgoingMessage[]): Promise<void> {
    const envelope = decodeLeadEvent(recorded);
    if (!envelope) return;
    out.push(leadEventMessage(recorded, this.options));
    const before = await this.derived.before(recorded);
    const after = evolveDerived(before, envelope.event);
    this.derived.remember(recorded, after);
    const funnel = funnelChange(envelope.leadId, before, after, envelope.event.type);
    if (funnel) out.push(funnelMessage(recorded, funnel, this.options.topics));
    const tier = tierChange(envelope.leadId, before, after, envelope.event.type);
    if (tier) out.push(tierMessage(recorded, tier, this.options.topics));
  }
}
