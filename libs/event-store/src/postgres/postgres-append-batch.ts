import type { QueryConfig } from 'pg';
import type { AppendResult, ExpectedRevision } from '../event-store.port';
import { WrongExpectedRevisionError } from '../event-store.errors';
import type { BatchOutcome } from '../append/group-committer';
import type { SerializedAppend } from '../append/serialized-event';

/** One row of append_batch's answer (bigints arrive as strings). */
export interface AppendBatchRow {
  appended: boolean;
  revision: string | null;
  last_position: string | null;
}

const EXPECTED_CODES: Record<Exclude<ExpectedRevision, number>, number> = { no_stream: -1, any: -2, stream_exists: -3 };

/** The call of `<schema>.append_batch` for these appends (each with at least one event), as a prepared statement. */
export function appendBatchQuery(schema: string, appends: SerializedAppend[]): QueryConfig {
  const events = appends.flatMap((append) => append.events);
  return {
    name: `${schema}.append_batch`,
    text: `SELECT appended, revision, last_position FROM ${schema}.append_batch($1::text[], $2::bigint[], $3::int[],
      $4::int[], $5::int[], $6::text[], $7::json[], $8::json[], $9::text[], $10::timestamptz[], $11::timestamptz[])`,
    values: [
      appends.map((append) => append.streamId),
      appends.map((append) => (typeof append.expected === 'number' ? append.expected : EXPECTED_CODES[append.expected])),
      appends.map((append) => append.events.length),
      appends.flatMap((append, index) => append.events.map(() => index + 1)),
      appends.flatMap((append) => append.events.map((_, offset) => offset)),
      events.map((event) => event.type),
      events.map((event) => event.data),
      events.map((event) => event.metadata),
      events.map((event) => event.eventId),
      events.map((event) => event.occurredAt),
      events.map((event) => event.recordedAt),
    ],
  };
}

/** Turns append_batch's rows into each caller's result or WrongExpectedRevisionError. */
export function toOutcomes(appends: SerializedAppend[], rows: AppendBatchRow[]): BatchOutcome<AppendResult>[] {
  if (rows.length !== appends.length) throw new Error(`append_batch answered ${rows.length} rows for ${appends.length} appends`);
  return appends.map((append, index) => {
    const row = rows[index]!;
    if (row.appended) return { ok: true, value: { nextRevision: Number(row.revision), position: Number(row.last_position) } };
    const actual = row.revision === null ? 'no_stream' : Number(row.revision);
    return { ok: false, error: new WrongExpectedRevisionError(append.streamId, append.expected, actual) };
  });
}
