/**
 * Emmett's SQLite event store as a benchmark peer. Kept out of the root typecheck (the root node_modules has no
 * Emmett) and loaded by path from event-store-appends.bench.ts; typecheck it with tsconfig.peers.json.
 */
import { getSQLiteEventStore, sqliteConnection } from '@event-driven-io/emmett-sqlite';
import type { BenchAppender, BenchEvent } from '../appends-workload';

export async function openEmmettAppender(fileName: string): Promise<BenchAppender> {
  // One open connection for the whole run: without `singleton` Emmett opens a connection per operation.
  const connection = sqliteConnection({ fileName });
  // Same durability and checkpoint interval as ours and the raw ceiling (sqlite3 defaults to synchronous=FULL).
  await connection.command('PRAGMA synchronous = NORMAL');
  await connection.command('PRAGMA wal_autocheckpoint = 10000');
  const store = getSQLiteEventStore({ fileName, connectionOptions: { singleton: true, connection } });
  return {
    // Emmett counts a stream's version as its number of events: our revision r is its version r + 1.
    append: async (streamId: string, event: BenchEvent, expectedRevision: number) => {
      await store.appendToStream(streamId, [{ type: event.type, data: event.data, metadata: event.metadata }], {
        expectedStreamVersion: BigInt(expectedRevision + 1),
      });
    },
    count: async () => (await connection.querySingle<{ n: number }>('SELECT COUNT(*) AS n FROM emt_messages'))?.n ?? 0,
    close: async () => connection.close(),
  };
}
