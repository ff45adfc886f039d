import { registration, useTestApp } from './support/test-app';

describe('lead walk-through over HTTP', () => {
  const fx = useTestApp();

  it('registers, calls, assesses, test-drives, quotes and wins, revision by revision', async () => {
    const registered = await fx.t.http.post('/leads').set(fx.auth).send(registration()).expect(201);
    const leadId = registered.body.leadId as string;
    expect(registered.headers.etag).toBe('"0"');
    expect(registered.body).toMatchObject({ revision: 0, events: [{ type: 'LeadRegistered', revision: 0 }] });
    expect(registered.body.position).toBeGreaterThan(0);
    expect(registered.body.events[0].metadata).toMatchObject({
      actor: { id: 'consultant-1', role: 'consultant', dealerId: 'dealer-sh-01' }, source: 'api', schemaVersion: 1,
      occurredAt: '2026-01-05T09:00:00.000Z', recordedAt: '2026-01-05T09:00:00.000Z',
    });

    fx.t.clock.advance(60_000);
    const call = await fx.t.http.post(`/leads/${leadId}/calls`).set(fx.auth).set('If-Match', '"0"')
      .send({ direction: 'outbound', outcome: 'connected', durationSeconds: 120, reason: 'first follow-up' }).expect(201);
    expect(call.headers.etag).toBe('"1"');
    expect(call.body.events[0].metadata.reason).toBe('first follow-up');

    const assessed = await fx.t.http.post(`/leads/${leadId}/purchase-intent-assessments`).set(fx.auth).send({ timeframe: 'within_1_month' }).expect(201);
    expect(assessed.body.events[0].data).toMatchObject({ timeframe: 'within_1_month', tier: 'T1' });

    const scheduled = await fx.t.http.post(`/leads/${leadId}/test-drives`).set(fx.auth)
      .send({ model: 'Model S', scheduledFor: '2026-01-06T10:00:00.000Z' }).expect(201);
    const testDriveId = scheduled.body.events[0].data.testDriveId as string;
    await fx.t.http.post(`/leads/${leadId}/test-drives/${testDriveId}/completion`).set(fx.auth).send({ feedback: 'loved it' }).expect(201);

    const quote = await fx.t.http.post(`/leads/${leadId}/quotes`).set(fx.auth)
      .send({ model: 'Model S', quantity: 1, unitPrice: { amount: 300000, currency: 'CNY' } }).expect(201);
    const quoteId = quote.body.events[0].data.quoteId as string;
    const won = await fx.t.http.post(`/leads/${leadId}/win`).set(fx.auth).send({ quoteId }).expect(201);
    expect(won.body.events[0].type).toBe('DealWon');

    const current = await fx.t.http.get(`/leads/${leadId}`).set(fx.auth).expect(200);
    expect(current.headers.etag).toBe(`"${won.body.revision}"`);
    expect(current.body.state).toMatchObject({ status: 'won', leadId, tier: 'T1' });

    const history = await fx.t.http.get(`/leads/${leadId}/events?limit=3`).set(fx.auth).expect(200);
    expect(history.body.events.map((e: { revision: number }) => e.revision)).toEqual([0, 1, 2]);
    expect(history.body.nextAfter).toBe(2);
    const rest = await fx.t.http.get(`/leads/${leadId}/events?after=2`).set(fx.auth).expect(200);
    expect(rest.body.events.map((e: { type: string }) => e.type)).toEqual(['TestDriveScheduled', 'TestDriveCompleted', 'QuoteGiven', 'DealWon']);
    expect(rest.body.nextAfter).toBeNull();
  });

  it('answers a command that changes nothing with 200 and the current revision', async () => {
    const { body } = await fx.t.http.post('/leads').set(fx.auth).send(registration()).expect(201);
    const same = await fx.t.http.post(`/leads/${body.leadId}/marketing-consent`).set(fx.auth).send({ marketingConsent: true }).expect(200);
    expect(same.headers.etag).toBe('"0"');
    expect(same.body).toMatchObject({ revision: 0, events: [] });
  });

  it('serves /health without a token', async () => {
    const health = await fx.t.http.get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', eventStore: 'up', readStore: 'up' });
    expect(health.body.projections.map((p: { name: string; state: string }) => `${p.name}:${p.state}`).sort())
      .toEqual(['funnel:live', 'showroom:live', 'tiers:live', 'touches:live', 'warnings:live']);
  });
});
