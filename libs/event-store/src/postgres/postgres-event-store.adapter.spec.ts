import { Client } from 'pg';
import { serializeAppend } from '../append/serialized-event';
import type { RecordedEvent } from '../event-store.port';
import { event, events, streamId } from '../testing/contract/contract-fixtures';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { createTestDatabase, TestDatabase, uniqueName } from '../testing/postgres-test-database';
import { PollingSubscription } from '../subscription/polling-subscription';
import { runAndKill } from '../testing/run-and-kill';
import { appendBatchQuery, AppendBatchRow } from './postgres-append-batch';
import { PostgresEventStore } from './postgres-event-store.adapter';

let database: TestDatabase;
beforeAll(async () => (database = await createTestDatabase()));
afterAll(() => database.drop());

/** Each store gets a schema of its own in this file's database: a fresh, empty log per test. */
const openStore = (schema = uniqueName('es'), options: { pollIntervalMs?: number } = {}) =>
  PostgresEventStore.open({ url: database.url, schema, ...options });

async function rawClient(): Promise<Client> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  return client;
}

/** Appends through append_batch on a connection the test controls, inside a transaction it leaves open. */
async function appendUncommitted(client: Client, schema: string, stream: string): Promise<number> {
  await client.query('BEGIN');
  const { rows } = await client.query<AppendBatchRow>(appendBatchQuery(schema, [serializeAppend(stream, [event()], 'no_stream')]));
  return Number(rows[0]!.last_position);
}

describeEventStoreContract('PostgreSQL', async () => {
  const store = await openStore();
  return { store, cleanup: () => store.close() };
});

describe('PostgresEventStore: transactions that commit out of position order', () => {
  it('holds back a later commit until the earlier position commits, then delivers both in order', async () => {
    const schema = uniqueName('es');
    const store = await openStore(schema);
    const slow = await rawClient();
    const seen: RecordedEvent[] = [];
    let reads = 0;
    // A subscription over the store's reader that counts its reads, so the test can wait for it to have looked.
    const subscription = new PollingSubscription({
      afterPosition: 0,
      pollIntervalMs: 10,
      readBatch: async (afterPosition, maxCount) => {
        reads += 1;
        return store.readAll({ afterPosition, maxCount });
      },
      onEvents: async (batch) => void seen.push(...batch),
    });
    try {
      const early = await appendUncommitted(slow, schema, streamId());
      const late = await store.append(streamId(), events(1), 'no_stream');
      expect(late.position).toBeGreaterThan(early);

      // The gap is real: a reader that trusts bare positions sees the later commit and not the earlier position.
      const naive = await rawClient();
      const { rows } = await naive.query<{ position: string }>(`SELECT position FROM ${schema}.events ORDER BY position`);
      await naive.end();
      expect(rows.map((row) => Number(row.position))).toEqual([late.position]);
      // The store's reader takes neither until the earlier transaction has ended.
      expect(await store.readAll()).toEqual([]);
      expect(await store.headPosition()).toBe(0);

      const readsBefore = reads;
      await waitUntil(() => reads >= readsBefore + 3);
      expect(seen).toEqual([]);

      await slow.query('COMMIT');
      await subscription.waitFor(late.position);
      expect(seen.map((e) => e.position)).toEqual([early, late.position]);
    } finally {
      await subscription.stop();
      await slow.end();
      await store.close();
    }
  });

  it('many writers committing in random order: a subscriber started first sees each event once, in order', async () => {
    const schema = uniqueName('es');
    const store = await openStore(schema, { pollIntervalMs: 10 });
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribe({ afterPosition: 0, batchSize: 4, onEvents: async (batch) => void seen.push(...batch) });
    const clients = await Promise.all(Array.from({ length: 6 }, rawClient));
    const commitOrder: number[] = [];
    try {
      const writer = async (client: Client): Promise<void> => {
        for (let round = 0; round < 5; round++) {
          const position = await appendUncommitted(client, schema, streamId());
          // Hold the transaction open a little, at random, so that commits overtake each other.
          await client.query('SELECT pg_sleep(random() * 0.02)');
          await client.query('COMMIT');
          commitOrder.push(position);
        }
      };
      const viaStore = async (): Promise<void> => {
        for (let round = 0; round < 10; round++) await store.append(streamId(), events(2), 'no_stream');
      };
      await Promise.all([...clients.map(writer), viaStore()]);
      const head = await store.headPosition();
      await subscription.waitFor(head);
      const positions = seen.map((e) => e.position);
      expect(positions).toHaveLength(6 * 5 + 10 * 2);
      expect(new Set(positions).size).toBe(positions.length);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(seen).toEqual(await store.readAll());
      expect(commitOrder).not.toEqual([...commitOrder].sort((a, b) => a - b));
    } finally {
      await subscription.stop();
      await Promise.all(clients.map((client) => client.end()));
      await store.close();
    }
  });
});

