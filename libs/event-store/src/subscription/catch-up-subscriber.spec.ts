import type { RecordedEvent } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.adapter';
import { events, streamId } from '../testing/contract/contract-fixtures';
import { CatchUpSubscriber } from './catch-up-subscriber';
import { CheckpointedConsumer, RestartFromCheckpoint } from './checkpointed-consumer';

/** A consumer that keeps its checkpoint in memory, like a read model would keep it beside its documents. */
class MemoryConsumer implements CheckpointedConsumer {
  readonly name = 'memory';
  stored = 0;
  seen: number[] = [];
  loads = 0;
  failNext: Error | undefined;

  async loadCheckpoint(): Promise<number> {
    this.loads += 1;
    return this.stored;
  }

  async handle(batch: readonly RecordedEvent[]): Promise<void> {
    const failure = this.failNext;
    if (failure) {
      this.failNext = undefined;
      throw failure;
    }
    const first = batch[0];
    if (first && first.position <= this.stored) throw new RestartFromCheckpoint('stale batch');
    this.seen.push(...batch.map((e) => e.position));
    this.stored = batch[batch.length - 1]?.position ?? this.stored;
  }
}

describe('CatchUpSubscriber', () => {
  let store: SqliteEventStore;
  let subscriber: CatchUpSubscriber | undefined;
  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:', pollIntervalMs: 60_000 });
  });
  afterEach(async () => {
    await subscriber?.stop();
    subscriber = undefined;
    await store.close();
  });

  it('starts after the stored checkpoint and wakes on in-process appends without polling', async () => {
    const first = await store.append(streamId(), events(3), 'no_stream');
    const consumer = new MemoryConsumer();
    consumer.stored = 1;
    subscriber = new CatchUpSubscriber(store, consumer);
    subscriber.start();
    await subscriber.waitFor(first.position, 1_000);
    const later = await store.append(streamId(), events(2), 'no_stream');
    await subscriber.waitFor(later.position, 1_000);
    expect(consumer.seen).toEqual([2, 3, 4, 5]);
  });

  it('reloads the checkpoint when the consumer asks to restart, and goes on from it', async () => {
    const consumer = new MemoryConsumer();
    subscriber = new CatchUpSubscriber(store, consumer);
    subscriber.start();
    const first = await store.append(streamId(), events(2), 'no_stream');
    await subscriber.waitFor(first.position, 1_000);
    // Another process stored a later checkpoint: the next batch starts before it, so the consumer asks to restart.
    // Set before the append (positions in a fresh store are known), so that the subscriber cannot win the race.
    consumer.stored = first.position + 1;
    const next = await store.append(streamId(), events(2), 'no_stream');
    expect(next.position).toBe(first.position + 2);
    const last = await store.append(streamId(), events(1), 'no_stream');
    await subscriber.waitFor(last.position, 1_000);
    expect(subscriber.restarts).toBeGreaterThanOrEqual(1);
    expect(consumer.seen).toEqual([1, 2, 4, 5]);
  });

  it('reports a failure, pauses, and retries the same batch from the stored checkpoint', async () => {
    const consumer = new MemoryConsumer();
    consumer.failNext = new Error('read store down');
    const onError = jest.fn();
    subscriber = new CatchUpSubscriber(store, consumer, { retryDelayMs: 10, onError });
    subscriber.start();
    const appended = await store.append(streamId(), events(2), 'no_stream');
    await subscriber.waitFor(appended.position, 2_000);
    expect(onError).toHaveBeenCalledWith(consumer.failNext ?? expect.any(Error), 'memory');
    expect(consumer.seen).toEqual([1, 2]);
    expect(consumer.loads).toBe(2);
  });

  it('stop() ends an idle subscriber at once and rejects pending waits', async () => {
    subscriber = new CatchUpSubscriber(store, new MemoryConsumer());
    subscriber.start();
    const pending = subscriber.waitFor(10, 60_000);
    await subscriber.stop();
    await expect(pending).rejects.toMatchObject({ name: 'SubscriptionStoppedError' });
    subscriber = undefined;
  });
});
