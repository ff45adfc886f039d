import { IdempotencyStore } from './idempotency-store.port';

export interface IdempotencyStoreUnderTest {
  /** A new handle on the same keys (the same file or database): another start of the process, or another process. */
  open(): Promise<IdempotencyStore>;
  cleanUp?(): Promise<void>;
}

/** The behaviour every IdempotencyStore adapter shares; each adapter's spec runs it. */
export function idempotencyStoreContract(name: string, setUp: () => Promise<IdempotencyStoreUnderTest>): void {
  describe(`${name}: the IdempotencyStore contract`, () => {
    let subject: IdempotencyStoreUnderTest;
    let store: IdempotencyStore;
    const claim = { scope: 'd|a|POST|/leads', key: 'k1', requestHash: 'h1', owner: 'p1', claimedAt: '2026-01-05T09:00:00.000Z' };

    beforeAll(async () => {
      subject = await setUp();
    });
    beforeEach(async () => {
      store = await subject.open();
    });
    afterEach(() => store.close());
    afterAll(() => subject.cleanUp?.());

    it('claims a new key once, then reports the existing claim', async () => {
      expect(await store.claim(claim)).toEqual({ claimed: true });
      const second = await store.claim({ ...claim, owner: 'p2' });
      expect(second).toEqual({ claimed: false, existing: { ...claim, status: 'in_progress' } });
    });

    it('keeps a completed response across reopening the store', async () => {
      await store.complete(claim.scope, claim.key, { status: 201, body: { leadId: 'x', a: [1, { z: 1, b: 2 }] }, etag: '"0"' });
      await store.close();
      store = await subject.open();
      const again = await store.claim(claim);
      expect(again).toMatchObject({ claimed: false, existing: { status: 'completed', response: { status: 201, etag: '"0"' } } });
      if (!again.claimed) expect(JSON.stringify(again.existing.response?.body)).toBe('{"leadId":"x","a":[1,{"z":1,"b":2}]}');
    });

    it('takes over an in-progress claim only from its current owner', async () => {
      const other = { ...claim, key: 'k2' };
      await store.claim(other);
      expect(await store.takeOver(other.scope, other.key, 'someone-else', 'p3', claim.claimedAt)).toBe(false);
      expect(await store.takeOver(other.scope, other.key, 'p1', 'p3', claim.claimedAt)).toBe(true);
      expect(await store.takeOver(other.scope, other.key, 'p1', 'p4', claim.claimedAt)).toBe(false);
    });

    it('releases an in-progress claim so that the key can be claimed again, and never a completed one', async () => {
      const other = { ...claim, key: 'k3' };
      await store.claim(other);
      await store.release(other.scope, other.key);
      expect(await store.claim(other)).toEqual({ claimed: true });
      await store.complete(other.scope, other.key, { status: 201, body: {} });
      await store.release(other.scope, other.key);
      expect(await store.claim(other)).toMatchObject({ claimed: false, existing: { status: 'completed' } });
    });

    it('forgets completed keys claimed before a time, and no claim in progress', async () => {
      const scope = 'd|a|POST|/forget';
      await store.claim({ ...claim, scope, key: 'old', claimedAt: '2026-01-01T00:00:00.000Z' });
      await store.complete(scope, 'old', { status: 201, body: {} });
      await store.claim({ ...claim, scope, key: 'stuck', claimedAt: '2026-01-01T00:00:00.000Z' });
      await store.claim({ ...claim, scope, key: 'new', claimedAt: '2026-01-03T00:00:00.000Z' });
      await store.complete(scope, 'new', { status: 201, body: {} });
      expect(await store.forgetCompletedBefore('2026-01-02T00:00:00.000Z')).toBe(1);
      expect(await store.claim({ ...claim, scope, key: 'old' })).toEqual({ claimed: true });
      expect(await store.claim({ ...claim, scope, key: 'stuck' })).toMatchObject({ claimed: false, existing: { status: 'in_progress' } });
    });

    it('lets exactly one of many concurrent claims of one key win', async () => {
      const key = { ...claim, key: 'race' };
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.claim({ ...key, owner: `p${i}` })));
      expect(results.filter((r) => r.claimed)).toHaveLength(1);
    });
  });
}
