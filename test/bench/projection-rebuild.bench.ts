/**
 * Rebuild rate: every projection rebuilt from position 0 over 1,000,000 lead events, into the SQLite read store
 * and into Redis. Run: node -r ts-node/register/transpile-only -r tsconfig-paths/register test/bench/projection-rebuild.bench.ts
 * Settings: BENCH_EVENTS (default 1000000), BENCH_BATCH (default 5000), BENCH_REDIS_URL.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultProjections, ProjectionRebuilder, ReadStore, RedisReadStore, SqliteReadStore } from '@crm/projections';
import { deletePrefix } from '../../libs/projections/src/testing/read-store.harness';
import { fmt, prefilledEventStore, printTable } from './projection-bench.support';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 5000);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function main(): Promise<void> {
  process.stdout.write(`Projection rebuild, ${fmt(EVENTS)} events, batches of ${fmt(BATCH)}\n`);
  const { store: events } = await prefilledEventStore(EVENTS);
  const head = await events.headPosition();
  const dir = mkdtempSync(join(tmpdir(), 'projection-rebuild-bench-'));
  const prefix = `bench:${randomUUID()}:`;
  const stores: Array<[string, ReadStore]> = [
    ['sqlite', new SqliteReadStore({ path: join(dir, 'read.sqlite') })],
    ['redis', new RedisReadStore({ url: REDIS_URL, keyPrefix: prefix })],
  ];
  const rows: string[][] = [];
  try {
    for (const [label, readStore] of stores) {
      const rebuilder = new ProjectionRebuilder(events, readStore);
      for (const projection of defaultProjections()) {
        const started = performance.now();
        const result = await rebuilder.rebuild(projection, { batchSize: BATCH });
        const seconds = (performance.now() - started) / 1000;
        const docs = (await readStore.dump(projection.name, result.version)).length;
        rows.push([label, projection.name, fmt(result.checkpoint), fmt(docs), seconds.toFixed(2), fmt(head / seconds)]);
        process.stdout.write(`  ${label} ${projection.name}: ${fmt(head / seconds)} events/s\n`);
      }
    }
  } finally {
    for (const [, readStore] of stores) await readStore.close();
    await deletePrefix(REDIS_URL, prefix);
    rmSync(dir, { recursive: true, force: true });
    await events.close();
  }
  printTable(['read store', 'projection', 'events', 'documents', 'seconds', 'events/s'], rows);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
