import { SqliteEventStore } from '@crm/event-store';
import { Decider, FactOrder } from '@crm/kernel';
import { StreamLoader } from './stream-loader';

/** The last value set wins: a fold whose answer depends on the order of the facts. */
type Set = { type: 'Set'; data: { value: string } };
const byTime: FactOrder = (a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.revision - b.revision);
const lastValue = (foldOrder: 'revision' | FactOrder): Decider<never, Set, string | undefined> => ({
  decide: () => [],
  evolve: (_state, event) => event.data.value,
  initialState: undefined,
  decode: (type, _v, data) => ({ type, data }) as Set,
  schemaVersion: () => 1,
  foldOrder,
});

const set = (value: string, occurredAt: string) => ({
  type: 'Set',
  data: { value },
  metadata: {
    eventId: `${value}-${occurredAt}`, actor: { id: 'a', role: 'crm_agent' as const, dealerId: 'd' }, correlationId: 'c',
    causationId: 'c', source: 'api' as const, schemaVersion: 1, occurredAt, recordedAt: '2026-03-05T00:00:00.000Z',
  },
});

describe('StreamLoader', () => {
  let store: SqliteEventStore;
  beforeEach(() => { store = new SqliteEventStore({ path: ':memory:' }); });
  afterEach(() => store.close());

  it('folds in occurrence order: a fact recorded late but dated earlier does not override a later one', async () => {
    const loader = new StreamLoader(store, lastValue(byTime));
    await store.append('s', [set('T4', '2026-03-04T00:00:00.000Z')], 'no_stream');
    expect((await loader.load('s')).state).toBe('T4');
    await store.append('s', [set('T5', '2026-03-02T00:00:00.000Z')], 0);
    // The cached fold cannot be extended by an earlier fact: the loader folds the whole stream again.
    expect(await loader.load('s')).toMatchObject({ state: 'T4', revision: 1, last: { occurredAt: '2026-03-04T00:00:00.000Z', revision: 0 } });
    await store.append('s', [set('T2', '2026-03-04T12:00:00.000Z')], 1);
    expect((await loader.load('s')).state).toBe('T2');
  });

  it('folds in stream order when the decider says so', async () => {
    const loader = new StreamLoader(store, lastValue('revision'));
    await store.append('s', [set('T4', '2026-03-04T00:00:00.000Z'), set('T5', '2026-03-02T00:00:00.000Z')], 'no_stream');
    expect((await loader.load('s')).state).toBe('T5');
  });

  it('answers an empty stream with the initial state at revision -1', async () => {
    expect(await new StreamLoader(store, lastValue(byTime)).load('nothing')).toEqual({ state: undefined, revision: -1, position: 0 });
  });
});
