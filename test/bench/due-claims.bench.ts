/**
 * Claims of due touches per second with 10,000, 100,000 and 1,000,000 entries pending in the due index, on SQLite
 * and on Redis: the cost per claim must stay flat as pending work grows (no scan over pending entries).
 * Each measured claim is what the dispatcher does per touch: claimDue (in batches) and complete.
 * Run: bash test/bench/run.sh due-claims. Settings: BENCH_PENDING (default 10000,100000,1000000), BENCH_CLAIMS
 * (default 5000, half the smallest pending count, so the pending count stays within 2x of its label), BENCH_BATCH (default 100), BENCH_STORES (default sqlite,redis), BENCH_REDIS_URL.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DueEntry, DueWorkStore, LeadDueEntries, RedisDueWorkStore, SqliteDueWorkStore } from '@crm/dispatch';
import { deletePrefix } from '../../libs/projections/src/testing/read-store.harness';
import { fmt, printTable } from './projection-bench.support';

const PENDING = (process.env.BENCH_PENDING ?? '10000,100000,1000000').split(',').map(Number);
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 5_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
const STORES = (process.env.BENCH_STORES ?? 'sqlite,redis').split(',');
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PER_LEAD = 4;
const LEADS_PER_COMMIT = 1_000;
/** A fixed "now": the entries fall due over the day before it. */
const NOW = new Date('2026-03-02T02:00:00.000Z');
const DAY_MS = 86_400_000;

function leadEntries(lead: number, pending: number): LeadDueEntries {
  const leadId = `bench-lead-${lead}`;
  const entries: DueEntry[] = Array.from({ length: PER_LEAD }, (_, k) => {
    const n = lead * PER_LEAD + k;
    // Spread over the past day in a scrambled order, so claims walk the whole index, not its insertion order.
    const dueAt = new Date(NOW.getTime() - DAY_MS + ((n * 7_919) % pending) * (DAY_MS / pending)).toISOString();
    return { id: `touch:bench-${n}`, kind: 'touch', leadId, dealerId: `dealer-${lead % 20}`, dueAt, touchId: `bench-${n}` };
  });
  return { leadId, dealerId: `dealer-${lead % 20}`, entries };
}

async function fill(store: DueWorkStore, pending: number): Promise<number> {
  const started = performance.now();
  let checkpoint = 0;
  for (let first = 0; first < pending / PER_LEAD; first += LEADS_PER_COMMIT) {
    const leads = Array.from({ length: Math.min(LEADS_PER_COMMIT, pending / PER_LEAD - first) }, (_, i) => leadEntries(first + i, pending));
    await store.commit(leads, checkpoint, checkpoint + 1);
    checkpoint += 1;
  }
  return (performance.now() - started) / 1000;
}

/** Claims and completes CLAIMS entries in batches, as one dispatcher would; returns the time spent in each. */
async function claimSome(store: DueWorkStore): Promise<{ claimMs: number; completeMs: number; claimed: number }> {
  let claimMs = 0;
  let completeMs = 0;
  let claimed = 0;
  while (claimed < CLAIMS) {
    let t = performance.now();
    const batch = await store.claimDue(NOW, Math.min(BATCH, CLAIMS - claimed), 60_000, 'bench-worker');
    claimMs += performance.now() - t;
    if (batch.length === 0) break;
    t = performance.now();
    for (const entry of batch) await store.complete(entry.id, 'bench-worker');
    completeMs += performance.now() - t;
    claimed += batch.length;
  }
  return { claimMs, completeMs, claimed };
}

async function open(kind: string, dir: string, prefix: string): Promise<DueWorkStore> {
  return kind === 'redis' ? new RedisDueWorkStore({ url: REDIS_URL, keyPrefix: prefix }) : new SqliteDueWorkStore({ path: join(dir, `due-${randomUUID()}.sqlite`) });
}

async function main(): Promise<void> {
  process.stdout.write(`Due claims: ${fmt(CLAIMS)} claims in batches of ${BATCH}, each completed, at ${PENDING.map(fmt).join(' / ')} pending\n`);
  const rows: string[][] = [];
  const dir = mkdtempSync(join(tmpdir(), 'due-claims-bench-'));
  try {
    for (const kind of STORES) {
      for (const pending of PENDING) {
        const prefix = `bench:${randomUUID()}:`;
        const store = await open(kind, dir, prefix);
        try {
          const fillSeconds = await fill(store, pending);
          const { claimMs, completeMs, claimed } = await claimSome(store);
          const perClaimUs = ((claimMs + completeMs) * 1000) / claimed;
          rows.push([
            kind, fmt(pending), fillSeconds.toFixed(1), fmt(claimed), ((claimMs * 1000) / claimed).toFixed(1), ((completeMs * 1000) / claimed).toFixed(1),
            perClaimUs.toFixed(1), fmt((claimed * 1000) / (claimMs + completeMs)),
          ]);
          process.stdout.write(`  ${kind} ${fmt(pending)} pending: ${fmt((claimed * 1000) / (claimMs + completeMs))} claims/s (filled in ${fillSeconds.toFixed(1)} s)\n`);
        } finally {
          await store.close();
          if (kind === 'redis') await deletePrefix(REDIS_URL, prefix);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(['store', 'pending', 'fill s', 'claims', 'claimDue µs/entry', 'complete µs/entry', 'µs/claim', 'claims/s'], rows);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
