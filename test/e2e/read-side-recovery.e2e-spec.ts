import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { bearer, registration, startTestApp, TestApp } from './support/test-app';

// Its own database index: FLUSHDB here cannot touch the keys other tests keep elsewhere.
const RECOVERY_DB_URL = process.env.TEST_REDIS_RECOVERY_URL ?? 'redis://127.0.0.1:6379/10';
// Nothing listens here: Redis is "down" from the first request on.
const NOWHERE_URL = 'redis://127.0.0.1:1';

describe('read side when Redis loses everything (issue 10, point 5)', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  const admin = new Redis(RECOVERY_DB_URL);

  beforeAll(async () => {
    t = await startTestApp({ READ_STORE: 'redis', REDIS_URL: RECOVERY_DB_URL, REDIS_KEY_PREFIX: `test:${randomUUID()}:` });
    auth = bearer(t.token());
  });
  afterAll(async () => {
    await t.close();
    await admin.flushdb();
    admin.disconnect();
  });

  it('answers 503 READ_MODEL_REBUILDING with Retry-After while rebuilding, never partial counts', async () => {
    let position = 0;
    for (let i = 0; i < 40; i += 1) position = (await t.http.post('/leads').set(auth).send(registration()).expect(201)).body.position;
    const before = await t.http.get(`/funnel?minPosition=${position}`).set(auth).expect(200);
    expect(before.body.total.leads).toBe(40);

    await admin.flushdb();
    const answers: string[] = [];
    for (;;) {
      const [funnel, tiers] = await Promise.all([t.http.get('/funnel').set(auth), t.http.get('/tiers').set(auth)]);
      for (const res of [funnel, tiers]) {
        if (res.status === 503) {
          expect(res.body.code).toBe('READ_MODEL_REBUILDING');
          expect(res.headers['retry-after']).toBe('1');
          answers.push('503');
        } else {
          expect(res.status).toBe(200);
          answers.push('200');
        }
      }
      if (funnel.status === 200) {
        // Whatever answers 200 answers for every lead: a rebuilt model goes live only once complete.
        expect(funnel.body.total.leads).toBe(40);
      }
      if (funnel.status === 200 && tiers.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(answers).toContain('503');
    const health = await t.http.get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', readStore: 'up' });
  });
});

describe('read side when Redis does not answer', () => {
  let t: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp({ READ_STORE: 'redis', REDIS_URL: NOWHERE_URL, REDIS_KEY_PREFIX: `test:${randomUUID()}:` });
    auth = bearer(t.token());
  });
  afterAll(() => t.close());

  it('answers queries 503 READ_STORE_UNAVAILABLE at once, and /health 503 naming the read store', async () => {
    // The first request may still meet the connection being tried; the ones after it must not wait for retries.
    await t.http.get('/funnel').set(auth);
    const timings: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      const res = await t.http.get('/funnel').set(auth).expect(503);
      timings.push(performance.now() - started);
      expect(res.body.code).toBe('READ_STORE_UNAVAILABLE');
      expect(res.headers['retry-after']).toBe('1');
    }
    expect(Math.max(...timings)).toBeLessThan(500);
    const health = await t.http.get('/health').expect(503);
    expect(health.body).toMatchObject({ status: 'down', eventStore: 'up', readStore: 'down' });
  });
});
