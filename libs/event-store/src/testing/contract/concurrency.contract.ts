import { WrongExpectedRevisionError } from '../../event-store.errors';
import type { EventStore, RecordedEvent, Subscription } from '../../event-store.port';
import { event, events, streamId } from './contract-fixtures';

/**
 * What concurrent callers see. Adapters that batch appends (group commit) must still give each caller its own
 * revision check and its own result, and a subscriber must see every event once, in position order.
 */
export function describeConcurrencyContract(store: () => EventStore): void {
  describe('concurrency', () => {
    let subscription: Subscription | undefined;
    afterEach(async () => {
      await subscription?.stop();
      subscription = undefined;
    });

    it('appends issued together keep their own checks: a failed one fails alone', async () => {
      const [a, b, c, d] = [streamId(), streamId(), streamId(), streamId()];
      await store().append(b, events(1), 'no_stream');
      const results = await Promise.allSettled([
        store().append(a, events(2), 'no_stream'),
        store().append(b, events(1), 5),
        store().append(c, [event('Broken', { amount: BigInt(1) })], 'no_stream'),
        store().append(d, events(1), 'no_stream'),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
      expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect((await store().readStream(a)).map((e) => e.revision)).toEqual([0, 1]);
      expect(await store().readStream(b)).toHaveLength(1);
      expect(await store().readStream(c)).toEqual([]);
      expect(await store().readStream(d)).toHaveLength(1);
    });

    it('appends issued without awaiting all land, and in issue order where the adapter promises it', async () => {
      const ids = Array.from({ length: 30 }, () => streamId());
      const results = await Promise.all(ids.map((id) => store().append(id, events(1), 'no_stream')));
      const positions = results.map((result) => result.position);
      expect(new Set(positions).size).toBe(30);
      const inIssueOrder = positions.every((position, index) => index === 0 || position > positions[index - 1]!);
      if (store().commitsInIssueOrder) expect(inIssueOrder).toBe(true);
      expect((await store().readAll()).map((e) => e.streamId).sort()).toEqual([...ids].sort());
    });

    it('concurrent writers on one stream: exactly one wins each revision, and no revision is skipped', async () => {
      const id = streamId();
      await store().append(id, events(1), 'no_stream');
      const winners: number[] = [];
      for (let revision = 0; revision < 5; revision++) {
        const results = await Promise.allSettled(
          Array.from({ length: 6 }, (_, writer) => store().append(id, [event('Raced', { revision, writer })], revision)),
        );
        const won = results.flatMap((r, writer) => (r.status === 'fulfilled' ? [writer] : []));
        expect(won).toHaveLength(1);
        expect(results.every((r) => r.status === 'fulfilled' || r.reason instanceof WrongExpectedRevisionError)).toBe(true);
        winners.push(won[0]!);
      }
      const stored = await store().readStream(id);
      expect(stored.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(stored.slice(1).map((e) => (e.data as { writer: number }).writer)).toEqual(winners);
    });

    it('a subscriber started before independent writers sees every event once, in position order', async () => {
      const seen: RecordedEvent[] = [];
      subscription = store().subscribe({ afterPosition: 0, batchSize: 5, onEvents: async (batch) => void seen.push(...batch) });
      const writer = async (id: string): Promise<number> => {
        let last = 0;
        for (let revision = 0; revision < 12; revision++) {
          last = (await store().append(id, [event('Tick', { revision })], revision === 0 ? 'no_stream' : revision - 1)).position;
        }
        return last;
      };
      const ids = Array.from({ length: 8 }, () => streamId());
      const lasts = await Promise.all(ids.map(writer));
      await subscription.waitFor(Math.max(...lasts));
      const positions = seen.map((e) => e.position);
      expect(positions).toEqual([...positions].sort((x, y) => x - y));
      expect(new Set(positions).size).toBe(96);
      expect(seen).toEqual(await store().readAll());
      for (const id of ids) {
        expect(seen.filter((e) => e.streamId === id).map((e) => e.revision)).toEqual([...Array(12).keys()]);
      }
    });
  });
}
