import fc from 'fast-check';
import { Projection } from '../projection';
import { defaultProjections } from '../projections.registry';
import { SHOWROOM_PROJECTION } from '../showroom/showroom.projection';
import { ReadStoreHarness } from '../read-store/read-store.contract';
import { InMemoryEventStoreFake } from '../testing/in-memory-event-store.fake';
import { globalLogArbitrary, StreamAppend } from '../testing/lead-event.arbitrary';
import { openRedisHarness, openSqliteHarness } from '../testing/read-store.harness';
import { ProjectionRunner } from './projection-runner';

const projections: Projection[] = defaultProjections();

const scenario = fc.record({
  appends: globalLogArbitrary,
  cuts: fc.array(fc.nat({ max: 120 }), { maxLength: 5 }).map((cuts) => cuts.sort((a, b) => a - b)),
  batchSize: fc.integer({ min: 1, max: 9 }),
});
interface Scenario { appends: StreamAppend[]; cuts: number[]; batchSize: number }

/** Appends the log in random cuts, catching up after each with a random batch size, then rebuilds from 0. */
async function incrementalEqualsRebuild(open: () => Promise<ReadStoreHarness>, log: Scenario): Promise<void> {
  const harness = await open();
  try {
    const events = new InMemoryEventStoreFake();
    const live = projections.map((projection) => new ProjectionRunner({ eventStore: events, readStore: harness.store, projection, batchSize: log.batchSize }));
    let cursor = 0;
    for (const cut of [...log.cuts, log.appends.length]) {
      for (; cursor < Math.min(cut, log.appends.length); cursor += 1) {
        const append = log.appends[cursor];
        if (append) await events.append(append.streamId, [append.event], 'any');
      }
      for (const runner of live) await runner.catchUp();
    }
    for (const projection of projections) {
      const version = (await harness.store.liveVersion(projection.name)) ?? 0;
      await harness.store.createVersion(projection.name, version + 1);
      await new ProjectionRunner({ eventStore: events, readStore: harness.store, projection, version: version + 1, batchSize: 1000 }).catchUp();
      const incremental = await harness.store.dump(projection.name, version);
      const rebuilt = await harness.store.dump(projection.name, version + 1);
      expect(rebuilt).toEqual(incremental);
      expect(incremental.length).toBe(expectedDocuments(projection, log.appends));
    }
  } finally {
    await harness.cleanup();
  }
}

/** Lead projections keep one document per registered lead; the showroom one per walk-in count. */
function expectedDocuments(projection: Projection, appends: StreamAppend[]): number {
  if (projection.name === SHOWROOM_PROJECTION) return appends.filter((a) => a.event.type === 'UnrecordedWalkInCounted').length;
  return new Set(appends.filter((a) => a.event.type === 'LeadRegistered').map((a) => a.streamId)).size;
}

describe('incremental processing equals a rebuild from zero', () => {
  it('on the SQLite read store', async () => {
    await fc.assert(fc.asyncProperty(scenario, (log) => incrementalEqualsRebuild(openSqliteHarness, log)), { numRuns: 40 });
  });

  it('on the Redis read store', async () => {
    await fc.assert(fc.asyncProperty(scenario, (log) => incrementalEqualsRebuild(openRedisHarness, log)), { numRuns: 25 });
  });
});
