import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../../../libs/event-store/src/testing/postgres-test-database';
import { idempotencyStoreContract } from './idempotency-store.contract';
import { PostgresIdempotencyStore } from './postgres-idempotency-store.adapter';

idempotencyStoreContract('PostgresIdempotencyStore', async () => {
  const database = await createTestDatabase();
  return {
    open: () => PostgresIdempotencyStore.open({ url: database.url }),
    cleanUp: () => database.drop(),
  };
});

describe('PostgresIdempotencyStore', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('shares keys between processes: a key claimed through one handle is seen through another', async () => {
    const [a, b] = await Promise.all([PostgresIdempotencyStore.open({ url: database.url }), PostgresIdempotencyStore.open({ url: database.url })]);
    try {
      expect(a.shared).toBe(true);
      const claim = { scope: 'd|a|POST|/leads', key: 'k', requestHash: 'h', owner: 'api-1', claimedAt: '2026-01-05T09:00:00.000Z' };
      expect(await a.claim(claim)).toEqual({ claimed: true });
      expect(await b.claim({ ...claim, owner: 'api-2' })).toMatchObject({ claimed: false, existing: { owner: 'api-1', status: 'in_progress' } });
      await a.complete(claim.scope, claim.key, { status: 201, body: { leadId: 'x' } });
      expect(await b.claim({ ...claim, owner: 'api-2' })).toMatchObject({ claimed: false, existing: { status: 'completed', response: { body: { leadId: 'x' } } } });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('keeps its table in a schema of its own, versioned like the event store\'s, ignoring the URL\'s event-store schema', async () => {
    const store = await PostgresIdempotencyStore.open({ url: `${database.url}?schema=events_elsewhere` });
    await store.close();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT version FROM api_idempotency.schema_versions`);
      expect(rows).toEqual([{ version: 1 }]);
      const tables = await client.query(`SELECT table_schema FROM information_schema.tables WHERE table_name = 'idempotency_keys'`);
      expect(tables.rows).toEqual([{ table_schema: 'api_idempotency' }]);
    } finally {
      await client.end();
    }
  });
});
