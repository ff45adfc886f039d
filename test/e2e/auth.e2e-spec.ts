import { JwtService } from '@nestjs/jwt';
import { issueToken } from '../../apps/api/src/auth/token-issuer';
import { bearer, registration, startTestApp, TEST_SECRET, TestApp } from './support/test-app';

describe('authentication', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const sign = (claims: object, secret = TEST_SECRET, options: object = {}): string =>
    new JwtService({ secret }).sign(claims, { algorithm: 'HS256', ...options });

  it.each([
    ['no Authorization header', {}],
    ['a non-bearer scheme', { Authorization: 'Basic abc' }],
    ['a malformed token', { Authorization: 'Bearer not-a-jwt' }],
    ['a token signed with another secret', bearer(sign({ sub: 'a', role: 'consultant', dealer: 'd' }, 'another-secret-0123456789'))],
    // The app's clock is virtual (2026-01-05T09:00Z): expiry is judged by it.
    ['an expired token', bearer(sign({ sub: 'a', role: 'consultant', dealer: 'd', exp: Date.parse('2026-01-05T08:59:00Z') / 1000 }))],
    ['a token without a dealer', bearer(sign({ sub: 'a', role: 'consultant' }))],
    ['a token with an unknown role', bearer(sign({ sub: 'a', role: 'emperor', dealer: 'd' }))],
  ])('answers 401 UNAUTHENTICATED for %s, and appends nothing', async (_name, headers) => {
    const head = await t.store.headPosition();
    const res = await t.http.post('/leads').set(headers as Record<string, string>).send(registration()).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    await t.http.get('/leads/00000000-0000-4000-8000-000000000001').set(headers as Record<string, string>).expect(401);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('leaves /health and /docs open', async () => {
    await t.http.get('/health').expect(200);
    await t.http.get('/docs').expect(200);
    await t.http.get('/docs-json').expect(200);
  });

  it('judges tokens by the virtual clock, years past real time: a fresh one passes, an old one is expired', async () => {
    const issuedEarlier = bearer(issueToken(TEST_SECRET, { id: 'c-1', role: 'consultant', dealerId: 'dealer-sh-01' }, t.clock, '12h'));
    t.clock.set('2036-06-01T09:00:00.000Z');
    try {
      const fresh = bearer(t.token());
      const { leadId } = (await t.http.post('/leads').set(fresh).send(registration()).expect(201)).body as { leadId: string };
      await t.http.get(`/leads/${leadId}`).set(fresh).expect(200);
      const stale = await t.http.get(`/leads/${leadId}`).set(issuedEarlier).expect(401);
      expect(stale.body.code).toBe('UNAUTHENTICATED');
    } finally {
      t.clock.set('2026-01-05T09:00:00.000Z');
    }
  });

  it('puts the token actor into the metadata of the events it causes', async () => {
    const token = t.token('crm_agent', 'agent-7', 'dealer-bj-02');
    const res = await t.http.post('/leads').set(bearer(token)).send(registration()).expect(201);
    expect(res.body.events[0].metadata.actor).toEqual({ id: 'agent-7', role: 'crm_agent', dealerId: 'dealer-bj-02' });
    expect(res.body.events[0].data.dealerId).toBe('dealer-bj-02');
  });
});
