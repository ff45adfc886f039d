import type { EventStore, RecordedEvent, Subscription } from '../../event-store.port';
import { event, events, streamId } from './contract-fixtures';

function collector(): { seen: RecordedEvent[]; onEvents: (batch: RecordedEvent[]) => Promise<void> } {
  const seen: RecordedEvent[] = [];
  return { seen, onEvents: async (batch) => void seen.push(...batch) };
}

export function describeSubscribeContract(store: () => EventStore): void {
  describe('subscribe', () => {
    let subscription: Subscription | undefined;
    afterEach(async () => {
      await subscription?.stop();
      subscription = undefined;
    });

    it('from 0 delivers history in order, then tails later appends', async () => {
      const id = streamId();
      await store().append(id, events(3), 'no_stream');
      const { seen, onEvents } = collector();
      subscription = store().subscribe({ afterPosition: 0, onEvents });
      await subscription.waitFor(await store().headPosition());
      expect(seen.map((e) => e.revision)).toEqual([0, 1, 2]);
      const later = await store().append(id, events(2), 2);
      await subscription.waitFor(later.position);
      expect(seen.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      expect(subscription.checkpoint).toBe(later.position);
    });

    it('from a checkpoint delivers only the events after it, in batches no larger than batchSize', async () => {
      const first = await store().append(streamId(), events(4), 'no_stream');
      const tail = await store().append(streamId(), events(5), 'no_stream');
      const batches: number[] = [];
      const { seen, onEvents } = collector();
      subscription = store().subscribe({
        afterPosition: first.position,
        batchSize: 2,
        onEvents: async (batch) => {
          batches.push(batch.length);
          await onEvents(batch);
        },
      });
      await subscription.waitFor(tail.position);
      expect(seen).toEqual(await store().readAll({ afterPosition: first.position }));
      expect(Math.max(...batches)).toBeLessThanOrEqual(2);
    });

    it('waitFor rejects with a clear error on timeout', async () => {
      subscription = store().subscribe({ afterPosition: 0, onEvents: async () => undefined });
      await expect(subscription.waitFor(1_000, 100)).rejects.toThrow(/did not reach position 1000 within 100 ms/);
    });

    it('calls onError and stops when the handler throws', async () => {
      const failure = new Error('handler broke');
      const onError = jest.fn();
      await store().append(streamId(), events(1), 'no_stream');
      subscription = store().subscribe({ afterPosition: 0, onError, onEvents: async () => Promise.reject(failure) });
      await expect(subscription.waitFor(1)).rejects.toThrow(/stopped/);
      expect(onError).toHaveBeenCalledWith(failure);
      expect(subscription.checkpoint).toBe(0);
    });

    it('stop waits for the in-flight batch and nothing is delivered after it', async () => {
      const id = streamId();
      await store().append(id, events(1), 'no_stream');
      let release: () => void = () => undefined;
      let finished = false;
      let entered: () => void = () => undefined;
      const inHandler = new Promise<void>((resolve) => (entered = resolve));
      const { seen, onEvents } = collector();
      subscription = store().subscribe({
        afterPosition: 0,
        onEvents: async (batch) => {
          entered();
          await new Promise<void>((resolve) => (release = resolve));
          await onEvents(batch);
          finished = true;
        },
      });
      await inHandler;
      const stopped = subscription.stop();
      release();
      await stopped;
      expect(finished).toBe(true);
      await store().append(id, events(1), 0);
      await store().readAll();
      expect(seen).toHaveLength(1);
    });

    it('never skips an event while many streams append concurrently', async () => {
      const { seen, onEvents } = collector();
      subscription = store().subscribe({ afterPosition: 0, batchSize: 7, onEvents });
      const ids = Array.from({ length: 10 }, () => streamId());
      for (let round = 0; round < 10; round++) {
        await Promise.all(ids.map((id) => store().append(id, [event('Tick', { round })], round === 0 ? 'no_stream' : round - 1)));
      }
      await subscription.waitFor(await store().headPosition());
      const all = await store().readAll();
      expect(all).toHaveLength(100);
      expect(seen.map((e) => e.position)).toEqual(all.map((e) => e.position));
    });
  });
}
