import { Client } from 'pg';
import { PostgresEventStore } from '@crm/event-store';
import { createTestDatabase, TestDatabase } from '../../libs/event-store/src/testing/postgres-test-database';
import { bearer, registration, startTestApp, TestApp } from './support/test-app';

/** The API with EVENT_STORE=postgres: the same HTTP behaviour, every event in PostgreSQL. */
describe('the API on the PostgreSQL event store', () => {
  let database: TestDatabase;
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    database = await createTestDatabase();
    t = await startTestApp({ EVENT_STORE: 'postgres', DATABASE_URL: database.url, DATABASE_POOL_SIZE: '4' });
    auth = bearer(t.token());
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('runs commands, concurrency checks and phone uniqueness against PostgreSQL, and reads its own writes', async () => {
    expect(t.store).toBeInstanceOf(PostgresEventStore);
    const phone = '13912345678';
    const registered = await t.http.post('/leads').set(auth).send(registration({ phone })).expect(201);
    const leadId = registered.body.leadId as string;
    await t.http.post('/leads').set(auth).send(registration({ phone })).expect(409);
    await t.http.post(`/leads/${leadId}/calls`).set(auth).set('If-Match', '"0"').send({ direction: 'outbound', outcome: 'connected' }).expect(201);
    const stale = await t.http.post(`/leads/${leadId}/calls`).set(auth).set('If-Match', '"0"').send({ direction: 'inbound', outcome: 'connected' }).expect(412);
    expect(stale.body.code).toBe('LEAD_REVISION_MISMATCH');
    const quote = await t.http.post(`/leads/${leadId}/quotes`).set(auth)
      .send({ model: 'Model S', quantity: 1, unitPrice: { amount: 300000, currency: 'CNY' } }).expect(201);

    const funnel = await t.http.get(`/funnel?minPosition=${quote.body.position as number}`).set(auth).expect(200);
    expect(funnel.body.total.leadsPerStage).toMatchObject({ quote: 1 });

    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT stream_id, revision, type FROM event_store.events WHERE stream_id = $1 ORDER BY revision', [`lead-${leadId}`]);
      expect(rows.map((row) => row.type)).toEqual(['LeadRegistered', 'CallLogged', 'QuoteGiven']);
    } finally {
      await client.end();
    }
  });
});
