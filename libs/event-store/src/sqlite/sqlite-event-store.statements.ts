import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../event-store.port';

export interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
}

export interface StreamReadParams {
  streamId: string;
  lower: number;
  upper: number;
  occurredUntil: string | null;
  recordedUntil: string | null;
  limit: number;
}

/** Prepared once per connection: preparing is a large share of a single-event append's cost. */
export interface SqliteStatements {
  streamRevision: Database.Statement<[string], { revision: number }>;
  insertStream: Database.Statement<[string, number]>;
  updateStream: Database.Statement<[number, string]>;
  insertEvent: Database.Statement<[string, number, string, string, string, string, string, string]>;
  readStreamForward: Database.Statement<[StreamReadParams], EventRow>;
  readStreamBackward: Database.Statement<[StreamReadParams], EventRow>;
  readAll: Database.Statement<[number, number], EventRow>;
  headPosition: Database.Statement<[], { head: number }>;
}

const COLUMNS = 'position, stream_id, revision, type, data, metadata';

function streamRead(direction: 'ASC' | 'DESC'): string {
  return `SELECT ${COLUMNS} FROM events
    WHERE stream_id = @streamId AND revision BETWEEN @lower AND @upper
      AND (@occurredUntil IS NULL OR occurred_at <= @occurredUntil)
      AND (@recordedUntil IS NULL OR recorded_at <= @recordedUntil)
    ORDER BY revision ${direction} LIMIT @limit`;
}

export function prepareStatements(db: Database.Database): SqliteStatements {
  return {
    streamRevision: db.prepare('SELECT revision FROM streams WHERE stream_id = ?'),
    insertStream: db.prepare('INSERT INTO streams (stream_id, revision) VALUES (?, ?)'),
    updateStream: db.prepare('UPDATE streams SET revision = ? WHERE stream_id = ?'),
    insertEvent: db.prepare(
      `INSERT INTO events (stream_id, revision, type, data, metadata, event_id, occurred_at, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    readStreamForward: db.prepare(streamRead('ASC')),
    readStreamBackward: db.prepare(streamRead('DESC')),
    readAll: db.prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
    headPosition: db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events'),
  };
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
  };
}
