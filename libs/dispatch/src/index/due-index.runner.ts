import { CatchUpSubscriber, EventStore } from '@crm/event-store';
import { DueWorkStore } from '../store/due-work-store.port';
import { DueIndexConsumer } from './due-index.consumer';

export interface DueIndexRunnerOptions {
  batchSize?: number;
  onError?: (error: unknown) => void;
}

/** Runs the due index on the one catch-up path, and rebuilds it from position 0 on request. */
export class DueIndexRunner {
  private subscriber: CatchUpSubscriber;
  private running = false;

  constructor(
    private readonly events: EventStore,
    private readonly store: DueWorkStore,
    private readonly consumer: DueIndexConsumer,
    private readonly options: DueIndexRunnerOptions = {},
  ) {
    this.subscriber = this.subscribe();
  }

  start(): void {
    this.running = true;
    this.subscriber.start();
  }

  stop(): Promise<void> {
    this.running = false;
    return this.subscriber.stop();
  }

  /** The last position the index stored in this process. */
  get position(): number {
    return this.subscriber.position;
  }

  /** Resolves once the index holds every event up to `position` ("caught up"). */
  waitFor(position: number, timeoutMs?: number): Promise<void> {
    return this.subscriber.waitFor(position, timeoutMs);
  }

  /**
   * Empties the index and follows the log again from position 0. Leases go with it; the dispatcher checks every
   * entry against the lead's stream before acting, so nothing already done is done again.
   */
  async rebuild(): Promise<void> {
    const wasRunning = this.running;
    await this.stop();
    await this.store.clear();
    // A fresh subscriber: the old one's position would answer waitFor before the rebuild got there.
    this.subscriber = this.subscribe();
    if (wasRunning) this.start();
  }

  private subscribe(): CatchUpSubscriber {
    return new CatchUpSubscriber(this.events, this.consumer, {
      batchSize: this.options.batchSize ?? 500,
      onError: (error) => this.options.onError?.(error),
    });
  }
}
