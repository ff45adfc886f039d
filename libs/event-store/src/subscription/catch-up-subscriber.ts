import type { EventStore, RecordedEvent } from '../event-store.port';
import { CheckpointedConsumer, RestartFromCheckpoint } from './checkpointed-consumer';
import { PositionWaiters } from './position-waiters';
import { SubscriptionStoppedError } from './subscription-errors';

export interface CatchUpSubscriberOptions {
  batchSize?: number;
  /** First pause after a failure; it doubles with each failure in a row, up to maxRetryDelayMs. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** A failure other than a restart request: logged by the caller; the subscriber retries after a pause. */
  onError?: (error: unknown, consumer: string) => void;
  /** After each batch the consumer stored (for metrics and lag). */
  onProcessed?: (events: readonly RecordedEvent[], consumer: string) => void;
}

/**
 * The one catch-up path: runs a consumer on the event store's subscription from the checkpoint the consumer
 * stored, and restarts it from its stored checkpoint after a failure (with backoff) or a restart request.
 * Wake-ups, batching and the "never skip a later-committing lower position" guarantee come from the store's
 * subscription; what this adds is the restart loop and a position that survives restarts.
 */
export class CatchUpSubscriber {
  private running = false;
  private loop: Promise<void> | undefined;
  private interruptPause: (() => void) | undefined;
  private endCurrent: ((failure: unknown) => void) | undefined;
  private processed = 0;
  private failuresInARow = 0;
  private readonly waiters = new PositionWaiters();
  private signalStop: () => void = () => undefined;
  private stopSignal: Promise<void> = Promise.resolve();
  restarts = 0;

  constructor(
    private readonly store: EventStore,
    private readonly consumer: CheckpointedConsumer,
    private readonly options: CatchUpSubscriberOptions = {},
  ) {}

  get name(): string {
    return this.consumer.name;
  }

  /** The last position the consumer stored in this process (its checkpoint as of the last batch). */
  get position(): number {
    return this.processed;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // Until the stored checkpoint is loaded again, nothing is known to be processed: a wait must not trust the last run.
    this.processed = 0;
    this.stopSignal = new Promise<void>((resolve) => (this.signalStop = resolve));
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.signalStop();
    this.interruptPause?.();
    await this.loop;
    this.waiters.stopped(this.processed);
  }

  /** Makes the subscriber reload the consumer's checkpoint and follow on from it (the consumer's store moved). */
  restart(reason: string): void {
    this.endCurrent?.(new RestartFromCheckpoint(reason));
  }

  /** Resolves once the consumer has stored a checkpoint at or past `position`. */
  waitFor(position: number, timeoutMs = 5_000): Promise<void> {
    if (this.processed >= position) return Promise.resolve();
    if (!this.running) return Promise.reject(new SubscriptionStoppedError(position, this.processed));
    return this.waiters.wait(position, timeoutMs, () => this.processed);
  }

  private async run(): Promise<void> {
    while (this.running) {
      const failure = await this.follow();
      if (!this.running) break;
      if (failure instanceof RestartFromCheckpoint) {
        this.restarts += 1;
        continue;
      }
      this.failuresInARow += 1;
      this.options.onError?.(failure, this.consumer.name);
      await this.pause(this.retryDelay());
    }
  }

  /** One subscription from the stored checkpoint; resolves with what ended it (undefined when stopped). */
  private async follow(): Promise<unknown> {
    let checkpoint: number;
    try {
      checkpoint = await this.consumer.loadCheckpoint();
    } catch (error) {
      return error;
    }
    this.processed = checkpoint;
    this.waiters.reached(checkpoint);
    let ended: (failure: unknown) => void = () => undefined;
    const end = new Promise<unknown>((resolve) => (ended = resolve));
    this.endCurrent = ended;
    const subscription = this.store.subscribe({
      afterPosition: checkpoint,
      batchSize: this.options.batchSize,
      onEvents: async (events) => {
        await this.consumer.handle(events);
        this.advance(events);
      },
      onError: (error) => ended(error),
    });
    const failure = await Promise.race([end, this.stopSignal.then(() => undefined)]);
    this.endCurrent = undefined;
    await subscription.stop();
    return failure;
  }

  private advance(events: readonly RecordedEvent[]): void {
    const last = events[events.length - 1];
    if (!last) return;
    this.processed = last.position;
    this.failuresInARow = 0;
    this.options.onProcessed?.(events, this.consumer.name);
    this.waiters.reached(last.position);
  }

  private retryDelay(): number {
    const first = this.options.retryDelayMs ?? 100;
    const max = this.options.maxRetryDelayMs ?? 5_000;
    return Math.min(max, first * 2 ** Math.max(0, this.failuresInARow - 1));
  }

  private pause(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.interruptPause = done;
    });
  }
}
