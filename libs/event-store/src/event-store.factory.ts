import { join } from 'node:path';
import { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.adapter';
import { PostgresEventStore } from './postgres/postgres-event-store.adapter';
import { SqliteEventStore, SqliteSynchronous } from './sqlite/sqlite-event-store.adapter';

/** The embedded store's file in DATA_DIR. */
export const SQLITE_EVENT_STORE_FILE = 'events.sqlite';

export type EventStoreKind = 'sqlite' | 'postgres' | 'eventstoredb';

/** The settings that choose and address the event store (a subset of the app configuration, same names). */
export interface EventStoreConfig {
  EVENT_STORE: EventStoreKind;
  DATA_DIR: string;
  SQLITE_SYNCHRONOUS: SqliteSynchronous;
  DATABASE_URL?: string;
  DATABASE_POOL_SIZE: number;
  EVENTSTORE_URL?: string;
}

export interface EventStoreHooks {
  /** A background connection (LISTEN, live subscription, idle pool client) failed; the store reconnects by itself. */
  onConnectionError?: (error: unknown) => void;
}

/** The one place that turns configuration into an EventStore: used by the API, the worker and the CLI alike. */
export async function createEventStore(config: EventStoreConfig, hooks: EventStoreHooks = {}): Promise<EventStore> {
  switch (config.EVENT_STORE) {
    case 'sqlite':
      return new SqliteEventStore({ path: join(config.DATA_DIR, SQLITE_EVENT_STORE_FILE), synchronous: config.SQLITE_SYNCHRONOUS });
    case 'postgres':
      return PostgresEventStore.open({
        url: required(config.DATABASE_URL, 'DATABASE_URL', config.EVENT_STORE),
        poolSize: config.DATABASE_POOL_SIZE,
        onConnectionError: hooks.onConnectionError,
      });
    case 'eventstoredb':
      return new EventStoreDbEventStore({
        url: required(config.EVENTSTORE_URL, 'EVENTSTORE_URL', config.EVENT_STORE),
        onConnectionError: hooks.onConnectionError,
      });
  }
}

function required(value: string | undefined, name: string, kind: EventStoreKind): string {
  if (!value) throw new Error(`${name} is required when EVENT_STORE=${kind}`);
  return value;
}
