import type { CheckpointedConsumer, EventStore, RecordedEvent } from '@crm/event-store';
import { decodeLeadEvent } from '../derivation/lead-event.decoder';
import { funnelChange, tierChange } from '../derivation/derived-changes';
import { DerivedStateCache } from '../derivation/derived-state.cache';
import { evolveDerived } from '../derivation/lead-derived-state';
import { OutgoingMessage } from '../envelope/cloud-event';
import { funnelMessage, leadEventMessage, LeadMessageOptions, tierMessage } from '../envelope/lead-message.factory';
import { RelayFencedError } from './relay-fenced.error';
import { RelaySink } from './relay-sink.port';
import { RelayStandby } from './relay-standby';

export interface LeadRelayConsumerOptions extends LeadMessageOptions {
  /** Events translated ahead, while the broker works on the batch before; 0 turns read-ahead off. */
  readAhead: number;
  /** Called once the sink is open (the broker answered) with the checkpoint it read. */
  onOpened?: (checkpoint: number) => void;
  /** Where a fenced relay waits before it takes the sink back; without it, it takes it back at the next start. */
  standby?: RelayStandby;
}

/** Events read ahead and the messages each one implies, in log order. */
interface Prepared {
  events: readonly RecordedEvent[];
  messages: OutgoingMessage[][];
}

/**
 * The Kafka relay as a checkpointed consumer of the global log: each batch becomes the lead messages it implies
 * (the event itself, and a funnel or tier change derived from the lead's own events), written with the batch's
 * last position as the new checkpoint. Events of other streams (phone reservations, showroom counts) are not
 * published but still move the checkpoint.
 *
 * While the broker acknowledges a batch, the next events are read and translated ahead (the relay's own CPU work
 * then overlaps the broker's); the next batch reuses that work for the events it shares with it, in order, and
 * translates the rest. Translation is deterministic, so reused or redone, the messages are the same.
 */
export class LeadRelayConsumer implements CheckpointedConsumer {
  private prepared: Prepared | undefined;
  private fenced = false;

  constructor(
    readonly name: string,
    private readonly sink: RelaySink,
    private readonly store: EventStore,
    private readonly derived: DerivedStateCache,
    private readonly options: LeadRelayConsumerOptions,
  ) {}

  async loadCheckpoint(): Promise<number> {
    if (this.fenced && this.options.standby) await this.options.standby.untilActiveStalls();
    this.fenced = false;
    // Whatever the cache held may be ahead of the checkpoint (an aborted batch): start clean.
    this.derived.clear();
    this.prepared = undefined;
    const checkpoint = await this.sink.open();
    this.options.onOpened?.(checkpoint);
    return checkpoint;
  }

  async handle(events: readonly RecordedEvent[]): Promise<void> {
    const last = events[events.length - 1];
    if (!last) return;
    const messages = (await this.messagesOf(events)).flat();
    const acknowledged = this.sink.publish(messages, last.position);
    const ahead = this.options.readAhead > 0 ? this.prepare(last.position) : Promise.resolve();
    try {
      await acknowledged;
    } catch (error) {
      if (error instanceof RelayFencedError) this.fenced = true;
      throw error;
    } finally {
      // A failed read-ahead only costs its reuse; the next batch translates from scratch.
      await ahead.catch(() => (this.prepared = undefined));
    }
  }

  private async prepare(afterPosition: number): Promise<void> {
    this.prepared = undefined;
    const events = await this.store.readAll({ afterPosition, maxCount: this.options.readAhead });
    const messages: OutgoingMessage[][] = [];
    for (const [i, recorded] of events.entries()) {
      // Translation resolves in microtasks: without a turn of the event loop now and then, the broker's answers
      // to the batch in flight would wait until the whole read-ahead is done, and nothing would overlap.
      if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
      messages.push(await this.translate(recorded));
    }
    this.prepared = { events, messages };
  }

  private async messagesOf(events: readonly RecordedEvent[]): Promise<OutgoingMessage[][]> {
    const prepared = this.prepared;
    this.prepared = undefined;
    const out: OutgoingMessage[][] = [];
    let i = 0;
    if (prepared) {
      for (; i < events.length && i < prepared.events.length; i += 1) {
        const mine = events[i];
        const ready = prepared.events[i];
        if (!mine || !ready || mine.position !== ready.position || mine.metadata.eventId !== ready.metadata.eventId) break;
        out.push(prepared.messages[i] ?? []);
      }
    }
    for (; i < events.length; i += 1) out.push(await this.translate(events[i] as RecordedEvent));
    return out;
  }

  private async translate(recorded: RecordedEvent): Promise<OutgoingMessage[]> {
    const envelope = decodeLeadEvent(recorded);
    if (!envelope) return [];
    const out = [leadEventMessage(recorded, this.options)];
    const before = await this.derived.before(recorded);
    const after = evolveDerived(before, envelope.event);
    this.derived.remember(recorded, after);
    const funnel = funnelChange(envelope.leadId, before, after, envelope.event.type);
    if (funnel) out.push(funnelMessage(recorded, funnel, this.options.topics));
    const tier = tierChange(envelope.leadId, before, after, envelope.event.type);
    if (tier) out.push(tierMessage(recorded, tier, this.options.topics));
    return out;
  }
}
