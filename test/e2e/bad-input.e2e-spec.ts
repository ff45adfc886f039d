import fc from 'fast-check';
import { bearer, registration, startTestApp, TestApp } from './support/test-app';

type Case = [name: string, send: (t: TestApp, leadId: string) => Promise<{ status: number; body: Record<string, unknown> }>, status: number, expected: Record<string, unknown>];

const UNKNOWN = '00000000-0000-4000-8000-00000000dead';

describe('bad input: a 4xx with a code, and nothing appended', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let leadId: string;

  beforeAll(async () => {
    t = await startTestApp();
    auth = bearer(t.token());
    leadId = (await t.http.post('/leads').set(auth).send(registration()).expect(201)).body.leadId;
  });
  afterAll(() => t.close());

  const post = (path: string, body: unknown) => (tt: TestApp) => tt.http.post(path).set(auth).send(body as object);
  const call = (id: string) => `/leads/${id}/calls`;

  const cases: Case[] = [
    ['wrong type (boolean as string)', (tt) => post('/leads', registration({ marketingConsent: 'yes' }))(tt), 400, { code: 'VALIDATION_FAILED', field: 'marketingConsent' }],
    ['wrong type (number as name)', (tt) => post('/leads', registration({ name: 42 }))(tt), 400, { code: 'VALIDATION_FAILED', field: 'name' }],
    ['wrong nested type', (tt, id) => post(`/leads/${id}/quotes`, { model: 'S', quantity: 1, unitPrice: 5 })(tt), 400, { code: 'VALIDATION_FAILED', field: 'unitPrice' }],
    ['missing field', (tt) => post('/leads', registration({ channel: undefined }))(tt), 400, { code: 'VALIDATION_FAILED', field: 'channel' }],
    ['unknown field', (tt) => post('/leads', registration({ favouriteColour: 'red' }))(tt), 400, { code: 'VALIDATION_FAILED', field: 'favouriteColour' }],
    ['unknown nested field', (tt) => post('/leads', registration({ profile: { intendedModels: [], shoeSize: 42 } }))(tt), 400, { code: 'VALIDATION_FAILED', field: 'profile.shoeSize' }],
    ['malformed JSON', (tt) => tt.http.post('/leads').set(auth).set('Content-Type', 'application/json').send('{"name": "Wang",'), 400, { code: 'MALFORMED_JSON' }],
    ['JSON that is not an object', (tt) => tt.http.post('/leads').set(auth).set('Content-Type', 'application/json').send('"hello"'), 400, { code: 'MALFORMED_JSON' }],
    ['an array body', (tt, id) => post(call(id), [{ direction: 'outbound', outcome: 'connected' }])(tt), 400, { code: 'VALIDATION_FAILED' }],
    ['a text body', (tt, id) => tt.http.post(call(id)).set(auth).set('Content-Type', 'text/plain').send('call me'), 400, { code: 'VALIDATION_FAILED' }],
    ['bad phone', (tt) => post('/leads', registration({ phone: '12345' }))(tt), 400, { code: 'INVALID_PHONE', field: 'phone' }],
    ['a mobile number a digit short', (tt) => post('/leads', registration({ phone: '138 1234 567' }))(tt), 400, { code: 'INVALID_PHONE', field: 'phone' }],
    ['a mobile number a digit long', (tt) => post('/leads', registration({ phone: '138123456789' }))(tt), 400, { code: 'INVALID_PHONE', field: 'phone' }],
    ['a letter in a phone number', (tt) => post('/leads', registration({ phone: '1380013800O' }))(tt), 400, { code: 'INVALID_PHONE', field: 'phone' }],
    ['a letter in a changed phone number', (tt, id) => post(`/leads/${id}/contact-details`, { phone: '1380013800O' })(tt), 400, { code: 'INVALID_PHONE', field: 'phone' }],
    ['bad timeframe', (tt, id) => post(`/leads/${id}/purchase-intent-assessments`, { timeframe: 'someday' })(tt), 400, { code: 'VALIDATION_FAILED', field: 'timeframe' }],
    ['bad vocabulary value', (tt, id) => post(call(id), { direction: 'sideways', outcome: 'connected' })(tt), 400, { code: 'VALIDATION_FAILED', field: 'direction' }],
    ['negative quantity', (tt, id) => post(`/leads/${id}/quotes`, { model: 'S', quantity: -1, unitPrice: { amount: 1, currency: 'CNY' } })(tt), 400, { code: 'VALIDATION_FAILED', field: 'quantity' }],
    ['occurredAt without a time zone', (tt, id) => post(call(id), { direction: 'outbound', outcome: 'connected', occurredAt: '2026-01-05T08:00:00' })(tt), 400, { field: 'occurredAt' }],
    ['occurredAt in the future', (tt, id) => post(call(id), { direction: 'outbound', outcome: 'connected', occurredAt: '2027-01-01T00:00:00Z' })(tt), 400, { code: 'OCCURRED_IN_FUTURE' }],
    ['a test drive scheduled in 1900', (tt, id) => post(`/leads/${id}/test-drives`, { model: 'S', scheduledFor: '1900-01-01T10:00:00Z' })(tt), 400, { code: 'SCHEDULED_IN_PAST', field: 'scheduledFor' }],
    ['a budget with min above max', (tt) => post('/leads', registration({ profile: { intendedModels: [], budget: { min: 300000, max: 200000, currency: 'CNY' } } }))(tt), 400, { code: 'INVALID_BUDGET', field: 'profile.budget.min' }],
    ['a needs analysis budget with min above max', (tt, id) => post(`/leads/${id}/needs-analysis`, { intendedModels: ['S'], budget: { min: 2, max: 1, currency: 'CNY' } })(tt), 400, { code: 'INVALID_BUDGET', field: 'budget.min' }],
    ['unknown lead id', (tt) => post(call(UNKNOWN), { direction: 'outbound', outcome: 'connected' })(tt), 404, { code: 'LEAD_NOT_FOUND' }],
    ['unknown lead id on read', (tt) => tt.http.get(`/leads/${UNKNOWN}`).set(auth), 404, { code: 'LEAD_NOT_FOUND' }],
    ['lead id that is not a UUID', (tt) => post(call('42'), { direction: 'outbound', outcome: 'connected' })(tt), 400, { code: 'VALIDATION_FAILED', field: 'id' }],
    ['unknown test drive', (tt, id) => post(`/leads/${id}/test-drives/${UNKNOWN}/completion`, {})(tt), 404, { code: 'TEST_DRIVE_NOT_FOUND' }],
    ['bad paging', (tt, id) => tt.http.get(`/leads/${id}/events?limit=abc`).set(auth), 400, { code: 'VALIDATION_FAILED', field: 'limit', message: 'limit must be an integer number' }],
    ['a non-number read position', (tt) => tt.http.get('/funnel?minPosition=abc').set(auth), 400, { code: 'VALIDATION_FAILED', field: 'minPosition', message: 'minPosition must be an integer number' }],
    ['bad Idempotency-Key', (tt, id) => tt.http.post(call(id)).set(auth).set('Idempotency-Key', 'k'.repeat(300)).send({ direction: 'outbound', outcome: 'connected' }), 400, { code: 'INVALID_IDEMPOTENCY_KEY' }],
    ['bad percent-encoding in the path', (tt) => tt.http.post('/leads/%E0%A4%A/calls').set(auth).send({}), 400, {}],
    ['an unsupported charset', (tt) => tt.http.post('/leads').set(auth).set('Content-Type', 'application/json; charset=klingon').send('{}'), 415, {}],
    ['a prototype-polluting body', (tt, id) => tt.http.post(call(id)).set(auth).set('Content-Type', 'application/json').send('{"direction":"outbound","outcome":"connected","__proto__":{"admin":true}}'), 400, { code: 'MALFORMED_JSON' }],
    ['unknown route', (tt) => tt.http.post('/leads/x/y/z').set(auth).send({}), 404, { code: 'NOT_FOUND' }],
    ['oversize body (1.1 MB)', (tt) => post('/leads', registration({ campaign: 'x'.repeat(1_100_000) }))(tt), 413, { code: 'PAYLOAD_TOO_LARGE' }],
  ];

  it.each(cases)('%s', async (_name, send, status, expected) => {
    const head = await t.store.headPosition();
    const res = await send(t, leadId);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject(expected);
    expect(typeof res.body.message).toBe('string');
    expect(await t.store.headPosition()).toBe(head);
  });

  it('does not read a body sent with a query: a malformed or oversize one changes nothing', async () => {
    await t.http.get(`/leads/${leadId}`).set(auth).set('Content-Type', 'application/json').send('{"oops":').expect(200);
    await t.http.get('/funnel').set(auth).set('Content-Type', 'application/json').send(JSON.stringify({ pad: 'x'.repeat(1_100_000) })).expect(200);
  });

  it('never answers arbitrary JSON with a 5xx', async () => {
    const paths = ['/leads', call(leadId), `/leads/${leadId}/quotes`, `/leads/${leadId}/loss`, `/leads/${leadId}/contact-details`];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue(), async (path, body) => {
        const res = await t.http.post(path).set(auth).set('Content-Type', 'application/json').send(JSON.stringify(body));
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});
