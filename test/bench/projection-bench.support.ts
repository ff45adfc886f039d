import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '@crm/event-store';
import { interleavedWorkload } from '../../libs/projections/src/testing/lead-workload';

/**
 * A SQLite event store holding at least `events` realistic lead events (about ten per lead, 1,000 leads in
 * flight at once, two events per append). Kept in the temp folder between runs: generating takes a while.
 */
export async function prefilledEventStore(events: number): Promise<{ store: SqliteEventStore; path: string }> {
  const path = join(tmpdir(), `projection-bench-${events}.sqlite`);
  if (existsSync(path)) {
    const store = new SqliteEventStore({ path });
    if ((await store.headPosition()) >= events) return { store, path };
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }
  // Generating is not what is measured: no fsync per append (the durable default would take an hour here).
  const store = new SqliteEventStore({ path, synchronous: 'normal' });
  const started = performance.now();
  let appended = 0;
  for (const append of interleavedWorkload({ leads: Math.ceil(events / 9), window: 1000, perAppend: 2 })) {
    const take = append.events.slice(0, events - appended);
    if (take.length === 0) break;
    await store.append(append.streamId, take, 'any');
    appended += take.length;
    if (appended % 100_000 < take.length) process.stdout.write(`  generated ${appended.toLocaleString('en')} events\r`);
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`  generated ${appended.toLocaleString('en')} events in ${seconds.toFixed(1)} s\n`);
  return { store, path };
}

export const fmt = (n: number): string => Math.round(n).toLocaleString('en');

/** Prints rows as a Markdown table, columns padded to their widest cell. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  process.stdout.write(`\n${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}\n${rows.map(line).join('\n')}\n`);
}
