import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '@crm/event-store';
import { SystemClock } from '@crm/kernel';
import { leadStreamId } from '@crm/lead';
import { LeadHistory, quietHoursAwayFrom, registered, touchScheduled } from '../../../libs/dispatch/src/testing/lead-history';
import { WebhookReceiver } from '../../../libs/dispatch/src/testing/webhook-receiver';
import { childEntry } from '../../../libs/kernel/src/testing/child-entry';
import { deletePrefix, TEST_REDIS_URL } from '../../../libs/projections/src/testing/read-store.harness';

const ROOT = resolve(__dirname, '../../..');

/**
 * A worker process costs seconds to start (ts-node transpiles its sources), so each process test runs on one due
 * store by default: the kill test on SQLite (the embedded default, workers sharing a file), the two-worker test on
 * Redis (production). Both adapters pass the same contract suite, racing connections included.
 * DISPATCH_E2E_STORES=sqlite,redis runs both tests on both.
 */
export function dueStoresUnderTest(byDefault: 'sqlite' | 'redis'): Array<'sqlite' | 'redis'> {
  const listed = process.env.DISPATCH_E2E_STORES?.split(',').filter((s): s is 'sqlite' | 'redis' => s === 'sqlite' || s === 'redis');
  return listed && listed.length > 0 ? listed : [byDefault];
}
export const WEBHOOK_SECRET = 'dispatch-workers-secret-01';

export interface Worker {
  child: ChildProcess;
  /** Modules loaded; waiting for go(). */
  ready: Promise<void>;
  go(): void;
  /** Touches this worker sent, as it reported them. */
  sent(): number;
  exited: Promise<void>;
}

/** The bare dispatch worker (dispatch-worker.child.ts) as a child process. */
export function spawnWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, childEntry('test/e2e/dispatch-worker.child.ts'), {
    cwd: ROOT, env: { ...process.env, ...env, TS_NODE_TRANSPILE_ONLY: 'true' }, stdio: ['pipe', 'pipe', 'inherit'],
  });
  let sent = 0;
  let pending = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = new Promise<void>((done, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      // A line may arrive in two chunks: keep the unfinished end for the next one.
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') done();
        const match = /^sent (\d+)$/.exec(line);
        if (match) sent += Number(match[1]);
      }
    });
    child.once('exit', (code, signal) => fail(new Error(`worker exited before it was ready (${code ?? signal})`)));
  });
  return { child, ready, go: () => child.stdin?.write('go\n'), sent: () => sent, exited };
}

/** Polls a condition until it holds; fails after `timeoutMs`. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

export async function killAll(workers: readonly Worker[]): Promise<void> {
  for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
  await Promise.all(workers.map((worker) => worker.exited));
}

export interface DispatchScene {
  events: SqliteEventStore;
  receiver: WebhookReceiver;
  /** The environment a worker of this scene runs with. */
  workerEnv: Record<string, string>;
  touchIds: string[];
  /** Appends `leads` leads with `perLead` touches each, all due a minute ago by the wall clock. */
  seed(leads: number, perLead: number): Promise<void>;
  /** TouchSent events per touch id, as the event store holds them. */
  recorded(): Promise<Map<string, number>>;
  /** Polls the event store until every seeded touch is recorded as sent. */
  allRecorded(timeoutMs: number): Promise<void>;
  cleanup(): Promise<void>;
}

/** A temp event store, a due store (SQLite file or a Redis prefix of its own) and a webhook receiver. */
export async function openScene(dueStore: 'sqlite' | 'redis', leaseMs: number, options: { webhookTimeoutMs?: number } = {}): Promise<DispatchScene> {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-workers-'));
  const eventsPath = join(dir, 'events.sqlite');
  const events = new SqliteEventStore({ path: eventsPath });
  const receiver = new WebhookReceiver(WEBHOOK_SECRET);
  const url = await receiver.listen();
  const prefix = `test:${randomUUID()}:`;
  const touchIds: string[] = [];
  const history = new LeadHistory(events, 'dealer-1');
  const leadIds: string[] = [];
  const scene: DispatchScene = {
    events, receiver, touchIds,
    workerEnv: {
      DISPATCH_EVENTS_PATH: eventsPath, DISPATCH_DUE_STORE: dueStore, DISPATCH_DUE_PATH: join(dir, 'due.sqlite'),
      DISPATCH_REDIS_URL: TEST_REDIS_URL, DISPATCH_REDIS_PREFIX: prefix, DISPATCH_WEBHOOK_URL: url,
      DISPATCH_WEBHOOK_SECRET: WEBHOOK_SECRET, DISPATCH_LEASE_MS: String(leaseMs),
      DISPATCH_WEBHOOK_TIMEOUT_MS: String(options.webhookTimeoutMs ?? 5_000),
    },
    seed: async (leads, perLead) => {
      // Workers run on the wall clock: quiet hours are put hours away from now.
      const now = new SystemClock().now();
      const dueAt = new Date(now.getTime() - 60_000).toISOString();
      await history.dealerSettings(quietHoursAwayFrom(now), dueAt);
      for (let n = 0; n < leads; n += 1) {
        const leadId = `lead-${leadIds.length}`;
        leadIds.push(leadId);
        const touches = Array.from({ length: perLead }, (_, k) => `${leadId}-touch-${k}`);
        touchIds.push(...touches);
        await history.lead(leadId, dueAt, registered(leadId), ...touches.map((touchId) => touchScheduled(touchId, dueAt)));
      }
    },
    recorded: async () => {
      const counts = new Map<string, number>();
      for (const leadId of leadIds) {
        for (const event of await events.readStream(leadStreamId(leadId))) {
          if (event.type !== 'TouchSent') continue;
          const { touchId } = event.data as { touchId: string };
          counts.set(touchId, (counts.get(touchId) ?? 0) + 1);
        }
      }
      return counts;
    },
    allRecorded: (timeoutMs) => waitUntil(async () => (await scene.recorded()).size >= touchIds.length, timeoutMs),
    cleanup: async () => {
      await receiver.close();
      await events.close();
      rmSync(dir, { recursive: true, force: true });
      if (dueStore === 'redis') await deletePrefix(TEST_REDIS_URL, prefix);
    },
  };
  return scene;
}
