import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LeadStreamLoader } from '@crm/commands';
import { SqliteEventStore } from '@crm/event-store';
import { LeadEvent } from '@crm/lead';
import { EventStoreDealerSettingsReader } from '../dealer/event-store-dealer-settings.reader';
import { DueWorkStore } from '../store/due-work-store.port';
import { assessedHot, called, LeadHistory, registered, touchScheduled } from '../testing/lead-history';
import { openDueStore } from '../testing/due-store.harness';
import { DueIndexConsumer } from './due-index.consumer';
import { DueIndexRunner } from './due-index.runner';

const T0 = Date.parse('2026-03-02T02:00:00.000Z');
const at = (hours: number): string => new Date(T0 + hours * 3_600_000).toISOString();

describe.each(['sqlite', 'redis'] as const)('the due index on %s', (kind) => {
  let dir: string;
  let events: SqliteEventStore;
  let store: DueWorkStore;
  let cleanupStore: () => Promise<void>;
  let history: LeadHistory;
  const runners: DueIndexRunner[] = [];

  const runner = (target = store, batchSize = 50): DueIndexRunner => {
    const consumer = new DueIndexConsumer(target, new LeadStreamLoader(events), new EventStoreDealerSettingsReader(events));
    const made = new DueIndexRunner(events, target, consumer, { batchSize });
    runners.push(made);
    made.start();
    return made;
  };
  const entries = async (target = store): Promise<Record<string, string>> =>
    Object.fromEntries((await target.dump()).map((entry) => [entry.id, entry.dueAt]));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'due-index-'));
    events = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    ({ store, cleanup: cleanupStore } = await openDueStore(kind, dir));
    history = new LeadHistory(events);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    await cleanupStore();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('follows the log: a first-contact deadline until the first call, then going cold for a hot lead', async () => {
    const index = runner();
    await index.waitFor(await history.lead('l1', at(0), registered('l1')));
    expect(await entries()).toEqual({ 'first_contact_late:l1': at(24) });
    await index.waitFor(await history.lead('l1', at(2), called, assessedHot));
    expect(await entries()).toEqual({ 'going_cold:l1': at(2 + 7 * 24) });
    expect(await store.checkpoint()).toBe(await events.headPosition());
  });

  it("moves every pending deadline of a dealer when the dealer's settings change", async () => {
    const index = runner();
    await history.lead('l1', at(0), registered('l1'), touchScheduled('t1', at(30)));
    await history.lead('l2', at(0), registered('l2'));
    await history.lead('l2', at(0.5), called, assessedHot);
    await history.lead('other', at(0), { ...registered('other', 'dealer-2') });
    await index.waitFor(await history.dealerSettings({ warningDays: { goingCold: 2, touchOverdue: 1 }, responseMinutes: { walk_in: 120 } }, at(1)));
    expect(await entries()).toEqual({
      'first_contact_late:l1': at(2), 'touch:t1': at(30), 'touch_overdue:t1': at(30 + 24), 'going_cold:l2': at(48.5),
      'first_contact_late:other': at(24),
    });
  });

  it('comes out identical when rebuilt from position 0, in place or into a fresh store', async () => {
    const index = runner(store, 7);
    for (let n = 0; n < 40; n += 1) {
      const leadId = `l${n}`;
      await history.lead(leadId, at(n), registered(leadId, n % 2 ? 'dealer-1' : 'dealer-2', { channel: n % 3 ? 'walk_in' : 'website' }));
      const later: LeadEvent[] = [];
      if (n % 4 !== 0) later.push(called);
      if (n % 5 === 0) later.push(assessedHot);
      if (n % 3 === 0) later.push(touchScheduled(`t${n}`, at(n + 40)));
      if (n % 7 === 0) later.push({ type: 'ConsultantAssigned', data: { consultantId: 'c1', reason: 'manual' } });
      if (n % 11 === 0) later.push({ type: 'DealWon', data: {} }, { type: 'VehicleDelivered', data: {} });
      if (later.length > 0) await history.lead(leadId, at(n + 1), ...later);
      if (n === 20) await history.dealerSettings({ warningDays: { goingCold: 3 } }, at(n));
      // Caught up after each lead: the index sees every intermediate state, the rebuild only the last.
      await index.waitFor(await events.headPosition());
    }
    const head = await events.headPosition();
    await index.waitFor(head);
    const incremental = await store.dump();
    expect(incremental.length).toBeGreaterThan(40);

    const fresh = await openDueStore(kind, dir, 'fresh');
    try {
      await runner(fresh.store, 500).waitFor(head);
      expect(await fresh.store.dump()).toEqual(incremental);
    } finally {
      await Promise.all(runners.splice(1).map((r) => r.stop()));
      await fresh.cleanup();
    }
    await index.rebuild();
    await index.waitFor(head);
    expect(await store.dump()).toEqual(incremental);
  });
});
