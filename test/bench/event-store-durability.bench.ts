/**
 * Durable appends on SQLite: one event per append, exact expected revision, 1 and 32 concurrent writers (each waits
 * for its acknowledgement). Our store with synchronous=FULL (group commit: the appends of one event-loop turn share a
 * transaction and an fsync) beside synchronous=NORMAL, and raw better-sqlite3 (one transaction per append, FULL and
 * NORMAL; and FULL with 32 appends per transaction, the ceiling of group commit for 32 writers). Prints figures;
 * never fails a build. Env: BENCH_SECONDS (per run, default 3), BENCH_ROUNDS (default 3), BENCH_WRITERS ("1,32").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, SqliteSynchronous } from '@crm/event-store';
import { applyPragmas, ensureSchema } from '../../libs/event-store/src/sqlite/sqlite-event-store.schema';
import type { BenchAppender, BenchEvent } from './appends-workload';
import { ClosedLoopResult, fmt, measureFsyncsPerSecond, median, runClosedLoop } from './closed-loop';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WRITERS = (process.env.BENCH_WRITERS ?? '1,32').split(',').map(Number);

function openOurs(path: string, synchronous: SqliteSynchronous): BenchAppender {
  const store = new SqliteEventStore({ path, synchronous });
  return {
    append: async (streamId, event, expected) => {
      await store.append(streamId, [event], expected < 0 ? 'no_stream' : expected);
    },
    count: () => store.readAll().then((all) => all.length),
    close: () => store.close(),
  };
}

/**
 * Raw better-sqlite3, same schema and checks. With groupSize 1 each append is its own synchronous transaction (32
 * "writers" then simply take turns); with a larger groupSize appends wait for that many and commit together.
 */
function openRaw(path: string, synchronous: SqliteSynchronous, groupSize = 1): BenchAppender {
  const db = new Database(path);
  applyPragmas(db, { busyTimeoutMs: 5_000, synchronous });
  ensureSchema(db);
  const current = db.prepare<[string], { revision: number }>('SELECT revision FROM streams WHERE stream_id = ?');
  const insertEvent = db.prepare(
    `INSERT INTO events (stream_id, revision, type, data, metadata, event_id, occurred_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const upsertStream = db.prepare(
    'INSERT INTO streams (stream_id, revision) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision',
  );
  const appendOne = db.transaction((streamId: string, event: BenchEvent, expected: number) => {
    const revision = current.get(streamId)?.revision ?? -1;
    if (revision !== expected) throw new Error(`${streamId} is at ${revision}, expected ${expected}`);
    const { metadata } = event;
    insertEvent.run(streamId, revision + 1, event.type, JSON.stringify(event.data), JSON.stringify(metadata), metadata.eventId,
      metadata.occurredAt, metadata.recordedAt);
    upsertStream.run(streamId, revision + 1);
  });
  type Waiting = { streamId: string; event: BenchEvent; expected: number; done: () => void };
  let waiting: Waiting[] = [];
  const appendGroup = db.transaction((group: Waiting[]) => group.forEach((w) => appendOne(w.streamId, w.event, w.expected)));
  return {
    append: (streamId, event, expected) => {
      if (groupSize === 1) return appendOne.immediate(streamId, event, expected);
      return new Promise<void>((done) => {
        waiting.push({ streamId, event, expected, done });
        if (waiting.length < groupSize) return;
        const group = waiting;
        waiting = [];
        appendGroup.immediate(group);
        group.forEach((w) => w.done());
      });
    },
    count: () => (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n,
    close: () => {
      db.close();
    },
  };
}

interface Row {
  label: string;
  writers: number;
  open(path: string): BenchAppender;
}

async function runFresh(row: Row): Promise<ClosedLoopResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-durability-'));
  const appender = row.open(join(dir, 'events.sqlite'));
  try {
    return await runClosedLoop(appender, row.writers, SECONDS);
  } finally {
    await appender.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [
    ...WRITERS.flatMap((writers) => [
      { label: 'ours, FULL (group commit)', writers, open: (path: string) => openOurs(path, 'full') },
      { label: 'ours, NORMAL (group commit)', writers, open: (path: string) => openOurs(path, 'normal') },
    ]),
    { label: 'raw better-sqlite3, FULL, 1 append per transaction', writers: 1, open: (path) => openRaw(path, 'full') },
    { label: 'raw better-sqlite3, NORMAL, 1 append per transaction', writers: 1, open: (path) => openRaw(path, 'normal') },
    ...WRITERS.filter((w) => w > 1).map((writers) => ({
      label: `raw better-sqlite3, FULL, ${writers} appends per transaction`,
      writers,
      open: (path: string) => openRaw(path, 'full', writers),
    })),
  ];
  const fsyncs = measureFsyncsPerSecond();
  console.log(`Node ${process.version}; ${SECONDS} s per run, median of ${ROUNDS} rounds (interleaved); files in ${tmpdir()}`);
  console.log(`disk: ${fmt(fsyncs)} fdatasync/s on an 8 KiB rewrite => a durable commit costs ~${(1000 / fsyncs).toFixed(1)} ms\n`);
  const samples = new Map<Row, ClosedLoopResult[]>(rows.map((row) => [row, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const row of rows) samples.get(row)!.push(await runFresh(row));
  }
  const ceiling = (writers: number): string => fmt((writers * fsyncs) / 1.0);
  console.log('| store | writers | appends/s | p50 ms | p99 ms | writers x fsyncs/s |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const results = samples.get(row)!;
    const pick = (key: keyof ClosedLoopResult) => median(results.map((r) => r[key]));
    console.log(`| ${row.label} | ${row.writers} | ${fmt(pick('perSecond'))} | ${pick('p50Ms').toFixed(2)} | ${pick('p99Ms').toFixed(2)} | ${ceiling(row.writers)} |`);
  }
  console.log('\ntarget: ours FULL >= 20,000 durable appends/s with 32 writers. A closed-loop writer waits one fsync per append');
  console.log('at least, so no durable store can exceed writers x fsyncs/s (last column) on this disk.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
