import { RecordedEvent, RestartFromCheckpoint } from '@crm/event-store';
import { ReadStore } from '@crm/projections';
import { openRedisHarness, openSqliteHarness } from '../../../projections/src/testing/read-store.harness';
import { NurtureSagaConsumer, SagaEventHandler } from './nurture-saga.consumer';

/** A handler that only records what it was given: this spec is about the checkpoint, not the saga. */
const recordingStep = (seen: number[]): SagaEventHandler => ({ handle: async (event) => { seen.push(event.position); } });
const events = (...positions: number[]): RecordedEvent[] => positions.map((position) => ({
  streamId: 'lead-x', revision: position - 1, position, type: 'CallLogged', data: {},
  metadata: { eventId: `e-${position}`, actor: { id: 'a', role: 'crm_agent', dealerId: 'd' }, correlationId: 'c', causationId: 'c', source: 'api', schemaVersion: 1, occurredAt: '', recordedAt: '' },
}));

describe.each([
  ['SQLite', openSqliteHarness],
  ['Redis', openRedisHarness],
])('NurtureSagaConsumer checkpoint (%s read store)', (_label, open) => {
  let readStore: ReadStore;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ store: readStore, cleanup } = await open()));
  afterEach(() => cleanup());

  it('starts from 0 the first time, and from the stored checkpoint after that', async () => {
    const seen: number[] = [];
    const first = new NurtureSagaConsumer(readStore, recordingStep(seen));
    expect(await first.loadCheckpoint()).toBe(0);
    await first.handle(events(1, 2, 3));
    expect(seen).toEqual([1, 2, 3]);
    expect(await new NurtureSagaConsumer(readStore, recordingStep([])).loadCheckpoint()).toBe(3);
  });

  it('lets only one of two workers advance the checkpoint: the other restarts from it', async () => {
    const a = new NurtureSagaConsumer(readStore, recordingStep([]));
    const b = new NurtureSagaConsumer(readStore, recordingStep([]));
    await a.loadCheckpoint();
    await b.loadCheckpoint();
    await a.handle(events(1, 2));
    await expect(b.handle(events(1, 2))).rejects.toBeInstanceOf(RestartFromCheckpoint);
    expect(await b.loadCheckpoint()).toBe(2);
    await b.handle(events(3));
    expect(await readStore.checkpoint('nurture-saga', 1)).toBe(3);
  });
});
