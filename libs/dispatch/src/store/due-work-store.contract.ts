import { DueEntry, LeadDueEntries } from '../due/due-entry';
import { DueWorkStore } from './due-work-store.port';

export interface DueWorkStoreHarness {
  store: DueWorkStore;
  /** A second connection to the same store, as another worker process would have. */
  openAnother(): DueWorkStore;
  cleanup(): Promise<void>;
}

const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const at = (minutes: number): Date => new Date(T0 + minutes * 60_000);
const entry = (leadId: string, kind: DueEntry['kind'], minutes: number, touchId?: string): DueEntry => ({
  id: `${kind}:${touchId ?? leadId}`, kind, leadId, dealerId: 'dealer-1', dueAt: at(minutes).toISOString(), ...(touchId ? { touchId } : {}),
});
const lead = (leadId: string, ...entries: DueEntry[]): LeadDueEntries => ({ leadId, dealerId: 'dealer-1', entries });
const ids = (entries: readonly DueEntry[]): string[] => entries.map((e) => e.id);

/** What every DueWorkStore adapter must do; run by each adapter's spec against the real store. */
export function dueWorkStoreContract(open: () => Promise<DueWorkStoreHarness>): void {
  let harness: DueWorkStoreHarness;
  let store: DueWorkStore;
  beforeEach(async () => {
    harness = await open();
    store = harness.store;
  });
  afterEach(async () => harness.cleanup());

  it('commits entries with the checkpoint, only from the checkpoint it expects', async () => {
    expect(await store.checkpoint()).toBe(0);
    expect(await store.commit([lead('l1', entry('l1', 'going_cold', 10))], 0, 5)).toBe(true);
    expect(await store.commit([lead('l2', entry('l2', 'going_cold', 10))], 0, 7)).toBe(false);
    expect(await store.checkpoint()).toBe(5);
    expect(ids(await store.dump())).toEqual(['going_cold:l1']);
  });

  it("replaces a lead's entries: new ones appear, gone ones go, other leads stay", async () => {
    await store.commit([lead('l1', entry('l1', 'going_cold', 10), entry('l1', 'touch', 5, 't1')), lead('l2', entry('l2', 'churn_risk', 3))], 0, 1);
    await store.commit([lead('l1', entry('l1', 'touch', 5, 't1'), entry('l1', 'follow_up_stalled', 20))], 1, 2);
    expect(ids(await store.dump())).toEqual(['churn_risk:l2', 'follow_up_stalled:l1', 'touch:t1']);
    expect(await store.size()).toBe(3);
    expect(await store.leadsOfDealer('dealer-1')).toEqual(['l1', 'l2']);
    await store.commit([lead('l2')], 2, 3);
    expect(await store.leadsOfDealer('dealer-1')).toEqual(['l1']);
  });

  it('hands out due entries earliest first, up to the limit, and nothing not yet due', async () => {
    await store.commit([lead('l1', entry('l1', 'going_cold', 30)), lead('l2', entry('l2', 'going_cold', 10)), lead('l3', entry('l3', 'going_cold', 20))], 0, 1);
    expect(await store.claimDue(at(5), 10, 60_000, 'w1')).toEqual([]);
    expect(ids(await store.claimDue(at(25), 1, 60_000, 'w1'))).toEqual(['going_cold:l2']);
    expect(ids(await store.claimDue(at(25), 10, 60_000, 'w1'))).toEqual(['going_cold:l3']);
  });

  it('leases a claimed entry: nobody else gets it until the lease runs out, then its holder cannot complete it', async () => {
    await store.commit([lead('l1', entry('l1', 'going_cold', 0))], 0, 1);
    expect(ids(await store.claimDue(at(1), 10, 60_000, 'w1'))).toEqual(['going_cold:l1']);
    expect(await store.claimDue(at(1.5), 10, 60_000, 'w2')).toEqual([]);
    // w1 crashed; its lease ends at minute 2.
    expect(ids(await store.claimDue(at(2), 10, 60_000, 'w2'))).toEqual(['going_cold:l1']);
    expect(await store.complete('going_cold:l1', 'w1')).toBe(false);
    expect(await store.release('going_cold:l1', 'w1')).toBe(false);
    expect(await store.complete('going_cold:l1', 'w2')).toBe(true);
    expect(await store.dump()).toEqual([]);
    expect(await store.claimDue(at(100), 10, 60_000, 'w3')).toEqual([]);
  });

  it('releases an entry to be claimable again at a later time, or at once at its due time', async () => {
    await store.commit([lead('l1', entry('l1', 'touch', 0, 't1'), entry('l1', 'going_cold', 0))], 0, 1);
    await store.claimDue(at(1), 10, 60_000, 'w1');
    expect(await store.release('touch:t1', 'w1', at(30))).toBe(true);
    expect(await store.release('going_cold:l1', 'w1')).toBe(true);
    expect(ids(await store.claimDue(at(1), 10, 3_600_000, 'w2'))).toEqual(['going_cold:l1']);
    expect(ids(await store.claimDue(at(30), 10, 60_000, 'w2'))).toEqual(['touch:t1']);
  });

  it('keeps the lease of an entry the index writes again unchanged, and drops it when the entry changes', async () => {
    await store.commit([lead('l1', entry('l1', 'touch', 0, 't1'), entry('l1', 'going_cold', 0))], 0, 1);
    await store.claimDue(at(1), 10, 60_000, 'w1');
    await store.commit([lead('l1', entry('l1', 'touch', 0, 't1'), entry('l1', 'going_cold', 40))], 1, 2);
    expect(await store.claimDue(at(1), 10, 60_000, 'w2')).toEqual([]);
    expect(await store.complete('going_cold:l1', 'w1')).toBe(false);
    expect(await store.complete('touch:t1', 'w1')).toBe(true);
    expect(ids(await store.claimDue(at(40), 10, 60_000, 'w2'))).toEqual(['going_cold:l1']);
  });

  it('never hands one entry to two claimers racing on separate connections', async () => {
    const leads = Array.from({ length: 200 }, (_, n) => lead(`l${n}`, entry(`l${n}`, 'going_cold', n % 7)));
    await store.commit(leads, 0, 1);
    const other = harness.openAnother();
    try {
      const claims = await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 ? other : store).claimDue(at(10), 15, 60_000, `w${n}`)));
      const handedOut = claims.flatMap(ids);
      expect(handedOut).toHaveLength(200);
      expect(new Set(handedOut).size).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('clears everything for a rebuild', async () => {
    await store.commit([lead('l1', entry('l1', 'going_cold', 0))], 0, 9);
    await store.clear();
    expect(await store.checkpoint()).toBe(0);
    expect(await store.dump()).toEqual([]);
    expect(await store.leadsOfDealer('dealer-1')).toEqual([]);
  });
}
