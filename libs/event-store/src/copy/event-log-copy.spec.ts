import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../event-store.port';
import { EventStoreDbEventStore } from '../eventstoredb/eventstoredb-event-store.adapter';
import { PostgresEventStore } from '../postgres/postgres-event-store.adapter';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.adapter';
import { event, streamId } from '../testing/contract/contract-fixtures';
import { FakeEventStoreDbClient } from '../testing/eventstoredb-client.fake';
import { createTestDatabase, TestDatabase, uniqueName } from '../testing/postgres-test-database';
import { canonicalJson } from './event-log-digest';
import { copyEventLog, CopyTargetNotEmptyError, digestOf } from './event-log-copy';

/** 280 events over 25 streams, interleaved, some appends of several events, varied data and metadata. */
async function seed(store: EventStore): Promise<void> {
  const ids = Array.from({ length: 25 }, () => streamId());
  const revisions = new Map<string, number>();
  for (let step = 0; step < 200; step++) {
    const id = ids[(step * 7) % ids.length]!;
    const count = step % 5 === 0 ? 3 : 1;
    const batch = Array.from({ length: count }, (_, index) =>
      event(`Step${step % 4}`, { step, index, name: '王磊', nested: { tags: ['suv', step], none: null } }, {
        occurredAt: new Date(Date.UTC(2026, 0, 1 + (step % 20))).toISOString(),
        ...(step % 3 === 0 ? { reason: `because ${step}`, idempotencyKey: `key-${step}` } : {}),
      }),
    );
    const current = revisions.get(id);
    await store.append(id, batch, current === undefined ? 'no_stream' : current);
    revisions.set(id, (current ?? -1) + count);
  }
}

const essentials = async (store: EventStore) =>
  (await store.readAll()).map(({ streamId: id, revision, type, data, metadata }) => ({ id, revision, type, data, metadata }));

describe('copyEventLog', () => {
  let dir: string;
  let database: TestDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'event-log-copy-'));
    database = await createTestDatabase();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  it('SQLite -> PostgreSQL -> SQLite keeps order, streams, revisions, ids and metadata, and verifies itself', async () => {
    const source = new SqliteEventStore({ path: join(dir, 'source.sqlite') });
    const middle = await PostgresEventStore.open({ url: database.url, schema: uniqueName('copy') });
    const back = new SqliteEventStore({ path: join(dir, 'back.sqlite') });
    try {
      await seed(source);
      const progress: number[] = [];
      const there = await copyEventLog(source, middle, { batchSize: 64, onProgress: ({ copied }) => progress.push(copied) });
      expect(there).toMatchObject({ copied: 280, targetCount: 280, verified: true });
      expect(there.targetDigest).toBe(there.sourceDigest);
      expect(progress[progress.length - 1]).toBe(280);
      expect(progress.length).toBeGreaterThan(4);

      const home = await copyEventLog(middle, back, { batchSize: 100 });
      expect(home).toMatchObject({ copied: 280, verified: true, sourceDigest: there.sourceDigest });
      expect(await essentials(back)).toEqual(await essentials(source));
    } finally {
      await Promise.all([source.close(), middle.close(), back.close()]);
    }
  });

  it('copies one append at a time into a store that does not promise issue order (EventStoreDB, here its fake)', async () => {
    const source = new SqliteEventStore({ path: ':memory:' });
    const target = new EventStoreDbEventStore({ url: 'esdb://fake:2113', client: FakeEventStoreDbClient.asPort() });
    try {
      await seed(source);
      const report = await copyEventLog(source, target);
      expect(report).toMatchObject({ copied: 280, verified: true });
      expect(await essentials(target)).toEqual(await essentials(source));
    } finally {
      await Promise.all([source.close(), target.close()]);
    }
  });

  it('refuses a target that already holds events, and writes nothing', async () => {
    const source = new SqliteEventStore({ path: ':memory:' });
    const target = new SqliteEventStore({ path: ':memory:' });
    try {
      await seed(source);
      await target.append(streamId(), [event()], 'no_stream');
      await expect(copyEventLog(source, target)).rejects.toBeInstanceOf(CopyTargetNotEmptyError);
      expect(await target.readAll()).toHaveLength(1);
    } finally {
      await Promise.all([source.close(), target.close()]);
    }
  });

  it('digests differ when one event differs, and not when only key order does', async () => {
    const a = new SqliteEventStore({ path: ':memory:' });
    const b = new SqliteEventStore({ path: ':memory:' });
    try {
      const id = streamId();
      const first = event('Noted', { x: 1, y: 2 });
      await a.append(id, [first], 'no_stream');
      await b.append(id, [{ ...first, data: { y: 2, x: 1 } }], 'no_stream');
      expect((await digestOf(a)).digest()).toBe((await digestOf(b)).digest());
      await b.append(id, [event('Noted', { x: 1 })], 0);
      await a.append(id, [event('Noted', { x: 2 })], 0);
      expect((await digestOf(a)).digest()).not.toBe((await digestOf(b)).digest());
      expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
