import { randomUUID } from 'node:crypto';
import { deletePrefix, TEST_REDIS_URL } from '../../libs/projections/src/testing/read-store.harness';
import { bearer, registration, startTestApp, TestApp } from './support/test-app';

describe.each([
  ['SQLite', () => ({ READ_STORE: 'sqlite' })],
  ['Redis', () => ({ READ_STORE: 'redis', REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: `test:${randomUUID()}:` })],
])('read side over HTTP (%s read store)', (_label, env) => {
  let t: TestApp;
  let auth: { Authorization: string };
  let position = 0;
  let leadId = '';
  const settings = env() as Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp(settings);
    auth = bearer(t.token());
    const registered = await t.http.post('/leads').set(auth).send(registration({ channel: 'website' })).expect(201);
    leadId = registered.body.leadId as string;
    await t.http.post('/leads').set(auth).send(registration()).expect(201);
    t.clock.advance(3_600_000);
    await t.http.post(`/leads/${leadId}/calls`).set(auth).send({ direction: 'outbound', outcome: 'connected' }).expect(201);
    await t.http.post(`/leads/${leadId}/purchase-intent-assessments`).set(auth).send({ timeframe: 'in_4_6_months' }).expect(201);
    await t.http.post(`/leads/${leadId}/purchase-intent-assessments`).set(auth).send({ timeframe: 'within_1_month' }).expect(201);
    const quote = await t.http.post(`/leads/${leadId}/quotes`).set(auth)
      .send({ model: 'Model S', quantity: 1, unitPrice: { amount: 300000, currency: 'CNY' } }).expect(201);
    position = quote.body.position as number;
  });
  afterAll(async () => {
    await t.close();
    if (settings.REDIS_KEY_PREFIX) await deletePrefix(TEST_REDIS_URL, settings.REDIS_KEY_PREFIX);
  });

  it('reads its own writes: the funnel reflects the quote once minPosition is reached', async () => {
    const { body } = await t.http.get(`/funnel?minPosition=${position}`).set(auth).expect(200);
    expect(body.total).toMatchObject({ leads: 2, open: 2, weightedPipeline: 270000, walkInsWithoutRecord: 0 });
    expect(body.total.leadsPerStage).toMatchObject({ initial_contact: 1, quote: 1 });
    expect(body.byChannel.website.leadsPerStage.quote).toBe(1);
    expect(body.byPeriod['2026-01'].leads).toBe(2);
  });

  it('lists leads filtered, sorted and paged', async () => {
    const { body } = await t.http.get(`/leads?minPosition=${position}&tier=T1&sort=expectedValue&order=desc&pageSize=10`).set(auth).expect(200);
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(body.items[0]).toMatchObject({ leadId, stage: 'quote', probability: 90, expectedValue: 270000, tier: 'T1', temperature: 'hot' });
    const all = await t.http.get('/leads?channel=walk_in').set(auth).expect(200);
    expect(all.body.total).toBe(1);
  });

  it('answers tiers, the migration matrix and the KPIs', async () => {
    const tiers = await t.http.get(`/tiers?minPosition=${position}`).set(auth).expect(200);
    expect(tiers.body.byTier).toMatchObject({ T1: 1, unassessed: 1 });
    const matrix = await t.http.get('/tiers/migrations?from=2026-01-01&to=2026-02-01').set(auth).expect(200);
    expect(matrix.body).toMatchObject({ total: 1, warmedUp: 1 });
    expect(matrix.body.matrix.T3.T1).toBe(1);
    const kpis = await t.http.get('/reports/kpis?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z').set(auth).expect(200);
    expect(kpis.body).toMatchObject({ leads: 2, firstResponse: { responded: 1, unanswered: 1, medianSeconds: 3600 } });
    // One walk-in lead registered, nobody counted without record, no order yet.
    expect(kpis.body.walkInCloseRate).toEqual({ walkIns: 1, unrecorded: 0, recorded: 1, closes: 0, recordRate: 1, closeRate: 0 });
  });

  it("scopes every answer to the caller's dealer", async () => {
    const other = bearer(t.token('manager', 'm-9', 'dealer-other'));
    const { body } = await t.http.get('/leads').set(other).expect(200);
    expect(body.total).toBe(0);
  });

  it('names the bad parameter in a 400', async () => {
    const bad = await t.http.get('/funnel?from=yesterday').set(auth).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'from' });
    const noTo = await t.http.get('/tiers/migrations?from=2026-01-01').set(auth).expect(400);
    expect(noTo.body.field).toBe('to');
    const stage = await t.http.get('/leads?stage=nowhere').set(auth).expect(400);
    expect(stage.body.field).toBe('stage');
  });

  it("shows each projection's checkpoint and lag", async () => {
    const { body } = await t.http.get('/projections/status').set(auth).expect(200);
    expect(body.map((s: { name: string }) => s.name)).toEqual(['funnel', 'tiers', 'showroom', 'touches', 'warnings']);
    expect(body[0]).toMatchObject({ liveVersion: 1, headPosition: expect.any(Number), eventsBehind: expect.any(Number) });
  });

  it('shows the won quote in the /leads row when the deal was won on an earlier quote', async () => {
    const id = (await t.http.post('/leads').set(auth).send(registration({ channel: 'referral' })).expect(201)).body.leadId;
    const first = await t.http.post(`/leads/${id}/quotes`).set(auth)
      .send({ model: 'EQE', quantity: 2, unitPrice: { amount: 400000, currency: 'CNY' }, expectedCloseDate: '2026-02-28' }).expect(201);
    await t.http.post(`/leads/${id}/quotes`).set(auth).send({ model: 'EQS', quantity: 1, unitPrice: { amount: 900000, currency: 'CNY' } }).expect(201);
    const won = await t.http.post(`/leads/${id}/win`).set(auth).send({ quoteId: first.body.events[0].data.quoteId }).expect(201);
    const { body } = await t.http.get(`/leads?channel=referral&minPosition=${won.body.position}`).set(auth).expect(200);
    // A signed order: 90 % of the won quote's 800,000 until delivery.
    expect(body.items[0]).toMatchObject({
      leadId: id, status: 'won', intendedModel: 'EQE', quantity: 2, probability: 90, expectedValue: 720000, expectedCloseDate: '2026-02-28',
    });
  });

  it('dates a late tier move when it happened, from the tier the lead was in then', async () => {
    t.clock.set('2026-01-07T10:00:00.000Z');
    const late = bearer(t.token());
    const profile = { intendedModels: ['Model S'], intendedPurchase: 'over_12_months' };
    const id = (await t.http.post('/leads').set(late).send(registration({ channel: 'website', profile })).expect(201)).body.leadId;
    t.clock.set('2026-01-07T12:00:00.000Z');
    await t.http.post(`/leads/${id}/purchase-intent-assessments`).set(late).send({ timeframe: 'in_4_6_months' }).expect(201);
    t.clock.set('2026-01-07T13:00:00.000Z');
    const recorded = await t.http.post(`/leads/${id}/purchase-intent-assessments`).set(late)
      .send({ timeframe: 'in_7_12_months', occurredAt: '2026-01-07T11:00:00.000Z' }).expect(201);
    const window = `from=2026-01-07T00:00:00Z&to=2026-01-08T00:00:00Z&minPosition=${recorded.body.position}`;
    const { body } = await t.http.get(`/tiers/migrations?${window}`).set(late).expect(200);
    // T5 (registration) -> T4 at 11:00 (recorded last) -> T3 at 12:00; never T3 -> T4 before the lead was T3.
    expect(body).toMatchObject({ total: 2, hotter: 2, cooledDown: 0, warmedUp: 0 });
    expect(body.matrix.T5.T4).toBe(1);
    expect(body.matrix.T4.T3).toBe(1);
    const row = (await t.http.get(`/leads?channel=website&${window}`).set(late).expect(200)).body.items[0];
    expect(row).toMatchObject({ leadId: id, tier: 'T3' });
  });

  it('answers 409 READ_MODEL_BEHIND when minPosition is not reached in time', async () => {
    const { body } = await t.http.get(`/funnel?minPosition=${position + 1000}`).set(auth).expect(409);
    expect(body).toMatchObject({ code: 'READ_MODEL_BEHIND', field: 'minPosition' });
  });
});