describe('PostgresEventStore: schema migrations', () => {
  it('applies each version once, in one transaction, when several processes start together', async () => {
    const schema = uniqueName('es');
    const stores = await Promise.all([openStore(schema), openStore(schema), openStore(schema)]);
    await Promise.all(stores.map((store) => store.close()));
    const client = await rawClient();
    try {
      const { rows } = await client.query(`SELECT version, description FROM ${schema}.schema_versions ORDER BY version`);
      expect(rows).toEqual([{ version: 1, description: 'events, streams and the append_batch function' }]);
    } finally {
      await client.end();
    }
  });

  it('refuses to start on a schema migrated by a newer build', async () => {
    const schema = uniqueName('es');
    await (await openStore(schema)).close();
    const client = await rawClient();
    try {
      await client.query(`INSERT INTO ${schema}.schema_versions (version, description) VALUES (99, 'from the future')`);
    } finally {
      await client.end();
    }
    await expect(openStore(schema)).rejects.toThrow(/version 99; this build knows up to 1/);
  });
});

describe('PostgresEventStore after kill -9 of the appending process', () => {
  it('keeps every acknowledged append, with contiguous revisions, and the next process can append at once', async () => {
    const schema = uniqueName('es');
    const url = new URL(database.url);
    url.searchParams.set('schema', schema);
    const id = streamId('crash');
    const acknowledged = await runAndKill(url.toString(), id, 150);
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);

    // A kill inside append_batch's critical section must not leave its advisory lock held: the next append goes through.
    const store = await openStore(schema);
    try {
      const stored = (await store.readStream(id)).map((e) => e.revision);
      expect(stored.length).toBeGreaterThan(acknowledged[acknowledged.length - 1]!);
      expect(stored).toEqual(stored.map((_, index) => index));
      const next = await store.append(id, events(1), stored.length - 1);
      expect(next.nextRevision).toBe(stored.length);
    } finally {
      await store.close();
    }
  });
});

describe('PostgresEventStore: live tail and durability', () => {
  it('wakes a subscription on another instance through LISTEN/NOTIFY, without polling', async () => {
    const schema = uniqueName('es');
    const writer = await openStore(schema);
    const reader = await openStore(schema, { pollIntervalMs: 60_000 });
    const subscription = reader.subscribe({ afterPosition: 0, onEvents: async () => undefined });
    try {
      // The first append may land before LISTEN is in place; the subscription's first read finds it anyway.
      const first = await writer.append(streamId(), events(1), 'no_stream');
      await subscription.waitFor(first.position, 5_000);
      const second = await writer.append(streamId(), events(1), 'no_stream');
      await subscription.waitFor(second.position, 2_000);
    } finally {
      await subscription.stop();
      await Promise.all([writer.close(), reader.close()]);
    }
  });

  it('reconnects the LISTEN connection after the server drops it', async () => {
    const schema = uniqueName('es');
    const writer = await openStore(schema);
    const reader = await openStore(schema, { pollIntervalMs: 60_000 });
    const subscription = reader.subscribe({ afterPosition: 0, onEvents: async () => undefined });
    const admin = await rawClient();
    try {
      const first = await writer.append(streamId(), events(1), 'no_stream');
      await subscription.waitFor(first.position, 5_000);
      const listening = `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN ${schema}_appended'`;
      await waitUntilAsync(async () => (await admin.query(listening)).rowCount === 1);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM (${listening}) AS listener`);
      const second = await writer.append(streamId(), events(1), 'no_stream');
      await subscription.waitFor(second.position, 5_000);
    } finally {
      await subscription.stop();
      await admin.end();
      await Promise.all([writer.close(), reader.close()]);
    }
  });

  it('acknowledges only flushed commits: append_batch turns synchronous_commit=off back on', async () => {
    const schema = uniqueName('es');
    await (await openStore(schema)).close();
    const client = await rawClient();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL synchronous_commit = off');
      await client.query(appendBatchQuery(schema, [serializeAppend(streamId(), events(1), 'no_stream')]));
      const { rows } = await client.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
      await client.query('COMMIT');
      expect(rows[0]?.synchronous_commit).toBe('on');
    } finally {
      await client.end();
    }
  });

  it('refuses to run append_batch after another write in the same transaction (it would break gap safety)', async () => {
    const schema = uniqueName('es');
    await (await openStore(schema)).close();
    const client = await rawClient();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO ${schema}.streams (stream_id, revision) VALUES ('other', 0)`);
      await expect(client.query(appendBatchQuery(schema, [serializeAppend(streamId(), events(1), 'no_stream')]))).rejects.toThrow(
        /first write of its transaction/,
      );
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  await waitUntilAsync(async () => condition(), timeoutMs);
}

async function waitUntilAsync(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
