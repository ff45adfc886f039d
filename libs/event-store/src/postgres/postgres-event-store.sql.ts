import type { QueryConfig } from 'pg';
import type { RecordedEvent } from '../event-store.port';

/** A row of the events table as the read queries select it (bigints arrive as strings, json already parsed). */
export interface EventRow {
  position: string;
  stream_id: string;
  revision: string;
  type: string;
  data: unknown;
  metadata: RecordedEvent['metadata'];
}

const COLUMNS = 'position, stream_id, revision, type, data, metadata';

/**
 * Only events of transactions that have ended below every running one (see postgres-migrations.ts): what a
 * reader returns can never be overtaken by a lower position committing later.
 */
const SAFE = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

export function readAllQuery(schema: string, afterPosition: number, maxCount: number | null): QueryConfig {
  return {
    name: `${schema}.read_all`,
    text: `SELECT ${COLUMNS} FROM ${schema}.events WHERE position > $1 AND ${SAFE} ORDER BY position LIMIT $2`,
    values: [afterPosition, maxCount],
  };
}

export function headPositionQuery(schema: string): QueryConfig {
  return {
    name: `${schema}.head_position`,
    text: `SELECT position FROM ${schema}.events WHERE ${SAFE} ORDER BY position DESC LIMIT 1`,
  };
}

export interface StreamReadParams {
  streamId: string;
  lower: number;
  upper: number;
  occurredUntil: string | null;
  recordedUntil: string | null;
  limit: number | null;
}

/** A stream's rows are all committed together with its revision row, so stream reads need no filter. */
export function readStreamQuery(schema: string, direction: 'ASC' | 'DESC', params: StreamReadParams): QueryConfig {
  return {
    name: `${schema}.read_stream_${direction.toLowerCase()}`,
    text: `SELECT ${COLUMNS} FROM ${schema}.events
      WHERE stream_id = $1 AND revision BETWEEN $2 AND $3
        AND ($4::timestamptz IS NULL OR occurred_at <= $4::timestamptz)
        AND ($5::timestamptz IS NULL OR recorded_at <= $5::timestamptz)
      ORDER BY revision ${direction} LIMIT $6`,
    values: [params.streamId, params.lower, params.upper, params.occurredUntil, params.recordedUntil, params.limit],
  };
}

export function streamRevisionQuery(schema: string, streamId: string): QueryConfig {
  return { text: `SELECT revision FROM ${schema}.streams WHERE stream_id = $1`, values: [streamId] };
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: Number(row.revision),
    position: Number(row.position),
    type: row.type,
    data: row.data,
    metadata: row.metadata,
  };
}
