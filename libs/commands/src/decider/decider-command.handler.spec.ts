import { EventStore, SqliteEventStore } from '@crm/event-store';
import { Decider, DomainError, SequentialIdGenerator, VirtualClock } from '@crm/kernel';
import { CommandOrigin } from '../command-origin';
import { EventEnvelopeFactory } from '../envelope/event-envelope.factory';
import { DeciderCommandHandler, DeciderCommandHandlerOptions } from './decider-command.handler';
import { StreamLoader } from './stream-loader';

/** A counter that refuses to go past a limit: the smallest decider with a rule that depends on state. */
type Add = { type: 'Add'; by: number; now: string };
type Added = { type: 'Added'; data: { by: number } };
const counter: Decider<Add, Added, number> = {
  decide: (command, total) => {
    if (total + command.by > 10) throw new DomainError('OVER_LIMIT', 'over the limit', 'invalid');
    return command.by === 0 ? [] : [{ type: 'Added', data: { by: command.by } }];
  },
  evolve: (total, event) => total + event.data.by,
  initialState: 0,
  decode: (type, _v, data) => (type === 'Added' ? ({ type, data } as Added) : undefined),
  schemaVersion: () => 1,
  foldOrder: 'revision',
};

const origin = (overrides: Partial<CommandOrigin> = {}): CommandOrigin => ({
  actor: { id: 'saga-nurture', role: 'system', dealerId: 'd1' },
  source: 'saga',
  correlationId: 'corr-1',
  causationId: 'event-41',
  ...overrides,
});

const options: DeciderCommandHandlerOptions = {
  concurrency: 'checked',
  revisionMismatch: (_s, expected, actual) => new DomainError('COUNTER_REVISION_MISMATCH', `${expected} vs ${actual}`, 'precondition_failed'),
  contended: () => new DomainError('COUNTER_BUSY', 'busy', 'conflict'),
};

describe('DeciderCommandHandler', () => {
  let store: SqliteEventStore;
  const clock = new VirtualClock('2026-03-01T10:00:00.000Z');
  const envelopes = new EventEnvelopeFactory(new SequentialIdGenerator());
  const build = (store: EventStore, overrides: Partial<DeciderCommandHandlerOptions> = {}) =>
    new DeciderCommandHandler(store, counter, new StreamLoader(store, counter), envelopes, clock, { ...options, ...overrides });
  const add = (by: number) => (now: string): Add => ({ type: 'Add', by, now });

  beforeEach(() => { store = new SqliteEventStore({ path: ':memory:' }); });
  afterEach(() => store.close());

  it('appends what the decider decides, with the origin as metadata and the clock as recordedAt', async () => {
    const decision = await build(store).handle('counter-1', add(3), origin({ occurredAt: '2026-03-01T09:00:00.000Z', reason: 'nurture plan' }));
    expect(decision).toMatchObject({ revision: 0, position: 1, events: [{ revision: 0, type: 'Added', data: { by: 3 } }] });
    const [stored] = await store.readStream('counter-1');
    expect(stored?.metadata).toMatchObject({
      source: 'saga', causationId: 'event-41', correlationId: 'corr-1', reason: 'nurture plan',
      occurredAt: '2026-03-01T09:00:00.000Z', recordedAt: '2026-03-01T10:00:00.000Z', actor: { id: 'saga-nurture' },
    });
  });

  it('appends nothing when the decider decides nothing, and answers the current revision', async () => {
    const handler = build(store);
    await handler.handle('counter-1', add(3), origin());
    expect(await handler.handle('counter-1', add(0), origin())).toEqual({ revision: 0, position: 1, events: [] });
    expect(await store.headPosition()).toBe(1);
  });

  it("refuses a command whose expected revision is stale with the capability's own error, appending nothing", async () => {
    const handler = build(store);
    await handler.handle('counter-1', add(3), origin());
    await handler.handle('counter-1', add(3), origin());
    await expect(handler.handle('counter-1', add(1), origin({ expectedRevision: 0 }))).rejects.toMatchObject({ code: 'COUNTER_REVISION_MISMATCH' });
    expect(await store.headPosition()).toBe(2);
  });

  it('retries a race lost to another process on the new state, so the rule sees both writes', async () => {
    const other = build(store);
    const racing = build(raceOnce(store, () => other.handle('counter-1', add(6), origin())));
    await expect(racing.handle('counter-1', add(5), origin())).rejects.toMatchObject({ code: 'OVER_LIMIT' });
    expect((await store.readStream('counter-1')).map((e) => e.data)).toEqual([{ by: 6 }]);
    await racing.handle('counter-1', add(4), origin());
    expect((await store.readStream('counter-1')).map((e) => e.data)).toEqual([{ by: 6 }, { by: 4 }]);
  });

  it('gives up with the contended error when others win every attempt', async () => {
    const other = build(store);
    const alwaysLosing = build(raceAlways(store, () => other.handle('counter-1', add(0.001), origin())), { maxAttempts: 3 });
    await expect(alwaysLosing.handle('counter-1', add(1), origin())).rejects.toMatchObject({ code: 'COUNTER_BUSY' });
  });

  it('appends commutative facts without loading or checking a revision', async () => {
    await build(store).handle('counter-1', add(10), origin());
    const handler = build(store, { concurrency: 'commutative' });
    // Decided on the initial state (0), so the limit does not see the 10 already there: counts commute.
    expect((await handler.handle('counter-1', add(4), origin())).revision).toBe(1);
  });
});

/** A store whose next append first lets `write` happen, as if another process got there in between. */
function raceOnce(store: EventStore, write: () => Promise<unknown>): EventStore {
  let raced = false;
  return withAppendHook(store, async () => {
    if (raced) return;
    raced = true;
    await write();
  });
}

function raceAlways(store: EventStore, write: () => Promise<unknown>): EventStore {
  return withAppendHook(store, async () => void (await write()));
}

function withAppendHook(store: EventStore, before: () => Promise<void>): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'append') return Reflect.get(target, property, receiver);
      return async (...args: Parameters<EventStore['append']>) => {
        await before();
        return target.append(...args);
      };
    },
  });
}
