import { bearer, registration, startTestApp, TestApp } from './support/test-app';

describe('optimistic concurrency over HTTP', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  const call = { direction: 'outbound', outcome: 'connected' };

  beforeAll(async () => {
    t = await startTestApp();
    auth = bearer(t.token());
  });
  afterAll(() => t.close());

  const register = async (): Promise<string> => (await t.http.post('/leads').set(auth).send(registration()).expect(201)).body.leadId;

  it('answers a stale If-Match with 412 and appends nothing', async () => {
    const leadId = await register();
    await t.http.post(`/leads/${leadId}/calls`).set(auth).set('If-Match', '"0"').send(call).expect(201);
    const head = await t.store.headPosition();
    const stale = await t.http.post(`/leads/${leadId}/calls`).set(auth).set('If-Match', '"0"').send(call).expect(412);
    expect(stale.body).toMatchObject({
      code: 'LEAD_REVISION_MISMATCH', field: 'If-Match', details: { expectedRevision: 0, currentRevision: 1 },
    });
    // The answer speaks of the lead, not of the store: no internal stream id reaches the client.
    expect(JSON.stringify(stale.body)).not.toContain(`lead-${leadId}`);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('rejects an If-Match that is not a revision with 400', async () => {
    const leadId = await register();
    const res = await t.http.post(`/leads/${leadId}/calls`).set(auth).set('If-Match', 'abc').send(call).expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_IF_MATCH', field: 'If-Match' });
  });

  it('lets exactly one of 20 concurrent commands with the same If-Match through', async () => {
    const leadId = await register();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => t.http.post(`/leads/${leadId}/calls`).set(auth).set('If-Match', '"0"').send(call)),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s >= 200 && s < 300)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const events = await t.store.readStream(`lead-${leadId}`);
    expect(events).toHaveLength(2);
  });

  it('without If-Match, 20 concurrent commands all succeed with revisions 1..20 and no gap', async () => {
    const leadId = await register();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => t.http.post(`/leads/${leadId}/calls`).set(auth).send(call)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const revisions = responses.map((r) => r.body.revision as number).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const stored = await t.store.readStream(`lead-${leadId}`);
    expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: 21 }, (_, i) => i));
  });
});
