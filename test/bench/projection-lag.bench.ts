/**
 * Projection lag under load: ~1,000 commands/s (one append of one event each) for BENCH_SECONDS (default 20)
 * while the live runners of every projection follow the log, once per read store. Lag = time from the command's
 * start (just before its append) to the commit of the batch that applied it, per event and per projection.
 * Run: node -r ts-node/register/transpile-only -r tsconfig-paths/register test/bench/projection-lag.bench.ts
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '@crm/event-store';
import { defaultProjections, ProjectionRunner, ReadStore, RedisReadStore, SqliteReadStore } from '@crm/projections';
import { interleavedWorkload } from '../../libs/projections/src/testing/lead-workload';
import { deletePrefix } from '../../libs/projections/src/testing/read-store.harness';
import { printTable } from './projection-bench.support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Appends are issued in bursts of RATE x TICK_MS / 1000 every TICK_MS (10 ms: bursts of 10 at 1,000/s). */
const TICK_MS = Number(process.env.BENCH_TICK_MS ?? 10);
/** BENCH_PROJECTIONS=funnel,tiers measures only those (the two the first measurement of this figure ran). */
const ONLY = process.env.BENCH_PROJECTIONS?.split(',').map((name) => name.trim()).filter(Boolean);
const projections = () => defaultProjections().filter((projection) => !ONLY || ONLY.includes(projection.name));

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function measure(label: string, readStore: ReadStore, dir: string): Promise<string[]> {
  // The lag of the projections is measured, not the fsync of each append (paced one at a time, FULL would cap the
  // rate near the disk's fsyncs/s): the writer commits with NORMAL.
  const events = new SqliteEventStore({ path: join(dir, `events-${label}.sqlite`), synchronous: 'normal' });
  const appendedAt = new Map<number, number>();
  const lags: number[] = [];
  const runners = projections().map((projection) => new ProjectionRunner({
    eventStore: events, readStore, projection,
    onCommitted: ({ events: batch }) => {
      const now = performance.now();
      for (const event of batch) {
        const at = appendedAt.get(event.position);
        if (at !== undefined) lags.push(now - at);
      }
    },
  }));
  for (const runner of runners) runner.start();
  const workload = interleavedWorkload({ leads: 1_000_000, window: 2000, stepMs: 1 });
  const perTick = Math.round((RATE * TICK_MS) / 1000);
  const started = performance.now();
  let commands = 0;
  for (let tick = 0; performance.now() - started < SECONDS * 1000; tick += 1) {
    for (let i = 0; i < perTick; i += 1) {
      const next = workload.next();
      if (next.done) break;
      const issued = performance.now();
      const result = await events.append(next.value.streamId, next.value.events, 'any');
      appendedAt.set(result.position, issued);
      commands += 1;
    }
    const due = started + (tick + 1) * TICK_MS;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
  }
  const elapsed = (performance.now() - started) / 1000;
  const head = await events.headPosition();
  while (runners.some((r) => r.checkpoint < head)) await new Promise((resolve) => setTimeout(resolve, 10));
  for (const runner of runners) await runner.stop();
  await events.close();
  lags.sort((a, b) => a - b);
  return [label, String(Math.round(commands / elapsed)), String(lags.length), percentile(lags, 50).toFixed(1),
    percentile(lags, 99).toFixed(1), (lags[lags.length - 1] ?? NaN).toFixed(1)];
}

async function main(): Promise<void> {
  process.stdout.write(`Projection lag: ~${RATE} commands/s for ${SECONDS} s, ${projections().map((p) => p.name).join(', ')} live\n`);
  const dir = mkdtempSync(join(tmpdir(), 'projection-lag-bench-'));
  const prefix = `bench:${randomUUID()}:`;
  const rows: string[][] = [];
  try {
    const sqlite = new SqliteReadStore({ path: join(dir, 'read.sqlite') });
    rows.push(await measure('sqlite', sqlite, dir));
    await sqlite.close();
    const redis = new RedisReadStore({ url: REDIS_URL, keyPrefix: prefix });
    rows.push(await measure('redis', redis, dir));
    await redis.close();
  } finally {
    await deletePrefix(REDIS_URL, prefix);
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(['read store', 'commands/s', 'samples', 'p50 ms', 'p99 ms', 'max ms'], rows);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
