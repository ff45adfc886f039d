import type { RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import type { WakeUpSource } from './append-notifier';
import { PositionWaiters } from './position-waiters';
import { SubscriptionStoppedError } from './subscription-errors';

/** Reads up to maxCount events with position > afterPosition, in position order (an adapter's readAll). */
export type ReadBatch = (afterPosition: number, maxCount: number) => Promise<RecordedEvent[]>;

export interface PollingSubscriptionOptions extends SubscribeOptions {
  readBatch: ReadBatch;
  /** In-process appends wake the subscription at once; appends from other processes are seen by polling. */
  wakeUps?: WakeUpSource;
  pollIntervalMs?: number;
}

export { SubscriptionStoppedError, SubscriptionWaitTimeoutError } from './subscription-errors';

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_POLL_INTERVAL_MS = 50;
const DEFAULT_WAIT_TIMEOUT_MS = 5_000;

/**
 * A catch-up subscription over any adapter that can read the global log after a position. One loop: read a batch
 * after the checkpoint, hand it to the handler, advance; when caught up, sleep until a wake-up or the poll interval.
 */
export class PollingSubscription implements Subscription {
  private position: number;
  private stopped = false;
  private failure: unknown;
  /** Set by a wake-up that arrives while the loop is busy, so that the following idle() does not sleep. */
  private woken = false;
  private interruptIdle: (() => void) | undefined;
  private readonly waiters = new PositionWaiters();
  private readonly loop: Promise<void>;

  constructor(private readonly options: PollingSubscriptionOptions) {
    this.position = options.afterPosition;
    this.loop = this.run();
  }

  get checkpoint(): number {
    return this.position;
  }

  waitFor(position: number, timeoutMs = DEFAULT_WAIT_TIMEOUT_MS): Promise<void> {
    if (this.position >= position) return Promise.resolve();
    if (this.stopped) return Promise.reject(new SubscriptionStoppedError(position, this.position, this.failure));
    return this.waiters.wait(position, timeoutMs, () => this.position);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp();
    await this.loop;
  }

  private async run(): Promise<void> {
    const unlisten = this.options.wakeUps?.listen(() => this.wakeUp());
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    try {
      while (!this.stopped) {
        this.woken = false;
        const batch = await this.options.readBatch(this.position, batchSize);
        const last = batch[batch.length - 1];
        if (this.stopped) break;
        if (!last) {
          await this.idle();
          continue;
        }
        await this.options.onEvents(batch);
        this.position = last.position;
        this.waiters.reached(this.position);
      }
    } catch (error) {
      this.failure = error;
      this.stopped = true;
      this.report(error);
    } finally {
      unlisten?.();
      this.waiters.stopped(this.position, this.failure);
    }
  }

  private report(error: unknown): void {
    try {
      this.options.onError?.(error);
    } catch {
      // A throwing onError must not reject the loop: nobody may await it, and Node exits on unhandled rejections.
    }
  }

  private wakeUp(): void {
    this.woken = true;
    this.interruptIdle?.();
  }

  private idle(): Promise<void> {
    if (this.woken || this.stopped) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.interruptIdle = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS);
      this.interruptIdle = done;
    });
  }
}
