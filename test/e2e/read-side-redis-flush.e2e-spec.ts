import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { SqliteEventStore } from '@crm/event-store';
import { VirtualClock } from '@crm/kernel';
import { defaultProjections, ProjectionRunner, ProjectionStatusReader, RedisReadStore } from '@crm/projections';
import { interleavedWorkload } from '../../libs/projections/src/testing/lead-workload';

// Its own database index: FLUSHDB here cannot touch the keys other tests keep in db 0.
const FLUSH_DB_URL = process.env.TEST_REDIS_FLUSH_URL ?? 'redis://127.0.0.1:6379/9';

async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  for (let waited = 0; !(await check()); waited += 20) {
    if (waited > timeoutMs) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Redis loses everything mid-run (FLUSHDB)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'read-side-flush-'));
  const events = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
  const readStore = new RedisReadStore({ url: FLUSH_DB_URL, keyPrefix: `test:${randomUUID()}:` });
  const admin = new Redis(FLUSH_DB_URL);
  const runners = defaultProjections().map((projection) => new ProjectionRunner({ eventStore: events, readStore, projection, watchdogMs: 20 }));

  afterAll(async () => {
    await Promise.all(runners.map((runner) => runner.stop()));
    await admin.flushdb();
    admin.disconnect();
    await readStore.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('brings the read models back complete without an operator', async () => {
    const workload = interleavedWorkload({ leads: 1_000_000, window: 200, walkIns: true });
    const appendSome = async (appends: number): Promise<void> => {
      for (let i = 0; i < appends; i += 1) {
        const next = workload.next();
        if (!next.done) await events.append(next.value.streamId, next.value.events, 'any');
      }
    };
    await appendSome(5000);
    for (const runner of runners) runner.start();
    let appending = true;
    const appender = (async () => {
      while (appending) {
        await appendSome(20);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();

    await eventually('runners have caught up once', async () => runners.every((r) => r.checkpoint >= 5000));
    await admin.flushdb();
    await eventually('runners noticed the loss', async () => runners.every((r) => r.recoveries >= 1));
    appending = false;
    await appender;

    const head = await events.headPosition();
    const status = new ProjectionStatusReader(events, readStore, new VirtualClock());
    await eventually('read models caught up with the head', async () =>
      (await Promise.all(runners.map((r) => status.status(r.name)))).every((s) => s.checkpoint === head));
    for (const [index, projection] of defaultProjections().entries()) {
      const version = runners[index]?.currentVersion as number;
      await readStore.createVersion(projection.name, version + 1);
      await new ProjectionRunner({ eventStore: events, readStore, projection, version: version + 1, batchSize: 5000 }).catchUp(head);
      const recovered = await readStore.dump(projection.name, version);
      expect(recovered.length).toBeGreaterThan(500);
      expect(recovered).toEqual(await readStore.dump(projection.name, version + 1));
    }
  }, 60_000);
});
