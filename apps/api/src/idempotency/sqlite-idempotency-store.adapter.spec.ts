import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store.adapter';

describe('SqliteIdempotencyStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-idem-'));
  const path = join(dir, 'idempotency.sqlite');
  let store: SqliteIdempotencyStore;
  const claim = { scope: 'd|a|POST|/leads', key: 'k1', requestHash: 'h1', owner: 'p1', claimedAt: '2026-01-05T09:00:00.000Z' };

  beforeEach(() => {
    store = new SqliteIdempotencyStore(path);
  });
  afterEach(() => store.close());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('claims a new key once, then reports the existing claim', async () => {
    expect(await store.claim(claim)).toEqual({ claimed: true });
    const second = await store.claim({ ...claim, owner: 'p2' });
    expect(second).toEqual({ claimed: false, existing: { ...claim, status: 'in_progress' } });
  });

  it('keeps a completed response across reopening the file', async () => {
    await store.complete(claim.scope, claim.key, { status: 201, body: { leadId: 'x' }, etag: '"0"' });
    await store.close();
    store = new SqliteIdempotencyStore(path);
    const again = await store.claim(claim);
    expect(again).toMatchObject({ claimed: false, existing: { status: 'completed', response: { status: 201, body: { leadId: 'x' }, etag: '"0"' } } });
  });

  it('takes over an in-progress claim only from its current owner', async () => {
    const other = { ...claim, key: 'k2' };
    await store.claim(other);
    expect(await store.takeOver(other.scope, other.key, 'someone-else', 'p3', claim.claimedAt)).toBe(false);
    expect(await store.takeOver(other.scope, other.key, 'p1', 'p3', claim.claimedAt)).toBe(true);
    expect(await store.takeOver(other.scope, other.key, 'p1', 'p4', claim.claimedAt)).toBe(false);
  });

  it('releases an in-progress claim so that the key can be claimed again', async () => {
    const other = { ...claim, key: 'k3' };
    await store.claim(other);
    await store.release(other.scope, other.key);
    expect(await store.claim(other)).toEqual({ claimed: true });
  });
});
