import { CatchUpSubscriber, EventStore } from '@crm/event-store';
import { Projection } from '../projection';
import { ReadStore } from '../read-store/read-store.port';
import { CommittedBatch, ProjectionConsumer, ProjectionMode, ProjectionVersionGone } from './projection.consumer';

export type { CommittedBatch } from './projection.consumer';

export interface ProjectionRunnerOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projection: Projection;
  batchSize?: number;
  /** A fixed version (a rebuild fills it); without it the runner follows the live pointer. */
  version?: number;
  /**
   * How often a caught-up runner checks that its read model is still there: nothing else would tell it that
   * Redis was flushed while no event arrived. Appends themselves wake the runner at once.
   */
  watchdogMs?: number;
  onCommitted?: (batch: CommittedBatch) => void;
  onError?: (error: unknown) => void;
  /** A lost read model (Redis restarted or flushed) was detected; a new version is being built from 0. */
  onRecovery?: (projection: string, version: number) => void;
}

/** A day: long enough for any catch-up, short enough for setTimeout. */
const CATCH_UP_TIMEOUT_MS = 86_400_000;

/** Feeds one projection from the global log through the one catch-up path, the event store's subscription. */
export class ProjectionRunner {
  private readonly consumer: ProjectionConsumer;
  private readonly subscriber: CatchUpSubscriber;
  private readonly progress = new Set<(checkpoint: number) => void>();
  private readonly failures = new Set<(error: unknown) => void>();
  private watchdog: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.consumer = new ProjectionConsumer(options);
    this.subscriber = new CatchUpSubscriber(options.eventStore, this.consumer, {
      batchSize: options.batchSize ?? 2000,
      onError: (error) => {
        options.onError?.(error);
        for (const listener of this.failures) listener(error);
      },
      onProcessed: (events) => {
        const last = events[events.length - 1];
        if (last) for (const listener of this.progress) listener(last.position);
      },
    });
  }

  get name(): string { return this.options.projection.name; }
  get checkpoint(): number { return this.subscriber.position; }
  get currentVersion(): number | undefined { return this.consumer.version; }
  get mode(): ProjectionMode { return this.consumer.mode; }
  get recoveries(): number { return this.consumer.recoveries; }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.subscriber.start();
    if (this.options.version === undefined) this.watchdog = setInterval(() => void this.check(), this.options.watchdogMs ?? 1_000);
  }

  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.watchdog);
    await this.subscriber.stop();
  }

  /** Resolves once the live read model holds `position` (read-your-writes, in this process). */
  async waitForLive(position: number, timeoutMs: number): Promise<boolean> {
    try {
      await this.subscriber.waitFor(position, timeoutMs);
      return this.consumer.mode === 'live';
    } catch {
      return false;
    }
  }

  /** Processes the log until the checkpoint reaches `target` (default: the head when called). */
  async catchUp(target?: number, onProgress?: (checkpoint: number, target: number) => void): Promise<void> {
    const until = target ?? (await this.options.eventStore.headPosition());
    const wasRunning = this.running;
    const report = (checkpoint: number): void => onProgress?.(checkpoint, until);
    let failed: (error: unknown) => void = () => undefined;
    const failure = new Promise<never>((_resolve, reject) => (failed = (error) => {
      if (error instanceof ProjectionVersionGone) reject(error);
    }));
    this.progress.add(report);
    this.failures.add(failed);
    if (!wasRunning) this.start();
    try {
      await Promise.race([this.subscriber.waitFor(until, CATCH_UP_TIMEOUT_MS), failure]);
    } finally {
      this.progress.delete(report);
      this.failures.delete(failed);
      if (!wasRunning) await this.stop();
    }
  }

  private async check(): Promise<void> {
    try {
      if (!(await this.consumer.stillInPlace())) this.subscriber.restart(`${this.name}: read model lost or switched`);
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}
