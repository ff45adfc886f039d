import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { EventMetadata } from '@crm/kernel';
import { SqliteEventStore } from '@crm/event-store';
import { applyPragmas, ensureSchema } from '../../libs/event-store/src/sqlite/sqlite-event-store.schema';

export interface BenchEvent {
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

/** One contender's connection. expectedRevision: the stream's last revision, -1 when the stream is new. */
export interface BenchAppender {
  append(streamId: string, event: BenchEvent, expectedRevision: number): Promise<void> | void;
  count(): Promise<number> | number;
  close(): Promise<void> | void;
}

export interface AppendStep {
  streamId: string;
  event: BenchEvent;
  expectedRevision: number;
}

/** One event, built the same way for every contender (the cost of building it is in every figure alike). */
export function benchEvent(streamId: string, index: number, now: string): BenchEvent {
  const metadata: EventMetadata = {
    eventId: randomUUID(),
    actor: { id: 'consultant-7', role: 'consultant', dealerId: 'dealer-42' },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    source: 'api',
    schemaVersion: 1,
    occurredAt: now,
    recordedAt: now,
  };
  return { type: 'LeadContacted', data: { leadId: streamId, note: `follow-up call number ${index}`, budget: 25_000 + index, channel: 'phone' }, metadata };
}

/** Events built ahead of timing, round-robin over the streams, so that every contender does the same work. */
export function buildWorkload(eventCount: number, streamCount: number): AppendStep[] {
  const streams = Array.from({ length: streamCount }, () => `lead-${randomUUID()}`);
  const revisions = new Map<string, number>();
  const now = new Date().toISOString();
  return Array.from({ length: eventCount }, (_, index) => {
    const streamId = streams[index % streamCount]!;
    const expectedRevision = revisions.get(streamId) ?? -1;
    revisions.set(streamId, expectedRevision + 1);
    return { streamId, event: benchEvent(streamId, index, now), expectedRevision };
  });
}

/** This benchmark compares single-writer costs at synchronous=NORMAL for every contender; see the durability bench. */
export function openOurs(path: string): BenchAppender {
  const store = new SqliteEventStore({ path, synchronous: 'normal' });
  return {
    append: async (streamId, event, expected) => {
      await store.append(streamId, [event], expected < 0 ? 'no_stream' : expected);
    },
    count: () => store.headPosition(),
    close: () => store.close(),
  };
}

/** The ceiling: the same schema, pragmas, insert and revision check in one transaction, with no layer on top. */
export function openRawSqlite(path: string): BenchAppender {
  const db = new Database(path);
  applyPragmas(db, { busyTimeoutMs: 5_000, synchronous: 'normal' });
  ensureSchema(db);
  const current = db.prepare<[string], { revision: number }>('SELECT revision FROM streams WHERE stream_id = ?');
  const insertEvent = db.prepare(
    `INSERT INTO events (stream_id, revision, type, data, metadata, event_id, occurred_at, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const upsertStream = db.prepare(
    'INSERT INTO streams (stream_id, revision) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision',
  );
  const append = db.transaction((streamId: string, event: BenchEvent, expected: number) => {
    const revision = current.get(streamId)?.revision ?? -1;
    if (revision !== expected) throw new Error(`${streamId} is at ${revision}, expected ${expected}`);
    const { metadata } = event;
    insertEvent.run(streamId, revision + 1, event.type, JSON.stringify(event.data), JSON.stringify(metadata),
      metadata.eventId, metadata.occurredAt, metadata.recordedAt);
    upsertStream.run(streamId, revision + 1);
  });
  return {
    append: (streamId, event, expected) => append.immediate(streamId, event, expected),
    count: () => (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n,
    close: () => {
      db.close();
    },
  };
}
