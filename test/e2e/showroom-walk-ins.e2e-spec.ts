import { randomUUID } from 'node:crypto';
import { IdempotencyStore } from '../../apps/api/src/idempotency/idempotency-store.port';
import { requestHash } from '../../apps/api/src/idempotency/request-hash';
import { deletePrefix, TEST_REDIS_URL } from '../../libs/projections/src/testing/read-store.harness';
import { bearer, DEALER, registration, startTestApp, TestApp } from './support/test-app';

const PATH = '/showroom/unrecorded-walk-ins';
const TODAY_STREAM = `showroom-${DEALER}-2026-01-05`;

describe.each([
  ['SQLite', () => ({ READ_STORE: 'sqlite' })],
  ['Redis', () => ({ READ_STORE: 'redis', REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: `test:${randomUUID()}:` })],
])('walk-ins that left no record (%s read store)', (_label, env) => {
  let t: TestApp;
  let auth: { Authorization: string };
  const settings = env() as Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp(settings);
    auth = bearer(t.token());
  });
  afterAll(async () => {
    await t.close();
    if (settings.REDIS_KEY_PREFIX) await deletePrefix(TEST_REDIS_URL, settings.REDIS_KEY_PREFIX);
  });

  it('counts them in the funnel per consultant, channel and month of the visit', async () => {
    await t.http.post('/leads').set(auth).send(registration()).expect(201);
    await t.http.post(PATH).set(auth).send({ visitors: 3, consultantId: 'consultant-1', intendedModel: 'Model S' }).expect(201);
    await t.http.post(PATH).set(auth).send({ visitors: 2, occurredAt: '2026-01-04T10:00:00+08:00', note: 'browsed' }).expect(201);
    const last = await t.http.post(PATH).set(auth).send({ visitors: 1 }).expect(201);

    const { body } = await t.http.get(`/funnel?minPosition=${last.body.position}`).set(auth).expect(200);
    expect(body.total).toMatchObject({ leads: 1, walkInsWithoutRecord: 6 });
    expect(body.byConsultant['consultant-1'].walkInsWithoutRecord).toBe(3);
    expect(body.byConsultant.unassigned).toMatchObject({ leads: 1, walkInsWithoutRecord: 3 });
    expect(body.byChannel.walk_in).toMatchObject({ leads: 1, walkInsWithoutRecord: 6 });
    expect(body.byPeriod['2026-01'].walkInsWithoutRecord).toBe(6);

    const yesterday = await t.http.get('/funnel?from=2026-01-04T00:00:00Z&to=2026-01-05T00:00:00Z').set(auth).expect(200);
    expect(yesterday.body.total).toMatchObject({ leads: 0, walkInsWithoutRecord: 2 });
    const other = await t.http.get('/funnel').set(bearer(t.token('manager', 'm-9', 'dealer-other'))).expect(200);
    expect(other.body.total.walkInsWithoutRecord).toBe(0);
  });

  it('appends to the dealer-and-day stream with the metadata every lead event carries', async () => {
    t.clock.advance(60_000);
    const res = await t.http.post(PATH).set(auth).set('X-Correlation-Id', 'corr-42').set('X-Request-Id', 'req-42')
      .send({ visitors: 4, reason: 'door counter' }).expect(201);
    const now = t.clock.now().toISOString();
    const [event] = res.body.events;
    expect(event).toMatchObject({
      type: 'UnrecordedWalkInCounted', data: { dealerId: DEALER, visitors: 4 },
      metadata: {
        eventId: expect.any(String), actor: { id: 'consultant-1', role: 'consultant', dealerId: DEALER }, correlationId: 'corr-42',
        causationId: 'req-42', source: 'api', schemaVersion: 1, occurredAt: now, recordedAt: now, reason: 'door counter',
      },
    });
    const stream = await t.store.readStream(TODAY_STREAM);
    expect(stream[stream.length - 1]).toMatchObject({ position: res.body.position, revision: event.revision, metadata: event.metadata });
    expect(await t.store.readStream(`showroom-${DEALER}-2026-01-04`)).toHaveLength(1);
  });

  it.each([
    [{ visitors: 2, dealerId: 'dealer-other' }, 'dealerId', 'VALIDATION_FAILED'],
    [{}, 'visitors', 'VALIDATION_FAILED'],
    [{ visitors: 0 }, 'visitors', 'VALIDATION_FAILED'],
    [{ visitors: 51 }, 'visitors', 'VALIDATION_FAILED'],
    [{ visitors: 1.5 }, 'visitors', 'VALIDATION_FAILED'],
    [{ visitors: 2, occurredAt: 'yesterday' }, 'occurredAt', 'VALIDATION_FAILED'],
    [{ visitors: 2, occurredAt: '2030-01-01T00:00:00Z' }, 'occurredAt', 'OCCURRED_IN_FUTURE'],
    [{ visitors: 2, occurredAt: '2025-12-01T00:00:00Z' }, 'occurredAt', 'BACKDATED_TOO_FAR'],
  ])('rejects %j with 400 naming the field, appending nothing', async (body, field, code) => {
    const head = await t.store.headPosition();
    const res = await t.http.post(PATH).set(auth).send(body).expect(400);
    expect(res.body).toMatchObject({ code, field });
    expect(await t.store.headPosition()).toBe(head);
  });

  it('needs a token', async () => {
    await t.http.post(PATH).send({ visitors: 1 }).expect(401);
  });

  it('replays the answer for the same Idempotency-Key and body, appending once', async () => {
    const first = await t.http.post(PATH).set(auth).set('Idempotency-Key', 'door-1').send({ visitors: 2 }).expect(201);
    const head = await t.store.headPosition();
    const again = await t.http.post(PATH).set(auth).set('Idempotency-Key', 'door-1').send({ visitors: 2 }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.body.events[0].metadata.idempotencyKey).toBe('door-1');
    await t.http.post(PATH).set(auth).set('Idempotency-Key', 'door-1').send({ visitors: 3 }).expect(422);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('after a crash between append and completion, answers the retry from the events carrying the key', async () => {
    const body = { visitors: 5 };
    const keys = t.app.get(IdempotencyStore);
    const now = t.clock.now().toISOString();
    await keys.claim({ scope: `${DEALER}|consultant-1|POST|${PATH}`, key: 'crash-1', requestHash: requestHash(body), owner: 'dead-process', claimedAt: now });
    const actor = { id: 'consultant-1', role: 'consultant' as const, dealerId: DEALER };
    const metadata = {
      eventId: 'e-crash', actor, correlationId: 'c', causationId: 'c', source: 'api' as const, schemaVersion: 1,
      occurredAt: now, recordedAt: now, idempotencyKey: 'crash-1',
    };
    const appended = await t.store.append(TODAY_STREAM, [{ type: 'UnrecordedWalkInCounted', data: { dealerId: DEALER, ...body }, metadata }], 'any');
    const retry = await t.http.post(PATH).set(auth).set('Idempotency-Key', 'crash-1').send(body).expect(201);
    expect(retry.body).toMatchObject({ position: appended.position, events: [{ type: 'UnrecordedWalkInCounted', revision: appended.nextRevision }] });
    expect(await t.store.headPosition()).toBe(appended.position);
  });
});
