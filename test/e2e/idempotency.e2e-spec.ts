import { IdempotencyStore } from '../../apps/api/src/idempotency/idempotency-store.port';
import { requestHash } from '../../apps/api/src/idempotency/request-hash';
import { bearer, registration, useTestApp } from './support/test-app';

describe('Idempotency-Key', () => {
  const fx = useTestApp();

  it('replays the same answer for the same key and body, appending once', async () => {
    const body = registration();
    const first = await fx.t.http.post('/leads').set(fx.auth).set('Idempotency-Key', 'reg-1').send(body).expect(201);
    const head = await fx.t.store.headPosition();
    const again = await fx.t.http.post('/leads').set(fx.auth).set('Idempotency-Key', 'reg-1').send({ ...body }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(await fx.t.store.headPosition()).toBe(head);
  });

  it('answers the same key with another body with 422', async () => {
    const leadId = (await fx.t.http.post('/leads').set(fx.auth).send(registration()).expect(201)).body.leadId;
    await fx.t.http.post(`/leads/${leadId}/calls`).set(fx.auth).set('Idempotency-Key', 'call-1').send({ direction: 'outbound', outcome: 'connected' }).expect(201);
    const head = await fx.t.store.headPosition();
    const reused = await fx.t.http.post(`/leads/${leadId}/calls`).set(fx.auth).set('Idempotency-Key', 'call-1')
      .send({ direction: 'outbound', outcome: 'no_answer' }).expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await fx.t.store.headPosition()).toBe(head);
  });

  it('replays a 4xx answer too', async () => {
    const leadId = (await fx.t.http.post('/leads').set(fx.auth).send(registration()).expect(201)).body.leadId;
    const bad = { direction: 'outbound', outcome: 'connected', occurredAt: '2030-01-01T00:00:00.000Z' };
    const first = await fx.t.http.post(`/leads/${leadId}/calls`).set(fx.auth).set('Idempotency-Key', 'bad-1').send(bad).expect(400);
    const again = await fx.t.http.post(`/leads/${leadId}/calls`).set(fx.auth).set('Idempotency-Key', 'bad-1').send(bad).expect(400);
    expect(again.body).toEqual(first.body);
  });

  it('scopes keys by actor: another actor with the same key is a new request', async () => {
    const leadId = (await fx.t.http.post('/leads').set(fx.auth).send(registration()).expect(201)).body.leadId;
    const call = { direction: 'inbound', outcome: 'connected' };
    const a = await fx.t.http.post(`/leads/${leadId}/calls`).set(fx.auth).set('Idempotency-Key', 'k').send(call).expect(201);
    const b = await fx.t.http.post(`/leads/${leadId}/calls`).set(bearer(fx.t.token('crm_agent', 'agent-2'))).set('Idempotency-Key', 'k').send(call).expect(201);
    expect(b.body.revision).toBe(a.body.revision + 1);
  });

  it('puts the key into the metadata of the appended events', async () => {
    const res = await fx.t.http.post('/leads').set(fx.auth).set('Idempotency-Key', 'meta-1').send(registration()).expect(201);
    expect(res.body.events[0].metadata.idempotencyKey).toBe('meta-1');
  });

  it('after a crash between append and completion, answers the retry from the events carrying the key', async () => {
    const leadId = (await fx.t.http.post('/leads').set(fx.auth).send(registration()).expect(201)).body.leadId;
    const call = { direction: 'outbound', outcome: 'connected' };
    const path = `/leads/${leadId}/calls`;
    // What a process killed after its append leaves behind: its claim in progress, its event in the stream.
    const keys = fx.t.app.get(IdempotencyStore);
    const scope = `dealer-sh-01|consultant-1|POST|${path}`;
    await keys.claim({ scope, key: 'crash-1', requestHash: requestHash(call), owner: 'dead-process', claimedAt: fx.t.clock.now().toISOString() });
    const metadata = {
      eventId: 'e-crash', actor: { id: 'consultant-1', role: 'consultant' as const, dealerId: 'dealer-sh-01' }, correlationId: 'c',
      causationId: 'c', source: 'api' as const, schemaVersion: 1, occurredAt: fx.t.clock.now().toISOString(),
      recordedAt: fx.t.clock.now().toISOString(), idempotencyKey: 'crash-1',
    };
    await fx.t.store.append(`lead-${leadId}`, [{ type: 'CallLogged', data: call, metadata }], 0);
    const head = await fx.t.store.headPosition();
    const retry = await fx.t.http.post(path).set(fx.auth).set('Idempotency-Key', 'crash-1').send(call).expect(201);
    expect(retry.body).toMatchObject({ leadId, revision: 1, events: [{ type: 'CallLogged', revision: 1 }] });
    expect(retry.headers.etag).toBe('"1"');
    expect(await fx.t.store.headPosition()).toBe(head);
  });

  it('after a crash before the append, handles the retry anew', async () => {
    const leadId = (await fx.t.http.post('/leads').set(fx.auth).send(registration()).expect(201)).body.leadId;
    const call = { direction: 'outbound', outcome: 'busy' };
    const path = `/leads/${leadId}/calls`;
    const keys = fx.t.app.get(IdempotencyStore);
    await keys.claim({ scope: `dealer-sh-01|consultant-1|POST|${path}`, key: 'crash-2', requestHash: requestHash(call), owner: 'dead-process', claimedAt: fx.t.clock.now().toISOString() });
    const retry = await fx.t.http.post(path).set(fx.auth).set('Idempotency-Key', 'crash-2').send(call).expect(201);
    expect(retry.body.revision).toBe(1);
  });

  it('lets concurrent requests with one key append once: the others get 409 in progress or the replay', async () => {
    const leadId = (await fx.t.http.post('/leads').set(fx.auth).send(registration()).expect(201)).body.leadId;
    const call = { direction: 'inbound', outcome: 'busy' };
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => fx.t.http.post(`/leads/${leadId}/calls`).set(fx.auth).set('Idempotency-Key', 'concurrent-1').send(call)),
    );
    const fresh = responses.filter((r) => r.status === 201 && r.headers['idempotent-replayed'] === undefined);
    expect(fresh).toHaveLength(1);
    for (const r of responses.filter((x) => x !== fresh[0])) {
      if (r.status === 409) expect(r.body.code).toBe('IDEMPOTENCY_REQUEST_IN_PROGRESS');
      else expect(r.body).toEqual(fresh[0]!.body);
    }
    expect(await fx.t.store.readStream(`lead-${leadId}`)).toHaveLength(2);
  });
});
