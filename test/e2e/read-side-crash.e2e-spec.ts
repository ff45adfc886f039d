import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@crm/event-store';
import { childEntry } from '../../libs/kernel/src/testing/child-entry';
import { defaultProjections, ProjectionRunner, ReadStore, RedisReadStore, SqliteReadStore } from '@crm/projections';
import { interleavedWorkload } from '../../libs/projections/src/testing/lead-workload';
import { deletePrefix, TEST_REDIS_URL } from '../../libs/projections/src/testing/read-store.harness';

const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const ROOT = join(__dirname, '..', '..');

function startChild(env: Record<string, string>): { child: ChildProcess; started: Promise<void> } {
  const child = spawn(process.execPath, childEntry('test/e2e/read-side-crash.child.ts'), {
    cwd: ROOT, env: { ...process.env, ...env, TS_NODE_TRANSPILE_ONLY: 'true' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const started = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => { if (chunk.toString().includes('started')) resolve(); });
    child.on('exit', (code, signal) => reject(new Error(`child exited early (${code ?? signal})`)));
  });
  return { child, started };
}

const exited = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe.each(['sqlite', 'redis'])('kill -9 of the projection process, %s read store', (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'read-side-crash-'));
  const prefix = `test:${randomUUID()}:`;
  const env = {
    CRASH_EVENTS_PATH: join(dir, 'events.sqlite'), CRASH_READ_PATH: join(dir, 'read.sqlite'), CRASH_READ_STORE: kind,
    CRASH_REDIS_URL: TEST_REDIS_URL, CRASH_REDIS_PREFIX: prefix,
  };
  let events: SqliteEventStore;
  let readStore: ReadStore;
  let current: ChildProcess | undefined;

  beforeAll(() => {
    // The kills hit the projection process; the event store's own durability is tested elsewhere, so this writer
    // skips the fsync per append that would spend the test's time budget on 8,000 sequential appends.
    events = new SqliteEventStore({ path: env.CRASH_EVENTS_PATH, synchronous: 'normal' });
    readStore = kind === 'redis' ? new RedisReadStore({ url: TEST_REDIS_URL, keyPrefix: prefix }) : new SqliteReadStore({ path: env.CRASH_READ_PATH });
  });
  afterAll(async () => {
    // A failed run must not leave a child writing into the read store.
    if (current && current.exitCode === null && current.signalCode === null) {
      current.kill('SIGKILL');
      await exited(current);
    }
    await readStore.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
    if (kind === 'redis') await deletePrefix(TEST_REDIS_URL, prefix);
  });

  it(`leaves read models equal to a rebuild from zero after ${KILLS} kills under load`, async () => {
    // Far more leads than the test will reach: the workload never runs dry while the kills go on.
    const workload = interleavedWorkload({ leads: 1_000_000, window: 300, perAppend: 2, walkIns: true });
    const appendSome = async (appends: number): Promise<void> => {
      for (let i = 0; i < appends; i += 1) {
        const next = workload.next();
        if (next.done) return;
        await events.append(next.value.streamId, next.value.events, 'any');
      }
    };
    await appendSome(8000);
    // A fixed amount of work per kill, not per second: on a busy machine (slow child starts) the test does the
    // same work, only slower, instead of piling up a backlog that grows with every slow start.
    for (let kill = 0; kill < KILLS; kill += 1) {
      const { child, started } = startChild(env);
      current = child;
      await started;
      // Appends go on while the child runs, so most kills land mid-batch; more pile up while it is down.
      await Promise.all([appendSome(150), new Promise((resolve) => setTimeout(resolve, Math.random() * 300))]);
      child.kill('SIGKILL');
      await exited(child);
      await appendSome(150);
    }

    const head = await events.headPosition();
    for (const projection of defaultProjections()) {
      const live = new ProjectionRunner({ eventStore: events, readStore, projection });
      await live.catchUp(head);
      const version = live.currentVersion as number;
      await readStore.createVersion(projection.name, version + 100);
      await new ProjectionRunner({ eventStore: events, readStore, projection, version: version + 100, batchSize: 5000 }).catchUp(head);
      const incremental = await readStore.dump(projection.name, version);
      expect(incremental.length).toBeGreaterThan(1000);
      expect(incremental).toEqual(await readStore.dump(projection.name, version + 100));
    }
  }, 300_000);
});
