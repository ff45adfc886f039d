import type { EventStore, RecordedEvent } from '../../event-store.port';
import { event, events, streamId } from './contract-fixtures';

export function describeReadContract(store: () => EventStore): void {
  describe('readStream', () => {
    it('returns an empty list for a missing stream', async () => {
      expect(await store().readStream(streamId())).toEqual([]);
    });

    it('reads backward, from and to a revision, and caps with maxCount', async () => {
      const id = streamId();
      await store().append(id, events(6), 'no_stream');
      const revisions = async (options: Parameters<EventStore['readStream']>[1]) =>
        (await store().readStream(id, options)).map((e) => e.revision);
      expect(await revisions({ direction: 'backward' })).toEqual([5, 4, 3, 2, 1, 0]);
      expect(await revisions({ fromRevision: 2 })).toEqual([2, 3, 4, 5]);
      expect(await revisions({ fromRevision: 1, toRevision: 3 })).toEqual([1, 2, 3]);
      expect(await revisions({ toRevision: 1 })).toEqual([0, 1]);
      expect(await revisions({ direction: 'backward', fromRevision: 3 })).toEqual([3, 2, 1, 0]);
      expect(await revisions({ direction: 'backward', maxCount: 2 })).toEqual([5, 4]);
      expect(await revisions({ fromRevision: 1, maxCount: 2 })).toEqual([1, 2]);
    });

    it('keeps other streams out', async () => {
      const [a, b] = [streamId(), streamId()];
      await store().append(a, events(2), 'no_stream');
      await store().append(b, events(3), 'no_stream');
      expect((await store().readStream(a)).every((e) => e.streamId === a)).toBe(true);
      expect(await store().readStream(b)).toHaveLength(3);
    });

    it('reads "as it was" by occurredAt and "as known" by recordedAt (a back-dated event differs)', async () => {
      const id = streamId();
      const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 0, day, hour)).toISOString();
      await store().append(id, [event('Called', { n: 0 }, { occurredAt: at(1), recordedAt: at(1) })], 'no_stream');
      await store().append(id, [event('Quoted', { n: 1 }, { occurredAt: at(3), recordedAt: at(3) })], 0);
      // Recorded on the 5th about something that happened on the 2nd.
      await store().append(id, [event('Visited', { n: 2 }, { occurredAt: at(2), recordedAt: at(5) })], 1);
      const types = async (options: Parameters<EventStore['readStream']>[1]) =>
        (await store().readStream(id, options)).map((e) => e.type);
      expect(await types({ occurredUntil: at(2, 12) })).toEqual(['Called', 'Visited']);
      expect(await types({ recordedUntil: at(4) })).toEqual(['Called', 'Quoted']);
      expect(await types({ occurredUntil: at(2), recordedUntil: at(4) })).toEqual(['Called']);
      expect(await types({ occurredUntil: at(1) })).toEqual(['Called']);
      expect(await types({ direction: 'backward', recordedUntil: at(5) })).toEqual(['Visited', 'Quoted', 'Called']);
    });
  });

  describe('readAll and headPosition', () => {
    it('headPosition is 0 when empty and the last position after appends', async () => {
      expect(await store().headPosition()).toBe(0);
      await store().append(streamId(), events(2), 'no_stream');
      const last = await store().append(streamId(), events(3), 'no_stream');
      expect(await store().headPosition()).toBe(last.position);
    });

    it('pages with afterPosition (exclusive) and maxCount; positions rise strictly across streams', async () => {
      const ids = [streamId(), streamId(), streamId()];
      for (let round = 0; round < 4; round++) {
        for (const id of ids) await store().append(id, events(2), round === 0 ? 'no_stream' : round * 2 - 1);
      }
      const all = await store().readAll();
      expect(all).toHaveLength(24);
      all.forEach((e, i) => i > 0 && expect(e.position).toBeGreaterThan(all[i - 1]!.position));
      const paged: RecordedEvent[] = [];
      let after = 0;
      for (;;) {
        const page = await store().readAll({ afterPosition: after, maxCount: 5 });
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(5);
        expect(page[0]!.position).toBeGreaterThan(after);
        paged.push(...page);
        after = page[page.length - 1]!.position;
      }
      expect(paged).toEqual(all);
      expect(after).toBe(await store().headPosition());
      expect(await store().readAll({ afterPosition: after })).toEqual([]);
    });
  });
}
