import type { EventStore } from '@crm/event-store';
import type { Clock } from '@crm/kernel';
// Deep import: keeps NestJS (the event-store module) out of the relay process's start-up.
import { CatchUpSubscriber } from '../../../event-store/src/subscription/catch-up-subscriber';
import { DerivedStateCache } from '../derivation/derived-state.cache';
import { LeadMessageOptions } from '../envelope/lead-message.factory';
import { LeadRelayConsumer } from './lead-relay.consumer';
import { OutageLog, OutageReporter } from './outage-reporter';
import { RelayFencedError } from './relay-fenced.error';
import { RelayStandby, StandbyStopped } from './relay-standby';
import { RelaySink } from './relay-sink.port';
import { relayStatus, RelayStatus } from './relay-status';

export interface LeadRelayOptions extends LeadMessageOptions {
  name: string;
  batchSize?: number;
  /**
   * Events translated ahead while the broker acknowledges a batch; 0 (the default) turns it off. It pays only
   * with a core to spare: it reads those events twice, and on the busy 2-core machine it cost more than it saved
   * (test/bench/README.md).
   */
  readAhead?: number;
  /** Backoff after a failure: doubles from retryDelayMs up to maxRetryDelayMs. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** How long a fenced relay watches the active one's checkpoint stand still before it takes over. */
  standbyIntervalMs?: number;
  logger: OutageLog;
}

/**
 * The relay in one process: the one catch-up path (CatchUpSubscriber) running the relay consumer from the
 * checkpoint its sink keeps, with outages reported once and lag available for /health and the CLI.
 */
export class LeadRelay {
  private readonly subscriber: CatchUpSubscriber;
  private readonly outages: OutageReporter;
  private readonly standby: RelayStandby;
  private opened = false;

  constructor(private readonly store: EventStore, private readonly sink: RelaySink, private readonly clock: Clock, options: LeadRelayOptions) {
    this.outages = new OutageReporter(options.name, clock, options.logger);
    this.standby = new RelayStandby(options.name, sink, store, options.standbyIntervalMs ?? 10_000, options.logger);
    // An outage ends with the first acknowledged batch (a broker that just came back may still refuse the first
    // transaction while its coordinators load), or with a reconnect that finds nothing to send.
    const consumer = new LeadRelayConsumer(options.name, sink, store, new DerivedStateCache(store), {
      ...options,
      readAhead: options.readAhead ?? 0,
      standby: this.standby,
      onOpened: (checkpoint) => {
        this.opened = true;
        void store.headPosition().then((head) => head <= checkpoint && this.outages.succeeded(checkpoint), () => undefined);
      },
    });
    this.subscriber = new CatchUpSubscriber(store, consumer, {
      batchSize: options.batchSize ?? 500,
      retryDelayMs: options.retryDelayMs ?? 200,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 5_000,
      // Being fenced is another relay's turn, not an outage: the standby says so itself.
      onError: (error) => (error instanceof RelayFencedError || error instanceof StandbyStopped ? undefined : this.outages.failed(error)),
      onProcessed: (events) => this.outages.succeeded(events[events.length - 1]?.position ?? 0),
    });
  }

  get name(): string {
    return this.subscriber.name;
  }

  /** The last position the broker acknowledged in this process. */
  get position(): number {
    return this.subscriber.position;
  }

  start(): void {
    this.standby.resume();
    this.subscriber.start();
  }

  waitFor(position: number, timeoutMs?: number): Promise<void> {
    return this.subscriber.waitFor(position, timeoutMs);
  }

  /** Graceful stop: the batch in flight is committed (or aborted whole), then the producer disconnects. */
  async stop(): Promise<void> {
    this.standby.stop();
    await this.subscriber.stop();
    await this.sink.close();
  }

  status(): Promise<RelayStatus> {
    const active = this.standby.activeCheckpoint;
    if (active !== null) return relayStatus(this.store, this.clock, this.name, active ?? null, null, 'standby');
    const known = this.opened ? this.subscriber.position : null;
    return relayStatus(this.store, this.clock, this.name, known, this.outages.outageSince, 'active');
  }
}
