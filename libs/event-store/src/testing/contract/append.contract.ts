import { EventStoreErrorCode, WrongExpectedRevisionError } from '../../event-store.errors';
import type { EventStore } from '../../event-store.port';
import { event, events, metadata, streamId } from './contract-fixtures';

export function describeAppendContract(store: () => EventStore): void {
  describe('append', () => {
    it('round-trips type, data and every metadata field', async () => {
      const id = streamId();
      const meta = metadata({ reason: 'customer called', idempotencyKey: 'key-1', source: 'import' });
      const data = { name: 'Ada', nested: { budget: 25_000, tags: ['suv', 'hybrid'] }, nothing: null };
      const result = await store().append(id, [{ type: 'LeadRegistered', data, metadata: meta }], 'no_stream');
      const [read] = await store().readStream(id);
      expect(result).toEqual({ nextRevision: 0, position: read?.position });
      expect(read).toEqual({ streamId: id, revision: 0, position: result.position, type: 'LeadRegistered', data, metadata: meta });
    });

    it('numbers revisions 0..N without gaps across appends', async () => {
      const id = streamId();
      await store().append(id, events(3), 'no_stream');
      await store().append(id, events(1), 2);
      const last = await store().append(id, events(4), 3);
      expect(last.nextRevision).toBe(7);
      expect((await store().readStream(id)).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    });

    it("accepts 'any' whether or not the stream exists", async () => {
      const id = streamId();
      await store().append(id, events(1), 'any');
      expect((await store().append(id, events(1), 'any')).nextRevision).toBe(1);
    });

    it("'no_stream' fails with StreamAlreadyExists once the stream exists, and appends nothing", async () => {
      const id = streamId();
      await store().append(id, events(1), 'no_stream');
      const error = await store().append(id, events(2), 'no_stream').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ code: EventStoreErrorCode.StreamAlreadyExists, actual: 0 });
      expect(await store().readStream(id)).toHaveLength(1);
    });

    it("'stream_exists' fails on a missing stream and passes on an existing one", async () => {
      const id = streamId();
      await expect(store().append(id, events(1), 'stream_exists')).rejects.toMatchObject({
        code: EventStoreErrorCode.WrongExpectedRevision,
        actual: 'no_stream',
      });
      expect(await store().readStream(id)).toEqual([]);
      await store().append(id, events(1), 'no_stream');
      expect((await store().append(id, events(1), 'stream_exists')).nextRevision).toBe(1);
    });

    it('an exact revision must equal the last revision', async () => {
      const id = streamId();
      await expect(store().append(id, events(1), 0)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await store().append(id, events(2), 'no_stream');
      await expect(store().append(id, events(1), 0)).rejects.toMatchObject({ expected: 0, actual: 1 });
      await expect(store().append(id, events(1), 2)).rejects.toMatchObject({ expected: 2, actual: 1 });
      expect((await store().append(id, events(1), 1)).nextRevision).toBe(2);
    });

    it('a multi-event append is all or nothing', async () => {
      const id = streamId();
      const head = await store().headPosition();
      // The third event fails to serialise after two were written: the first two must not stay.
      const batch = [event(), event(), event('Broken', { amount: BigInt(1) })];
      await expect(store().append(id, batch, 'no_stream')).rejects.toThrow();
      expect(await store().readStream(id)).toEqual([]);
      expect(await store().headPosition()).toBe(head);
      expect((await store().append(id, events(2), 'no_stream')).nextRevision).toBe(1);
    });

    it('of 20 concurrent appends with the same expected revision, exactly one succeeds', async () => {
      const id = streamId();
      await store().append(id, events(1), 'no_stream');
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, index) => store().append(id, [event('Raced', { index })], 0)),
      );
      const fulfilled = results.filter((r) => r.status === 'fulfilled');
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(rejected.every((r) => r.reason instanceof WrongExpectedRevisionError)).toBe(true);
      expect((await store().readStream(id)).map((e) => e.revision)).toEqual([0, 1]);
    });
  });
}
