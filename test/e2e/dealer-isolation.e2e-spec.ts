import { bearer, registration, startTestApp, TestApp } from './support/test-app';

describe("a dealer's leads are invisible to every other dealer", () => {
  let t: TestApp;
  let leadId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const owner = bearer(t.token('consultant', 'consultant-1', 'dealer-sh-01'));
    leadId = (await t.http.post('/leads').set(owner).send(registration()).expect(201)).body.leadId;
  });
  afterAll(() => t.close());

  const stranger = () => bearer(t.token('manager', 'manager-9', 'dealer-bj-02'));

  it.each(['', '/events', '/state?at=2026-01-05T09:00:00.000Z'])('GET /leads/:id%s answers 404 as for a missing lead', async (suffix) => {
    const res = await t.http.get(`/leads/${leadId}${suffix}`).set(stranger()).expect(404);
    expect(res.body.code).toBe('LEAD_NOT_FOUND');
  });

  it('a command on the lead answers 404 and appends nothing', async () => {
    const before = await t.store.headPosition();
    const res = await t.http.post(`/leads/${leadId}/calls`).set(stranger())
      .send({ direction: 'outbound', outcome: 'connected' }).expect(404);
    expect(res.body.code).toBe('LEAD_NOT_FOUND');
    expect(await t.store.headPosition()).toBe(before);
  });

  it('the owning dealer still sees it', async () => {
    await t.http.get(`/leads/${leadId}`).set(bearer(t.token('crm_agent', 'agent-2', 'dealer-sh-01'))).expect(200);
  });
});
