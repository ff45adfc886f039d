import { VirtualClock } from '@crm/kernel';
import { leadStreamId } from '@crm/lead';
import { FunnelProjection } from '../funnel/funnel.projection';
import { FunnelLeadView } from '../funnel/funnel-lead.view';
import { ReadStoreHarness } from '../read-store/read-store.contract';
import { InMemoryEventStoreFake } from '../testing/in-memory-event-store.fake';
import { quote, registration, toAppend } from '../testing/lead-events.builder';
import { openRedisHarness, openSqliteHarness } from '../testing/read-store.harness';
import { ProjectionRebuilder } from './projection-rebuilder';
import { ProjectionRunner } from './projection-runner';
import { ProjectionStatusReader } from './projection-status';

const T = (minute: number): string => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

async function seed(events: InMemoryEventStoreFake, leads: number, from = 0): Promise<void> {
  for (let i = from; i < from + leads; i += 1) {
    await events.append(leadStreamId(`l${i}`), [toAppend({ leadId: `l${i}`, event: registration(`l${i}`), occurredAt: T(1) })], 'any');
    await events.append(`phone-${i}`, [{ ...toAppend({ leadId: '', event: registration('x'), occurredAt: T(1) }), type: 'PhoneNumberReserved' }], 'any');
    await events.append(leadStreamId(`l${i}`), [toAppend({ leadId: `l${i}`, event: quote(`q${i}`, 100_000), occurredAt: T(2) })], 'any');
  }
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  for (let waited = 0; !(await check()); waited += 10) {
    if (waited > timeoutMs) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each<[string, () => Promise<ReadStoreHarness>]>([['SQLite', openSqliteHarness], ['Redis', openRedisHarness]])(
  'ProjectionRunner on %s',
  (_label, open) => {
    let harness: ReadStoreHarness;
    let events: InMemoryEventStoreFake;
    const funnel = new FunnelProjection();
    beforeEach(async () => {
      harness = await open();
      events = new InMemoryEventStoreFake();
    });
    afterEach(async () => harness.cleanup());

    it('projects lead events, skips foreign streams, and checkpoints the last position', async () => {
      await seed(events, 3);
      const runner = new ProjectionRunner({ eventStore: events, readStore: harness.store, projection: funnel, batchSize: 4 });
      await runner.catchUp();
      expect(runner.checkpoint).toBe(9);
      expect(await harness.store.liveVersion('funnel')).toBe(1);
      expect(await harness.store.checkpoint('funnel', 1)).toBe(9);
      const docs = await harness.store.list('funnel', 1, 'leads', 'dealer-1');
      expect(docs.map((d) => (d.body as FunnelLeadView).stage)).toEqual(['quote', 'quote', 'quote']);
    });

    it('keeps serving during a rebuild, then follows the switched pointer', async () => {
      await seed(events, 20);
      const live = new ProjectionRunner({ eventStore: events, readStore: harness.store, projection: funnel, batchSize: 7, watchdogMs: 5 });
      live.start();
      await eventually(async () => live.checkpoint === 60);
      const result = await new ProjectionRebuilder(events, harness.store).rebuild(funnel, { batchSize: 11 });
      expect(result).toMatchObject({ version: 2, previousVersion: 1 });
      await seed(events, 5, 20);
      await eventually(async () => live.currentVersion === 2 && live.checkpoint === 75);
      await live.stop();
      expect(await harness.store.checkpoint('funnel', 1)).toBeUndefined();
      expect(await harness.store.dump('funnel', 2)).toHaveLength(25);
    });

    it('notices a lost read model while idle and rebuilds it into a new version, live only once complete', async () => {
      await seed(events, 10);
      const recoveries: number[] = [];
      const live = new ProjectionRunner({
        eventStore: events, readStore: harness.store, projection: funnel, watchdogMs: 5, batchSize: 4,
        onRecovery: (_n, v) => recoveries.push(v),
      });
      live.start();
      await eventually(async () => live.checkpoint === 30);
      await harness.store.dropVersion('funnel', 1);
      // While the new version fills, the live pointer never names a version that lacks part of the log.
      const seen = new Set<number>();
      await eventually(async () => {
        const version = await harness.store.liveVersion('funnel');
        if (version !== undefined && version !== 1) seen.add((await harness.store.checkpoint('funnel', version)) ?? -1);
        return (await harness.store.liveVersion('funnel')) === 2 && (await harness.store.checkpoint('funnel', 2)) === 30;
      });
      await live.stop();
      expect(recoveries).toEqual([2]);
      expect([...seen].every((checkpoint) => checkpoint === 30)).toBe(true);
      expect(await harness.store.buildingVersion('funnel')).toBeUndefined();
      expect(await harness.store.dump('funnel', 2)).toHaveLength(10);
    });

    it('lets a restarted runner resume a build where the last one stopped', async () => {
      await seed(events, 10);
      await harness.store.createVersion('funnel', 5);
      await harness.store.setBuildingVersion('funnel', 5, undefined);
      const partial = new ProjectionRunner({ eventStore: events, readStore: harness.store, projection: funnel, version: 5, batchSize: 4 });
      await partial.catchUp(12);
      const resumed = new ProjectionRunner({ eventStore: events, readStore: harness.store, projection: funnel, batchSize: 4 });
      await resumed.catchUp();
      expect(resumed.currentVersion).toBe(5);
      expect(await harness.store.liveVersion('funnel')).toBe(5);
      expect(await harness.store.dump('funnel', 5)).toHaveLength(10);
    });

    it('lets two runners race without applying any batch twice', async () => {
      await seed(events, 30);
      const runners = [3, 5].map((batchSize) => new ProjectionRunner({ eventStore: events, readStore: harness.store, projection: funnel, batchSize }));
      await Promise.all(runners.map((runner) => runner.catchUp(90)));
      await harness.store.createVersion('funnel', 9);
      await new ProjectionRunner({ eventStore: events, readStore: harness.store, projection: funnel, version: 9 }).catchUp();
      expect(await harness.store.dump('funnel', 1)).toEqual(await harness.store.dump('funnel', 9));
    });

    it('reports checkpoint and lag, and waits for a position', async () => {
      await seed(events, 2);
      const clock = new VirtualClock(T(3));
      const status = new ProjectionStatusReader(events, harness.store, clock);
      expect(await status.status('funnel')).toMatchObject({
        state: 'missing', liveVersion: null, checkpoint: null, headPosition: 6, eventsBehind: 6, secondsBehind: 120,
      });
      expect(await status.waitFor(['funnel'], 6, 30)).toBe(false);
      await new ProjectionRunner({ eventStore: events, readStore: harness.store, projection: funnel }).catchUp();
      expect(await status.status('funnel')).toMatchObject({ state: 'live', liveVersion: 1, checkpoint: 6, eventsBehind: 0, secondsBehind: 0 });
      expect(await status.waitFor(['funnel'], 6, 30)).toBe(true);
    });
  },
);
