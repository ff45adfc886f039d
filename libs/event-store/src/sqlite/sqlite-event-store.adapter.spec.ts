import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { event, events, streamId } from '../testing/contract/contract-fixtures';
import { RecordedEvent } from '../event-store.port';
import { runAndKill } from '../testing/run-and-kill';
import { SqliteEventStore } from './sqlite-event-store.adapter';

function tempDir(): { dir: string; file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-event-store-'));
  return { dir, file: join(dir, 'events.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describeEventStoreContract('SQLite file', async () => {
  const temp = tempDir();
  const store = new SqliteEventStore({ path: temp.file });
  return { store, cleanup: async () => (await store.close(), temp.remove()) };
});

describeEventStoreContract('SQLite :memory:', async () => {
  const store = new SqliteEventStore({ path: ':memory:' });
  return { store, cleanup: () => store.close() };
});

describe('SqliteEventStore live tail in one process', () => {
  it('an append wakes a caught-up subscription at once, without waiting for the poll', async () => {
    const store = new SqliteEventStore({ path: ':memory:', pollIntervalMs: 60_000 });
    const subscription = store.subscribe({ afterPosition: 0, onEvents: async () => undefined });
    await new Promise((resolve) => setImmediate(resolve));
    const { position } = await store.append(streamId(), events(1), 'no_stream');
    await subscription.waitFor(position, 1_000);
    await store.close();
  });
});

describe('SqliteEventStore durability and group commit', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('commits with synchronous=FULL unless told otherwise', async () => {
    const durable = new SqliteEventStore({ path: temp.file });
    const relaxed = new SqliteEventStore({ path: temp.file, synchronous: 'normal' });
    expect([durable.synchronous, relaxed.synchronous]).toEqual(['full', 'normal']);
    await Promise.all([durable.close(), relaxed.close()]);
  });

  it('acknowledges an append only after its commit, and no read sees it before', async () => {
    const store = new SqliteEventStore({ path: temp.file });
    const other = new Database(temp.file, { readonly: true });
    const count = (id: string) => (other.prepare('SELECT COUNT(*) AS n FROM events WHERE stream_id = ?').get(id) as { n: number }).n;
    const id = streamId();
    const pending = store.append(id, events(2), 'no_stream');
    expect(await store.readStream(id)).toEqual([]);
    expect(await store.readAll()).toEqual([]);
    expect(count(id)).toBe(0);
    await pending;
    expect(count(id)).toBe(2);
    other.close();
    await store.close();
  });

  it('writes the appends of one event-loop turn in one transaction: a fraction of the WAL frames', async () => {
    // Each commit appends the pages it changed to the WAL, so the WAL's growth counts commits' pages.
    const walGrowth = async (appendAll: (store: SqliteEventStore, ids: string[]) => Promise<unknown>): Promise<number> => {
      const dir = tempDir();
      const store = new SqliteEventStore({ path: dir.file, synchronous: 'normal' });
      const before = statSync(`${dir.file}-wal`).size;
      await appendAll(store, Array.from({ length: 40 }, () => streamId()));
      const growth = statSync(`${dir.file}-wal`).size - before;
      await store.close();
      dir.remove();
      return growth;
    };
    const oneByOne = await walGrowth(async (store, ids) => {
      for (const id of ids) await store.append(id, events(1), 'no_stream');
    });
    const together = await walGrowth((store, ids) => Promise.all(ids.map((id) => store.append(id, events(1), 'no_stream'))));
    expect(together * 5).toBeLessThan(oneByOne);
  });

  it('closing commits the appends already accepted', async () => {
    const store = new SqliteEventStore({ path: temp.file });
    const id = streamId();
    const pending = store.append(id, events(3), 'no_stream');
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextRevision: 2 });
    await expect(store.append(id, events(1), 2)).rejects.toThrow(/closed/);
    const reopened = new SqliteEventStore({ path: temp.file });
    expect(await reopened.readStream(id)).toHaveLength(3);
    await reopened.close();
  });
});

describe('SqliteEventStore on one file shared by two instances', () => {
  let temp: ReturnType<typeof tempDir>;
  let writer: SqliteEventStore;
  let reader: SqliteEventStore;
  beforeAll(() => {
    temp = tempDir();
    writer = new SqliteEventStore({ path: temp.file });
    // As a second process would: the reader's own notifier never hears the writer, so only polling finds events.
    reader = new SqliteEventStore({ path: temp.file, pollIntervalMs: 20 });
  });
  afterAll(async () => {
    await Promise.all([writer.close(), reader.close()]);
    temp.remove();
  });

  it("a subscription on one instance sees appends made through the other", async () => {
    const seen: RecordedEvent[] = [];
    const subscription = reader.subscribe({ afterPosition: 0, onEvents: async (batch) => void seen.push(...batch) });
    const id = streamId();
    await writer.append(id, events(3), 'no_stream');
    const last = await writer.append(id, events(2), 2);
    await subscription.waitFor(last.position);
    await subscription.stop();
    expect(seen.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
  });

  it('checks the expected revision against the other instance\'s appends', async () => {
    const id = streamId();
    await writer.append(id, [event()], 'no_stream');
    await expect(reader.append(id, [event()], 'no_stream')).rejects.toMatchObject({ actual: 0 });
    expect((await reader.append(id, [event()], 0)).nextRevision).toBe(1);
    expect(await writer.readStream(id)).toHaveLength(2);
  });
});

describe('SqliteEventStore after kill -9', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeAll(() => (temp = tempDir()));
  afterAll(() => temp.remove());

  it('keeps every acknowledged append, with contiguous revisions and an intact file', async () => {
    const id = streamId('crash');
    const acknowledged = await runAndKill(temp.file, id, 300);
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);

    const store = new SqliteEventStore({ path: temp.file });
    const stored = (await store.readStream(id)).map((e) => e.revision);
    await store.close();
    const lastAcknowledged = acknowledged[acknowledged.length - 1]!;
    expect(stored.length).toBeGreaterThan(lastAcknowledged);
    expect(stored).toEqual(stored.map((_, index) => index));

    const db = new Database(temp.file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
