import { Logger } from '@nestjs/common';
import { CatchUpSubscriber, CheckpointedConsumer, EventStore, RecordedEvent } from '@crm/event-store';
import { NurtureSagaConsumer } from './nurture-saga.consumer';

export interface NurtureSagaRunnerOptions {
  batchSize?: number;
  retryDelayMs?: number;
}

interface Waiter {
  position: number;
  settle(error?: Error): void;
}

/**
 * Follows the global log with the saga through the one catch-up path. An @Saga() stream of @nestjs/cqrs would be
 * the idiom, but it lives in memory (a restart forgets what it had not acted on): the durable source is this
 * checkpointed subscription, and the CommandBus carries what the saga decides.
 */
export class NurtureSagaRunner {
  private readonly logger = new Logger('NurtureSaga');
  private readonly subscriber: CatchUpSubscriber;
  /** The checkpoint the consumer stored last (or loaded on the last start). */
  private current = 0;
  private readonly waiters = new Set<Waiter>();
  /** Settles once the stored checkpoint has been loaded after the last start. */
  private started: Promise<void> = Promise.resolve();
  private markStarted: () => void = () => undefined;

  constructor(private readonly store: EventStore, consumer: NurtureSagaConsumer, options: NurtureSagaRunnerOptions = {}) {
    const tracked: CheckpointedConsumer = {
      name: consumer.name,
      loadCheckpoint: async () => this.reached(await consumer.loadCheckpoint(), true),
      handle: async (events: readonly RecordedEvent[]) => {
        await consumer.handle(events);
        const last = events[events.length - 1];
        if (last) this.reached(last.position, false);
      },
    };
    this.subscriber = new CatchUpSubscriber(store, tracked, {
      batchSize: options.batchSize ?? 100,
      retryDelayMs: options.retryDelayMs,
      onError: (error) => this.logger.error(`retrying from the checkpoint after: ${(error as Error).message ?? String(error)}`),
    });
  }

  get position(): number {
    return this.current;
  }

  start(): void {
    this.started = new Promise<void>((resolve) => (this.markStarted = resolve));
    this.subscriber.start();
  }

  async stop(): Promise<void> {
    await this.subscriber.stop();
    this.markStarted();
  }

  /** Resolves once the saga has stored a checkpoint at or past `position`. */
  waitFor(position: number, timeoutMs = 10_000): Promise<void> {
    if (this.current >= position) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => waiter.settle(new Error(`nurture saga at ${this.current}, not ${position}, after ${timeoutMs} ms`)), timeoutMs);
      const waiter: Waiter = {
        position,
        settle: (error) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          if (error) reject(error);
          else resolve();
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** Resolves once the saga has handled the whole log, including the events its own commands appended. */
  async settle(timeoutMs = 10_000): Promise<void> {
    await this.started;
    for (;;) {
      const head = await this.store.headPosition();
      await this.waitFor(head, timeoutMs);
      if ((await this.store.headPosition()) === head) return;
    }
  }

  private reached(position: number, loaded: boolean): number {
    this.current = position;
    if (loaded) this.markStarted();
    for (const waiter of [...this.waiters]) if (position >= waiter.position) waiter.settle();
    return position;
  }
}
