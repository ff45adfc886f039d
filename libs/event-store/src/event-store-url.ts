import { isAbsolute, resolve } from 'node:path';
import { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.adapter';
import { PostgresEventStore } from './postgres/postgres-event-store.adapter';
import { SqliteEventStore } from './sqlite/sqlite-event-store.adapter';

export type EventStoreLocation =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string }
  | { kind: 'eventstoredb'; url: string };

export class EventStoreUrlError extends Error {
  constructor(url: string, why: string) {
    super(`"${url}" is not an event store URL: ${why}. Use sqlite:///abs/path/events.sqlite, sqlite:./relative/path, postgres://... or esdb://...`);
    this.name = 'EventStoreUrlError';
  }
}

/**
 * Reads an event store address: `sqlite:///abs/path/events.sqlite` or `sqlite:./data/events.sqlite` (relative to
 * the working directory), `postgres://` / `postgresql://` (optionally `?schema=name`), `esdb://` / `esdb+discover://`.
 */
export function parseEventStoreUrl(url: string, cwd = process.cwd()): EventStoreLocation {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  if (/^esdb(\+discover)?:\/\//.test(url)) return { kind: 'eventstoredb', url };
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length);
    // sqlite:///abs/path keeps its leading slash; sqlite://host/... names no file.
    const path = rest.startsWith('///') ? rest.slice(2) : rest;
    if (path.startsWith('//')) throw new EventStoreUrlError(url, 'sqlite:// takes an absolute path after a third slash');
    if (path === '' || path === ':memory:') throw new EventStoreUrlError(url, 'a SQLite event store needs a file path');
    return { kind: 'sqlite', path: isAbsolute(path) ? path : resolve(cwd, path) };
  }
  throw new EventStoreUrlError(url, 'unknown scheme');
}

/** Opens the store at a URL (the CLI's store commands). SQLite files are opened durable (synchronous=FULL). */
export async function openEventStoreAt(url: string): Promise<EventStore> {
  const location = parseEventStoreUrl(url);
  switch (location.kind) {
    case 'sqlite':
      return new SqliteEventStore({ path: location.path });
    case 'postgres':
      return PostgresEventStore.open({ url: location.url, poolSize: 4 });
    case 'eventstoredb':
      return new EventStoreDbEventStore({ url: location.url });
  }
}
