import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SequentialIdGenerator, VirtualClock } from '@crm/kernel';
import { IdempotencyContext } from './idempotency-context';
import { IdempotencyRecovery } from './idempotency-recovery.port';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store.adapter';
import { IdempotentExecutor } from './idempotent-executor';

/** The same keys as a store that other running processes share (the PostgreSQL one): another owner may be alive. */
class SharedSqliteStore extends SqliteIdempotencyStore {
  override readonly shared = true;
}

const noRecovery: IdempotencyRecovery = { recover: async () => undefined };

describe('IdempotentExecutor and another process\'s claim', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-idem-exec-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const context = (key: string): IdempotencyContext => ({
    key, scope: 'd|a|POST|/leads', requestHash: 'h', recovery: { path: '/leads', params: {}, body: {}, actor: { id: 'a', role: 'consultant', dealerId: 'd' }, key },
  } as IdempotencyContext);

  it('on a shared store, answers 409 to a fresh claim of another process and takes it over only once it is stale', async () => {
    const store = new SharedSqliteStore(join(dir, 'shared.sqlite'));
    const clock = new VirtualClock('2026-03-01T00:00:00.000Z');
    const apiOne = new IdempotentExecutor(store, noRecovery, clock, new SequentialIdGenerator());
    const apiTwo = new IdempotentExecutor(store, noRecovery, clock, new SequentialIdGenerator());
    let release: () => void = () => undefined;
    const slow = apiOne.run(context('k'), () => new Promise((done) => (release = () => done({ status: 201, body: { by: 'one' } }))));
    await new Promise((resolve) => setImmediate(resolve));
    let ranTwice = false;
    await expect(apiTwo.run(context('k'), async () => { ranTwice = true; return { status: 201, body: { by: 'two' } }; }))
      .rejects.toMatchObject({ code: 'IDEMPOTENCY_REQUEST_IN_PROGRESS' });
    expect(ranTwice).toBe(false);
    release();
    await slow;
    expect(await apiTwo.run(context('k'), async () => ({ status: 201, body: { by: 'two' } }))).toEqual({ status: 201, body: { by: 'one' }, replayed: true });

    await store.claim({ scope: 'd|a|POST|/leads', key: 'abandoned', requestHash: 'h', owner: 'dead-api', claimedAt: clock.now().toISOString() });
    clock.advance(61_000);
    expect(await apiTwo.run(context('abandoned'), async () => ({ status: 201, body: { by: 'two' } }))).toEqual({ status: 201, body: { by: 'two' } });
    await store.close();
  });

  it('on a store of its own, takes over another owner\'s claim at once (that process is gone)', async () => {
    const store = new SqliteIdempotencyStore(join(dir, 'own.sqlite'));
    const clock = new VirtualClock('2026-03-01T00:00:00.000Z');
    await store.claim({ scope: 'd|a|POST|/leads', key: 'k', requestHash: 'h', owner: 'previous-run', claimedAt: clock.now().toISOString() });
    const executor = new IdempotentExecutor(store, noRecovery, clock, new SequentialIdGenerator());
    expect(await executor.run(context('k'), async () => ({ status: 201, body: {} }))).toEqual({ status: 201, body: {} });
    await store.close();
  });
});
