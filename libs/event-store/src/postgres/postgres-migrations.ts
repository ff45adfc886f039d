import type { Pool } from 'pg';
import { appendChannel } from './postgres-schema-name';

export interface Migration {
  version: number;
  description: string;
  /** DDL for the given schema (a checked identifier). */
  sql(schema: string): string;
}

/**
 * Why readers can trust `position` although transactions commit out of order (the gap problem).
 *
 * Positions come from a sequence, and a sequence hands out numbers when asked, not when the transaction commits:
 * T1 takes position 10, T2 takes 11, T2 commits first. A reader that sees 11 and moves its checkpoint past it
 * would never see 10 when T1 commits. The cure used here is a transaction-id filter:
 *
 * 1. Every append batch takes its transaction id and all its positions inside one short critical section (a
 *    session advisory lock, released before the rows are even written, so commits still overlap and PostgreSQL
 *    still flushes concurrent commits' WAL together). Hence, between batches, a higher position always belongs
 *    to a higher transaction id.
 * 2. Readers take only events whose transaction id is below `pg_snapshot_xmin(pg_current_snapshot())`, the oldest
 *    transaction still running when their snapshot was taken. Every transaction below it has ended, and every
 *    transaction that can still commit has an id at or above it, hence (by 1) positions above every position a
 *    reader returns. So no event can later appear below a position a reader has passed.
 *
 * The cost: a write transaction that stays open anywhere in the cluster holds back what readers see (not what they
 * get in the end) until it ends; keep `idle_in_transaction_session_timeout` set in production. The sequence keeps
 * the default CACHE 1: a per-session cache would hand out positions out of order and break (1).
 */
const EVENTS_AND_STREAMS: Migration = {
  version: 1,
  description: 'events, streams and the append_batch function',
  sql: (s) => `
    CREATE SEQUENCE ${s}.event_position AS bigint;

    CREATE TABLE ${s}.streams (
      stream_id text   PRIMARY KEY,
      revision  bigint NOT NULL
    );

    -- data and metadata are json, not jsonb: the text is kept exactly as written (key order, \\u0000 escapes)
    -- and nothing is re-encoded on the way in. occurred_at and recorded_at are copied out of the metadata so that
    -- "as it was" and "as known" stream reads can filter on them.
    CREATE TABLE ${s}.events (
      position       bigint      PRIMARY KEY,
      transaction_id xid8        NOT NULL DEFAULT pg_current_xact_id(),
      stream_id      text        NOT NULL,
      revision       bigint      NOT NULL,
      type           text        NOT NULL,
      data           json        NOT NULL,
      metadata       json        NOT NULL,
      event_id       text        NOT NULL UNIQUE,
      occurred_at    timestamptz NOT NULL,
      recorded_at    timestamptz NOT NULL,
      UNIQUE (stream_id, revision)
    );

    ${APPEND_BATCH_FUNCTION(s)}
  `,
};

/**
 * Writes a batch of appends in the caller's transaction and returns one row per append, in order:
 * (appended, revision, last_position): appended with the stream's new revision and its last event's position, or
 * not appended with the stream's actual revision (NULL when the stream does not exist). Expected revisions:
 * -1 no stream, -2 any, -3 stream exists, n >= 0 the stream's last revision. Every append has at least one event;
 * p_event_append and p_event_offset say, for each event, which append (1-based) it belongs to and its index in it.
 * A failed revision check is a result, not an error, so it leaves the other appends of the batch alone. The events
 * of every accepted append are inserted by one statement at the end: per-append inserts would hand the whole batch's
 * arrays to each statement, a cost that grows with the square of the batch.
 */
