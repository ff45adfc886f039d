/**
 * Emmett's PostgreSQL event store as a benchmark peer (emmett-postgresql 0.42). Kept out of the root typecheck (the
 * root node_modules has no Emmett) and loaded by path from postgres-appends.bench.ts; typecheck it with
 * tsconfig.peers.json. Emmett appends each call in its own transaction (BEGIN, SELECT emt_append_to_stream(...),
 * COMMIT) on a pooled connection; PostgreSQL's own commit grouping flushes concurrent commits together.
 */
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import type { BenchAppender, BenchEvent } from '../appends-workload';

export async function openEmmettPostgresAppender(connectionString: string, writers: number): Promise<BenchAppender> {
  // One connection per writer, so that Emmett is never short of connections.
  const pool = new pg.Pool({ connectionString, max: Math.max(writers, 2) });
  const store = getPostgreSQLEventStore(connectionString, { connectionOptions: { pool } });
  await store.schema.migrate();
  return {
    // Emmett counts a stream's version as its number of events: our revision r is its version r + 1.
    append: async (streamId: string, event: BenchEvent, expectedRevision: number) => {
      const result = await store.appendToStream(streamId, [{ type: event.type, data: event.data, metadata: event.metadata }], {
        expectedStreamVersion: BigInt(expectedRevision + 1),
      });
      if (result.nextExpectedStreamVersion !== BigInt(expectedRevision + 2)) throw new Error(`emmett append to ${streamId} failed`);
    },
    count: async () => Number((await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM emt_messages')).rows[0]?.n ?? 0),
    close: async () => {
      await store.close();
      await pool.end().catch(() => undefined);
    },
  };
}
