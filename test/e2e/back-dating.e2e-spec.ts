import { registration, useTestApp } from './support/test-app';

describe('as it was (occurredAt) and as the system knew it (recordedAt)', () => {
  const fx = useTestApp();

  it('a back-dated call changes the answer for `at` but not for `asOf`', async () => {
    fx.t.clock.set('2026-01-05T09:00:00.000Z');
    const leadId = (await fx.t.http.post('/leads').set(fx.auth).send(registration()).expect(201)).body.leadId;
    fx.t.clock.set('2026-01-06T12:00:00.000Z');
    await fx.t.http.post(`/leads/${leadId}/purchase-intent-assessments`).set(fx.auth).send({ timeframe: 'in_4_6_months' }).expect(201);

    const query = `/leads/${leadId}/state?at=2026-01-06T10:00:00.000Z&asOf=2026-01-06T13:00:00.000Z`;
    const atOnly = `/leads/${leadId}/state?at=2026-01-06T10:00:00.000Z`;
    const asOfOnly = `/leads/${leadId}/state?asOf=2026-01-06T13:00:00.000Z`;
    const atBefore = (await fx.t.http.get(atOnly).set(fx.auth).expect(200)).body;
    const asOfBefore = (await fx.t.http.get(asOfOnly).set(fx.auth).expect(200)).body;
    expect(atBefore.state.tier).toBeUndefined();

    // Next morning the consultant logs yesterday's 09:30 assessment, which said "within a month".
    fx.t.clock.set('2026-01-07T08:00:00.000Z');
    await fx.t.http.post(`/leads/${leadId}/purchase-intent-assessments`).set(fx.auth)
      .send({ timeframe: 'within_1_month', occurredAt: '2026-01-06T09:30:00.000Z' }).expect(201);

    const atAfter = (await fx.t.http.get(atOnly).set(fx.auth).expect(200)).body;
    const asOfAfter = (await fx.t.http.get(asOfOnly).set(fx.auth).expect(200)).body;
    expect(atAfter.state.tier).toBe('T1');
    expect(asOfAfter).toEqual(asOfBefore);
    expect(asOfAfter.state.tier).toBe('T3');

    // By occurredAt the back-dated T1 came before the T3 assessment, so "as it was" later is T3, and the current
    // state agrees: it is folded in the same order, whatever order the facts were recorded in.
    const now = (await fx.t.http.get(`/leads/${leadId}/state?at=2026-01-07T08:00:00.000Z`).set(fx.auth).expect(200)).body;
    expect(now.state.tier).toBe('T3');
    const current = (await fx.t.http.get(`/leads/${leadId}`).set(fx.auth).expect(200)).body;
    expect(current.state).toEqual(now.state);
    const both = (await fx.t.http.get(query).set(fx.auth).expect(200)).body;
    expect(both).toMatchObject({ at: '2026-01-06T10:00:00.000Z', asOf: '2026-01-06T13:00:00.000Z' });
    expect(both.state.tier).toBeUndefined();
  });

  it('refuses a fact dated before the fact it follows from, and appends nothing', async () => {
    fx.t.clock.set('2026-01-05T09:00:00.000Z');
    const leadId = (await fx.t.http.post('/leads').set(fx.auth).send(registration()).expect(201)).body.leadId;
    fx.t.clock.set('2026-01-05T12:00:00.000Z');
    await fx.t.http.post(`/leads/${leadId}/win`).set(fx.auth).send({ orderRef: 'SO-1' }).expect(201);
    const before = (await fx.t.http.get(`/leads/${leadId}/events`).set(fx.auth).expect(200)).body.events.length;
    const early = await fx.t.http.post(`/leads/${leadId}/delivery`).set(fx.auth).send({ occurredAt: '2026-01-05T11:00:00.000Z' }).expect(400);
    expect(early.body).toMatchObject({ code: 'OCCURRED_BEFORE_PREREQUISITE', field: 'occurredAt' });
    expect((await fx.t.http.get(`/leads/${leadId}/events`).set(fx.auth).expect(200)).body.events).toHaveLength(before);
  });

  it('answers 404 for an unknown lead and 400 for a bad time', async () => {
    const unknown = '00000000-0000-4000-8000-0000000000aa';
    const res = await fx.t.http.get(`/leads/${unknown}/state?at=2026-01-06T10:00:00.000Z`).set(fx.auth).expect(404);
    expect(res.body.code).toBe('LEAD_NOT_FOUND');
    const bad = await fx.t.http.get(`/leads/${unknown}/state?at=yesterday`).set(fx.auth).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'at' });
  });
});