const APPEND_BATCH_FUNCTION = (s: string): string => `
    CREATE OR REPLACE FUNCTION ${s}.append_batch(
      p_stream_ids text[], p_expected bigint[], p_counts int[], p_event_append int[], p_event_offset int[],
      p_types text[], p_data json[], p_metadata json[], p_event_ids text[],
      p_occurred_at timestamptz[], p_recorded_at timestamptz[]
    ) RETURNS TABLE (appended boolean, revision bigint, last_position bigint)
    LANGUAGE plpgsql AS $fn$
    #variable_conflict use_column
    DECLARE
      positions bigint[];
      bases bigint[] := '{}';
      next_event int := 1;
      sid text;
      n int;
      expected bigint;
      new_revision bigint;
    BEGIN
      IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
        RAISE EXCEPTION 'append_batch must be the first write of its transaction (gap safety)';
      END IF;
      -- Acknowledged must mean flushed to disk: a session or server running with synchronous_commit=off would
      -- acknowledge appends that a crash can lose. Stronger settings (remote_write, remote_apply) are kept.
      IF current_setting('synchronous_commit') = 'off' THEN
        PERFORM set_config('synchronous_commit', 'on', true);
      END IF;
      -- The critical section of the gap-safety argument (see postgres-migrations.ts): transaction id, then positions.
      PERFORM pg_advisory_lock(hashtextextended('${s}.append_batch', 0));
      PERFORM pg_current_xact_id();
      positions := ARRAY(SELECT nextval('${s}.event_position') AS p FROM generate_series(1, cardinality(p_types)) ORDER BY p);
      PERFORM pg_advisory_unlock(hashtextextended('${s}.append_batch', 0));

      FOR i IN 1 .. cardinality(p_stream_ids) LOOP
        sid := p_stream_ids[i];
        n := p_counts[i];
        expected := p_expected[i];
        new_revision := NULL;
        IF expected = -1 THEN
          INSERT INTO ${s}.streams AS st (stream_id, revision) VALUES (sid, n - 1)
          ON CONFLICT (stream_id) DO NOTHING RETURNING st.revision INTO new_revision;
        ELSIF expected = -2 THEN
          INSERT INTO ${s}.streams AS st (stream_id, revision) VALUES (sid, n - 1)
          ON CONFLICT (stream_id) DO UPDATE SET revision = st.revision + n RETURNING st.revision INTO new_revision;
        ELSIF expected = -3 THEN
          UPDATE ${s}.streams AS st SET revision = st.revision + n WHERE st.stream_id = sid RETURNING st.revision INTO new_revision;
        ELSE
          UPDATE ${s}.streams AS st SET revision = expected + n
          WHERE st.stream_id = sid AND st.revision = expected RETURNING st.revision INTO new_revision;
        END IF;

        IF new_revision IS NULL THEN
          bases := bases || NULL::bigint;
          appended := false;
          SELECT st.revision INTO revision FROM ${s}.streams AS st WHERE st.stream_id = sid;
          last_position := NULL;
        ELSE
          bases := bases || (new_revision - n + 1);
          appended := true;
          revision := new_revision;
          last_position := positions[next_event + n - 1];
        END IF;
        RETURN NEXT;
        next_event := next_event + n;
      END LOOP;

      INSERT INTO ${s}.events (position, stream_id, revision, type, data, metadata, event_id, occurred_at, recorded_at)
      SELECT e.position, a.stream_id, a.base + e.event_offset, e.type, e.data, e.metadata, e.event_id, e.occurred_at, e.recorded_at
      FROM unnest(positions, p_event_append, p_event_offset, p_types, p_data, p_metadata, p_event_ids, p_occurred_at, p_recorded_at)
             AS e(position, append_no, event_offset, type, data, metadata, event_id, occurred_at, recorded_at)
      JOIN unnest(p_stream_ids, bases) WITH ORDINALITY AS a(stream_id, base, append_no) USING (append_no)
      WHERE a.base IS NOT NULL
      ORDER BY e.position;
      IF FOUND THEN
        PERFORM pg_notify('${appendChannel(s)}', '');
      END IF;
    END
    $fn$;
`;

/** Every migration, oldest first. A new one gets the next version; an applied one is never edited. */
export const MIGRATIONS: readonly Migration[] = [EVENTS_AND_STREAMS];

/**
 * Brings the schema to the latest version at start: one transaction under an advisory lock, so that processes
 * starting together apply each migration once; each applied version is recorded in `schema_versions`.
 */
export async function migrate(pool: Pool, schema: string, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${schema}.migrations`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${schema}.schema_versions (
      version     int         PRIMARY KEY,
      description text        NOT NULL,
      applied_at  timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${schema}.schema_versions`);
    const applied = new Set(rows.map((row) => row.version));
    const known = Math.max(0, ...migrations.map((m) => m.version));
    const newest = Math.max(0, ...applied);
    if (newest > known) throw new Error(`PostgreSQL schema ${schema} is at version ${newest}; this build knows up to ${known}`);
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql(schema));
      await client.query(`INSERT INTO ${schema}.schema_versions (version, description) VALUES ($1, $2)`, [
        migration.version,
        migration.description,
      ]);
    }
    await client.query('COMMIT');
    return known;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
