import { Logger } from '@nestjs/common';
import { CatchUpSubscriber, EventStore } from '@crm/event-store';
import { NurtureSagaConsumer } from './nurture-saga.consumer';

export interface NurtureSagaRunnerOptions {
  batchSize?: number;
  retryDelayMs?: number;
}

/**
 * Follows the global log with the saga through the one catch-up path. An @Saga() stream of @nestjs/cqrs would be
 * the idiom, but it lives in memory (a restart forgets what it had not acted on): the durable source is this
 * checkpointed subscription, and the CommandBus carries what the saga decides.
 */
export class NurtureSagaRunner {
  private readonly logger = new Logger('NurtureSaga');
  private readonly subscriber: CatchUpSubscriber;

  constructor(private readonly store: EventStore, consumer: NurtureSagaConsumer, options: NurtureSagaRunnerOptions = {}) {
    this.subscriber = new CatchUpSubscriber(store, consumer, {
      batchSize: options.batchSize ?? 100,
      retryDelayMs: options.retryDelayMs,
      onError: (error) => this.logger.error(`retrying from the checkpoint after: ${(error as Error).message ?? String(error)}`),
    });
  }

  /** The checkpoint the saga stored last (or loaded on the last start). */
  get position(): number {
    return this.subscriber.position;
  }

  start(): void {
    this.subscriber.start();
  }

  async stop(): Promise<void> {
    await this.subscriber.stop();
  }

  /** Resolves once the saga has stored a checkpoint at or past `position`. */
  waitFor(position: number, timeoutMs = 10_000): Promise<void> {
    return this.subscriber.waitFor(position, timeoutMs);
  }

  /** Resolves once the saga has handled the whole log, including the events its own commands appended. */
  async settle(timeoutMs = 10_000): Promise<void> {
    for (;;) {
      const head = await this.store.headPosition();
      await this.waitFor(head, timeoutMs);
      if ((await this.store.headPosition()) === head) return;
    }
  }
}
