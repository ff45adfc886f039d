/**
 * Appends one event per call with an exact expected-revision check, into a fresh SQLite file per run, through
 * (a) our SqliteEventStore, (b) raw better-sqlite3 (the ceiling) and (c) Emmett's SQLite event store.
 * Prints figures; never fails a build. Run with test/bench/run.sh. Env: BENCH_EVENTS, BENCH_ROUNDS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppendStep, BenchAppender, buildWorkload, openOurs, openRawSqlite } from './appends-workload';

interface Contender {
  name: string;
  open(file: string): Promise<BenchAppender> | BenchAppender;
}

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_EVENTS = 1_000;
const WORKLOADS = [100, 1].map((streams) => ({ label: `${EVENTS} events, ${streams} stream${streams > 1 ? 's' : ''}`, streams }));

function loadEmmett(): Contender | string {
  try {
    // By computed path so that the root typecheck never follows it into Emmett's types.
    const peer = require(join(__dirname, 'peers', 'emmett-sqlite.peer')) as {
      openEmmettAppender(file: string): Promise<BenchAppender>;
    };
    return { name: 'emmett', open: (file) => peer.openEmmettAppender(file) };
  } catch (error) {
    return `Emmett not loaded (run test/bench/run.sh to install it): ${(error as Error).message.split('\n')[0]}`;
  }
}

/** Appends every step through a fresh file; returns appends per second. */
async function run(contender: Contender, steps: AppendStep[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-appends-'));
  const appender = await contender.open(join(dir, 'events.db'));
  try {
    const started = process.hrtime.bigint();
    for (const step of steps) {
      const pending = appender.append(step.streamId, step.event, step.expectedRevision);
      if (pending) await pending;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const stored = await appender.count();
    if (stored !== steps.length) throw new Error(`${contender.name} stored ${stored} of ${steps.length} events`);
    return steps.length / seconds;
  } finally {
    await appender.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const fmt = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? 'n/a' : Math.round(n).toLocaleString('en-US'));
const ratio = (a: number | undefined, b: number | undefined): string => (a && b ? `${(a / b).toFixed(2)}x` : 'n/a');

async function main(): Promise<void> {
  const emmett = loadEmmett();
  const contenders: Contender[] = [
    { name: 'ours', open: openOurs },
    { name: 'raw', open: openRawSqlite },
    ...(typeof emmett === 'string' ? [] : [emmett]),
  ];
  if (typeof emmett === 'string') console.log(emmett);
  console.log(`Node ${process.version}, ${ROUNDS} rounds (median), files in ${tmpdir()}, WAL + synchronous=NORMAL\n`);

  const warmUp = buildWorkload(WARM_UP_EVENTS, 10);
  for (const contender of contenders) await run(contender, warmUp);

  const rows: string[][] = [];
  for (const workload of WORKLOADS) {
    const steps = buildWorkload(EVENTS, workload.streams);
    const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
    // Rounds interleave the contenders so that machine drift spreads over all of them.
    for (let round = 0; round < ROUNDS; round++) {
      for (const contender of contenders) samples.get(contender.name)!.push(await run(contender, steps));
    }
    const [ours, raw, emt] = ['ours', 'raw', 'emmett'].map((name) => (samples.has(name) ? median(samples.get(name)!) : undefined));
    rows.push([workload.label, fmt(ours), fmt(raw), fmt(emt), ratio(ours, raw), ratio(ours, emt)]);
  }
  printTable(['workload (1 event per append)', 'ours/s', 'raw/s', 'emmett/s', 'ours/raw', 'ours/emmett'], rows);
  console.log('\ntargets: ours >= 20,000/s, ours/raw >= 0.67x, ours/emmett >= 5x');
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
