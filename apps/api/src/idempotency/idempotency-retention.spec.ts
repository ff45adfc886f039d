import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '@crm/config';
import { VirtualClock } from '@crm/kernel';
import { IdempotencyRetention } from './idempotency-retention';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store.adapter';

describe('IdempotencyRetention', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-idem-retention-'));
  const store = new SqliteIdempotencyStore(join(dir, 'idempotency.sqlite'));
  const clock = new VirtualClock('2026-03-01T00:00:00.000Z');
  const retention = new IdempotencyRetention(store, clock, { IDEMPOTENCY_RETENTION_HOURS: 24 } as AppConfig);
  const scope = 'dealer|actor|POST|/leads';

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function completed(key: string, claimedAt: string): Promise<void> {
    await store.claim({ scope, key, requestHash: 'h', owner: 'p1', claimedAt });
    await store.complete(scope, key, { status: 201, body: {} });
  }

  it('forgets completed keys older than the retention, keeps newer ones and every claim still in flight', async () => {
    await completed('old', '2026-02-27T23:59:59.000Z');
    await completed('recent', '2026-02-28T12:00:00.000Z');
    await store.claim({ scope, key: 'stuck', requestHash: 'h', owner: 'p1', claimedAt: '2026-01-01T00:00:00.000Z' });

    expect(await retention.prune()).toBe(1);

    const claimAgain = (key: string) => store.claim({ scope, key, requestHash: 'h', owner: 'p2', claimedAt: clock.now().toISOString() });
    expect(await claimAgain('old')).toEqual({ claimed: true });
    expect(await claimAgain('recent')).toMatchObject({ claimed: false, existing: { status: 'completed' } });
    expect(await claimAgain('stuck')).toMatchObject({ claimed: false, existing: { status: 'in_progress' } });
  });

  it('measures age on the clock port, so moving the clock a day on forgets the rest', async () => {
    clock.advance(24 * 3_600_000);
    expect(await retention.prune()).toBe(1);
  });
});
