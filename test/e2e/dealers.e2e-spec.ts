import { bearer, DEALER, useTestApp } from './support/test-app';

const PATH = `/dealers/${DEALER}`;

describe('the dealer API: settings and consultants on the dealer stream', () => {
  const fx = useTestApp();
  const manager = () => bearer(fx.t.token('manager', 'manager-1'));

  it('answers the defaults before anything is set, with revision -1', async () => {
    const res = await fx.t.http.get(PATH).set(manager()).expect(200);
    expect(res.headers.etag).toBe('"-1"');
    expect(res.body).toMatchObject({
      dealerId: DEALER, revision: -1, consultants: [], cadence: {},
      settings: { timeZone: 'Asia/Shanghai', quietHours: { start: '21:00', end: '09:00' }, responseMinutes: { website: 60, walk_in: 1440 }, warningDays: { goingCold: 7 } },
    });
  });

  it('changes only what is sent; the same settings again change nothing', async () => {
    const body = { quietHours: { start: '20:30', end: '08:30' }, responseMinutes: { walk_in: 120 }, warningDays: { churn: 300 }, reason: 'new opening hours' };
    const changed = await fx.t.http.put(`${PATH}/settings`).set(manager()).send(body).expect(201);
    expect(changed.body.events).toEqual([expect.objectContaining({
      type: 'DealerSettingsChanged', data: { quietHours: { start: '20:30', end: '08:30' }, responseMinutes: { walk_in: 120 }, warningDays: { churn: 300 } },
      metadata: expect.objectContaining({ reason: 'new opening hours', actor: { id: 'manager-1', role: 'manager', dealerId: DEALER } }),
    })]);
    expect(changed.body.dealer.settings).toMatchObject({ timeZone: 'Asia/Shanghai', quietHours: { start: '20:30', end: '08:30' }, responseMinutes: { walk_in: 120, website: 60 } });
    const again = await fx.t.http.put(`${PATH}/settings`).set(manager()).send(body).expect(200);
    expect(again.body.events).toEqual([]);
    expect((await fx.t.http.get(PATH).set(manager()).expect(200)).body.settings.warningDays.churn).toBe(300);
  });

  it('adds and removes consultants, in round-robin order', async () => {
    await fx.t.http.post(`${PATH}/consultants`).set(manager()).send({ consultantId: 'c-li', name: 'Li Na' }).expect(201);
    await fx.t.http.post(`${PATH}/consultants`).set(manager()).send({ consultantId: 'c-zhao', name: 'Zhao Lei' }).expect(201);
    await fx.t.http.post(`${PATH}/consultants`).set(manager()).send({ consultantId: 'c-li', name: 'Li Na' }).expect(200);
    const removed = await fx.t.http.delete(`${PATH}/consultants/c-li`).set(manager()).expect(200);
    expect(removed.body.events).toEqual([expect.objectContaining({ type: 'ConsultantLeft', data: { consultantId: 'c-li' } })]);
    expect(removed.body.dealer.consultants).toEqual([{ consultantId: 'c-zhao', name: 'Zhao Lei' }]);
    const missing = await fx.t.http.delete(`${PATH}/consultants/c-li`).set(manager()).expect(404);
    expect(missing.body).toMatchObject({ code: 'CONSULTANT_NOT_FOUND', field: 'consultantId' });
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }, 'INVALID_TIME_ZONE', 'timeZone'],
    [{ quietHours: { start: '25:00', end: '08:00' } }, 'VALIDATION_FAILED', 'quietHours.start'],
    [{ quietHours: { start: '21:00' } }, 'VALIDATION_FAILED', 'quietHours.end'],
    [{ responseMinutes: { carrier_pigeon: 5 } }, 'INVALID_RESPONSE_MINUTES', 'responseMinutes.carrier_pigeon'],
    [{ responseMinutes: { website: -5 } }, 'INVALID_RESPONSE_MINUTES', 'responseMinutes.website'],
    [{ warningDays: { goingCold: 0 } }, 'VALIDATION_FAILED', 'warningDays.goingCold'],
    [{ warningDays: { sleepy: 3 } }, 'VALIDATION_FAILED', 'warningDays.sleepy'],
    [{ cadence: { tiers: { T2: { handOff: false, touches: [{ rule: 'x' }] } } } }, 'INVALID_CADENCE', 'cadence.tiers.T2.touches[0].purpose'],
    [{ dealerId: 'dealer-other' }, 'VALIDATION_FAILED', 'dealerId'],
  ])('refuses %j with 400 naming the field, appending nothing', async (body, code, field) => {
    const head = await fx.t.store.headPosition();
    const res = await fx.t.http.put(`${PATH}/settings`).set(manager()).send(body).expect(400);
    expect(res.body).toMatchObject({ code, field });
    expect(await fx.t.store.headPosition()).toBe(head);
  });

  it("answers another dealer's id with 404 and other roles of the dealer with 403", async () => {
    const head = await fx.t.store.headPosition();
    const other = await fx.t.http.put('/dealers/dealer-other/settings').set(manager()).send({ timeZone: 'Europe/Berlin' }).expect(404);
    expect(other.body.code).toBe('DEALER_NOT_FOUND');
    await fx.t.http.get('/dealers/dealer-other').set(bearer(fx.t.token('consultant'))).expect(404);
    for (const role of ['consultant', 'crm_agent'] as const) {
      const res = await fx.t.http.post(`${PATH}/consultants`).set(bearer(fx.t.token(role))).send({ consultantId: 'c-x', name: 'X' }).expect(403);
      expect(res.body.code).toBe('DEALER_ACCESS_FORBIDDEN');
      await fx.t.http.get(PATH).set(bearer(fx.t.token(role))).expect(403);
    }
    await fx.t.http.get(PATH).set(bearer(fx.t.token('admin', 'admin-1'))).expect(200);
    await fx.t.http.get(PATH).expect(401);
    expect(await fx.t.store.headPosition()).toBe(head);
  });

  it('refuses a change based on a stale revision with 412', async () => {
    const { headers } = await fx.t.http.get(PATH).set(manager()).expect(200);
    await fx.t.http.put(`${PATH}/settings`).set(manager()).set('If-Match', headers.etag as string).send({ timeZone: 'Asia/Urumqi' }).expect(201);
    const stale = await fx.t.http.put(`${PATH}/settings`).set(manager()).set('If-Match', headers.etag as string).send({ timeZone: 'Asia/Shanghai' }).expect(412);
    expect(stale.body.code).toBe('DEALER_REVISION_MISMATCH');
  });
});
