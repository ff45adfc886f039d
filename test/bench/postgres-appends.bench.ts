/**
 * Appends/s on PostgreSQL, one event per append, exact expected revision, 1 and 16 concurrent writers (each waits for
 * its acknowledgement), side by side with Emmett's PostgreSQL event store on the same server and workload, each run
 * in a fresh database. Ours also without group commit (one append per transaction), to show what batching adds.
 * Prints figures; never fails a build. Env: BENCH_SECONDS (per run, default 5), BENCH_ROUNDS (default 3),
 * BENCH_WRITERS ("1,16"), BENCH_POSTGRES_URL (the server, default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { join } from 'node:path';
import { Client } from 'pg';
import { PostgresEventStore } from '@crm/event-store';
import { uniqueName } from '../../libs/event-store/src/testing/postgres-test-database';
import type { BenchAppender } from './appends-workload';
import { ClosedLoopResult, fmt, median, runClosedLoop } from './closed-loop';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WRITERS = (process.env.BENCH_WRITERS ?? '1,16').split(',').map(Number);
const SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Contender {
  name: string;
  open(url: string, writers: number): Promise<BenchAppender>;
}

async function openOurs(url: string, maxBatchSize?: number): Promise<BenchAppender> {
  const store = await PostgresEventStore.open({ url, maxBatchSize });
  return {
    append: async (streamId, event, expected) => {
      await store.append(streamId, [event], expected < 0 ? 'no_stream' : expected);
    },
    count: async () => (await store.readAll()).length,
    close: () => store.close(),
  };
}

function loadEmmett(): Contender | string {
  try {
    // By computed path so that the root typecheck never follows it into Emmett's types.
    const peer = require(join(__dirname, 'peers', 'emmett-postgresql.peer')) as {
      openEmmettPostgresAppender(url: string, writers: number): Promise<BenchAppender>;
    };
    return { name: 'emmett', open: (url, writers) => peer.openEmmettPostgresAppender(url, writers) };
  } catch (error) {
    return `Emmett not loaded (run test/bench/run.sh to install it): ${(error as Error).message.split('\n')[0]}`;
  }
}

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// DROP DATABASE ... WITH (FORCE) ends whatever connection a contender left idle (Emmett's driver may keep one beyond
// its pool); pg then emits 'error' on a client without a listener. That is the end of a finished run, not a failure.
process.on('uncaughtException', (error: Error & { code?: string }) => {
  if (error.code === '57P01') return;
  console.error(error);
  process.exit(1);
});

async function runFresh(contender: Contender, writers: number): Promise<ClosedLoopResult> {
  const name = uniqueName('crm_bench');
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  try {
    const appender = await contender.open(url.toString(), writers);
    try {
      return await runClosedLoop(appender, writers, SECONDS);
    } finally {
      await appender.close();
    }
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function serverSettings(): Promise<string> {
  const client = new Client({ connectionString: SERVER });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'synchronous_commit', 'fsync', 'wal_sync_method', 'commit_delay') ORDER BY name`,
    );
    return rows.map((row) => `${row.name}=${row.setting}`).join(', ');
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const emmett = loadEmmett();
  const contenders: Contender[] = [
    { name: 'ours', open: (url) => openOurs(url) },
    { name: 'ours, 1 append per transaction', open: (url) => openOurs(url, 1) },
    ...(typeof emmett === 'string' ? [] : [emmett]),
  ];
  if (typeof emmett === 'string') console.log(emmett);
  console.log(`Node ${process.version}; PostgreSQL ${await serverSettings()}`);
  console.log(`${SECONDS} s per run, median of ${ROUNDS} rounds (contenders interleaved), a fresh database per run\n`);
  const rows: string[] = [];
  for (const writers of WRITERS) {
    const samples = new Map<string, ClosedLoopResult[]>(contenders.map((c) => [c.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const contender of contenders) samples.get(contender.name)!.push(await runFresh(contender, writers));
    }
    const pick = (name: string, key: keyof ClosedLoopResult) => (samples.has(name) ? median(samples.get(name)!.map((r) => r[key])) : NaN);
    const ratio = pick('emmett', 'perSecond') ? `${(pick('ours', 'perSecond') / pick('emmett', 'perSecond')).toFixed(2)}x` : 'n/a';
    for (const contender of contenders) {
      const name = contender.name;
      rows.push(`| ${writers} | ${name} | ${fmt(pick(name, 'perSecond'))} | ${pick(name, 'p50Ms').toFixed(2)} | ${pick(name, 'p99Ms').toFixed(2)} | ${name === 'ours' ? ratio : ''} |`);
    }
  }
  console.log('| writers | store | appends/s | p50 ms | p99 ms | ours/emmett |');
  console.log('|---:|---|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
  console.log('\ntarget: ours not slower than Emmett (ours/emmett >= 1.00x)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
