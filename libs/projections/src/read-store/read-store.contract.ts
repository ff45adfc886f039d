import { ReadStore, StoredDoc } from './read-store.port';

export interface ReadStoreHarness {
  store: ReadStore;
  /** Removes whatever the test wrote (a temp file, a key prefix). */
  cleanup(): Promise<void>;
}

const doc = (id: string, partition: string, body: unknown): StoredDoc => ({ collection: 'leads', id, partition, body });

/** One contract for every ReadStore adapter: run it against each, with the real server where there is one. */
export function describeReadStoreContract(label: string, open: () => Promise<ReadStoreHarness>): void {
  describe(`ReadStore contract: ${label}`, () => {
    let harness: ReadStoreHarness;
    let store: ReadStore;
    beforeEach(async () => {
      harness = await open();
      store = harness.store;
    });
    afterEach(async () => harness.cleanup());

    it('has no pointer and no checkpoint before a version is created', async () => {
      expect(await store.liveVersion('funnel')).toBeUndefined();
      expect(await store.checkpoint('funnel', 1)).toBeUndefined();
    });

    it('moves the pointer by compare-and-set only', async () => {
      expect(await store.setLiveVersion('funnel', 1, undefined)).toBe(true);
      expect(await store.setLiveVersion('funnel', 1, undefined)).toBe(false);
      expect(await store.setLiveVersion('funnel', 2, 3)).toBe(false);
      expect(await store.setLiveVersion('funnel', 2, 1)).toBe(true);
      expect(await store.liveVersion('funnel')).toBe(2);
    });

    it('moves the building pointer by compare-and-set, and clears it', async () => {
      expect(await store.buildingVersion('funnel')).toBeUndefined();
      expect(await store.setBuildingVersion('funnel', 2, undefined)).toBe(true);
      expect(await store.setBuildingVersion('funnel', 3, undefined)).toBe(false);
      expect(await store.buildingVersion('funnel')).toBe(2);
      expect(await store.setBuildingVersion('funnel', undefined, 1)).toBe(false);
      expect(await store.setBuildingVersion('funnel', undefined, 2)).toBe(true);
      expect(await store.buildingVersion('funnel')).toBeUndefined();
    });

    it('allocates version numbers above every version it knows, never the same twice', async () => {
      await store.createVersion('funnel', 4);
      await store.setLiveVersion('funnel', 4, undefined);
      const allocated = await Promise.all([store.allocateVersion('funnel'), store.allocateVersion('funnel'), store.allocateVersion('funnel')]);
      expect(new Set(allocated).size).toBe(3);
      expect(Math.min(...allocated)).toBeGreaterThan(4);
      expect(await store.allocateVersion('tiers')).toBe(1);
    });

    it('commits changes and the checkpoint together, then reads them back', async () => {
      await store.createVersion('funnel', 1);
      expect(await store.checkpoint('funnel', 1)).toBe(0);
      const result = await store.commit('funnel', 1, [
        { kind: 'put', doc: doc('a', 'd1', { stage: 'quote', n: 1 }) },
        { kind: 'put', doc: doc('b', 'd2', { stage: 'initial_contact' }) },
      ], 0, 7);
      expect(result).toEqual({ ok: true });
      expect(await store.checkpoint('funnel', 1)).toBe(7);
      const loaded = await store.load('funnel', 1, 'leads', ['a', 'missing']);
      expect([...loaded.keys()]).toEqual(['a']);
      expect(loaded.get('a')).toEqual(doc('a', 'd1', { stage: 'quote', n: 1 }));
      expect(await store.list('funnel', 1, 'leads', 'd1')).toEqual([doc('a', 'd1', { stage: 'quote', n: 1 })]);
    });

    it('refuses a commit whose expected checkpoint is stale, and writes nothing', async () => {
      await store.createVersion('funnel', 1);
      await store.commit('funnel', 1, [{ kind: 'put', doc: doc('a', 'd1', { v: 1 }) }], 0, 5);
      const stale = await store.commit('funnel', 1, [{ kind: 'put', doc: doc('a', 'd1', { v: 2 }) }], 3, 9);
      expect(stale).toEqual({ ok: false, currentCheckpoint: 5 });
      expect((await store.load('funnel', 1, 'leads', ['a'])).get('a')?.body).toEqual({ v: 1 });
    });

    it('refuses a commit into a version that does not exist', async () => {
      const result = await store.commit('funnel', 4, [{ kind: 'put', doc: doc('a', 'd1', {}) }], 0, 1);
      expect(result).toEqual({ ok: false, currentCheckpoint: undefined });
      expect(await store.dump('funnel', 4)).toEqual([]);
    });

    it('deletes documents and moves them between partitions', async () => {
      await store.createVersion('tiers', 1);
      await store.commit('tiers', 1, [
        { kind: 'put', doc: doc('a', 'd1', { x: 1 }) },
        { kind: 'put', doc: doc('b', 'd1', { x: 2 }) },
      ], 0, 2);
      await store.commit('tiers', 1, [
        { kind: 'delete', collection: 'leads', id: 'a', partition: 'd1' },
        { kind: 'put', doc: doc('b', 'd2', { x: 3 }), previousPartition: 'd1' },
      ], 2, 3);
      expect(await store.list('tiers', 1, 'leads', 'd1')).toEqual([]);
      expect(await store.list('tiers', 1, 'leads', 'd2')).toEqual([doc('b', 'd2', { x: 3 })]);
    });

    it('keeps versions apart, dumps sorted, and drops a version with its checkpoint', async () => {
      await store.createVersion('funnel', 1);
      await store.createVersion('funnel', 2);
      await store.commit('funnel', 1, [{ kind: 'put', doc: doc('z', 'd1', 1) }, { kind: 'put', doc: doc('m', 'd2', 2) }], 0, 1);
      await store.commit('funnel', 2, [{ kind: 'put', doc: doc('q', 'd1', 3) }], 0, 1);
      expect((await store.dump('funnel', 1)).map((d) => d.id)).toEqual(['m', 'z']);
      await store.dropVersion('funnel', 1);
      expect(await store.checkpoint('funnel', 1)).toBeUndefined();
      expect(await store.dump('funnel', 1)).toEqual([]);
      expect(await store.dump('funnel', 2)).toEqual([doc('q', 'd1', 3)]);
    });

    it('empties a version when it is created again', async () => {
      await store.createVersion('funnel', 1);
      await store.commit('funnel', 1, [{ kind: 'put', doc: doc('a', 'd1', 1) }], 0, 10);
      await store.createVersion('funnel', 1);
      expect(await store.checkpoint('funnel', 1)).toBe(0);
      expect(await store.dump('funnel', 1)).toEqual([]);
      expect(await store.list('funnel', 1, 'leads', 'd1')).toEqual([]);
    });
  });
}
