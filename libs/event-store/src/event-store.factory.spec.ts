import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, EventStoreConfig } from './event-store.factory';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.adapter';
import { PostgresEventStore } from './postgres/postgres-event-store.adapter';
import { SqliteEventStore } from './sqlite/sqlite-event-store.adapter';
import { events, streamId } from './testing/contract/contract-fixtures';
import { createTestDatabase } from './testing/postgres-test-database';

describe('createEventStore', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'event-store-factory-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const base = (overrides: Partial<EventStoreConfig>): EventStoreConfig => ({
    EVENT_STORE: 'sqlite', DATA_DIR: dir, SQLITE_SYNCHRONOUS: 'full', DATABASE_POOL_SIZE: 4, ...overrides,
  });

  it('sqlite: the file events.sqlite in DATA_DIR, with the configured durability', async () => {
    const store = await createEventStore(base({ SQLITE_SYNCHRONOUS: 'normal' }));
    expect(store).toBeInstanceOf(SqliteEventStore);
    expect((store as SqliteEventStore).synchronous).toBe('normal');
    const id = streamId();
    await store.append(id, events(1), 'no_stream');
    await store.close();
    const again = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    expect(await again.readStream(id)).toHaveLength(1);
    await again.close();
  });

  it('postgres: the database at DATABASE_URL, migrated', async () => {
    const database = await createTestDatabase();
    try {
      const store = await createEventStore(base({ EVENT_STORE: 'postgres', DATABASE_URL: database.url }));
      expect(store).toBeInstanceOf(PostgresEventStore);
      const { position } = await store.append(streamId(), events(2), 'no_stream');
      expect(await store.headPosition()).toBe(position);
      await store.close();
    } finally {
      await database.drop();
    }
  });

  it('eventstoredb: a client for EVENTSTORE_URL (it connects on first use)', async () => {
    const store = await createEventStore(base({ EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: 'esdb://127.0.0.1:2113?tls=false' }));
    expect(store).toBeInstanceOf(EventStoreDbEventStore);
    await store.close();
  });

  it('names the missing variable when the chosen store has no address', async () => {
    await expect(createEventStore(base({ EVENT_STORE: 'postgres' }))).rejects.toThrow('DATABASE_URL is required when EVENT_STORE=postgres');
    await expect(createEventStore(base({ EVENT_STORE: 'eventstoredb' }))).rejects.toThrow(/EVENTSTORE_URL is required/);
  });
});
