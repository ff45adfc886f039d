import { NurtureSagaRunner } from '@crm/nurture/nest';
import { bearer, DEALER, nextPhone, registration, useTestApp } from './support/test-app';

interface StoredTouch { touchId: string; purpose: string; rule: string; dueAt: string }

describe('nurture over HTTP: hand-off, touches, after-sale data, consent, lookup by phone (saga in process)', () => {
  const fx = useTestApp({ NURTURE_IN_PROCESS: 'true' });
  const manager = () => bearer(fx.t.token('manager', 'manager-1'));
  const settle = () => fx.t.app.get(NurtureSagaRunner).settle();
  const touchesOf = async (leadId: string): Promise<StoredTouch[]> => {
    const { body } = await fx.t.http.get(`/leads/${leadId}/events?limit=500`).set(fx.auth).expect(200);
    return body.events.filter((e: { type: string }) => e.type === 'TouchScheduled').map((e: { data: StoredTouch }) => e.data);
  };

  beforeAll(async () => {
    await fx.t.http.post(`/dealers/${DEALER}/consultants`).set(manager()).send({ consultantId: 'consultant-1', name: 'Li Na' }).expect(201);
    await fx.t.http.post(`/dealers/${DEALER}/consultants`).set(manager()).send({ consultantId: 'consultant-2', name: 'Zhao Lei' }).expect(201);
  });

  it('hands a walk-in to the consultant who registered it and plans its tier, without a manual assignment', async () => {
    const { body } = await fx.t.http.post('/leads').set(bearer(fx.t.token('consultant', 'consultant-2')))
      .send(registration({ profile: { intendedModels: ['Model S'], intendedPurchase: 'within_1_month' } })).expect(201);
    await settle();
    const lead = await fx.t.http.get(`/leads/${body.leadId}`).set(fx.auth).expect(200);
    expect(lead.body.state).toMatchObject({ consultantId: 'consultant-2', tier: 'T1' });
    expect((await touchesOf(body.leadId)).map((t) => t.rule)).toEqual(['cadence.T1.showroom_invitation']);
  });

  it('completes a planned touch once; an unknown touch is 404, a bad outcome 400', async () => {
    const { body } = await fx.t.http.post('/leads').set(fx.auth)
      .send(registration({ channel: 'website', profile: { intendedModels: ['Model S'], intendedPurchase: 'in_2_3_months' } })).expect(201);
    await settle();
    const [touch] = await touchesOf(body.leadId);
    const path = `/leads/${body.leadId}/touches/${touch?.touchId}/completion`;
    const done = await fx.t.http.post(path).set(fx.auth).send({ outcome: 'reached', note: 'will visit on Saturday' }).expect(201);
    expect(done.body.events[0]).toMatchObject({ type: 'TouchCompleted', data: { touchId: touch?.touchId, outcome: 'reached', note: 'will visit on Saturday' } });
    await fx.t.http.post(path).set(fx.auth).send({ outcome: 'reached' }).expect(200);
    const unknown = await fx.t.http.post(`/leads/${body.leadId}/touches/00000000-0000-4000-8000-0000000000ff/completion`).set(fx.auth).send({ outcome: 'done' }).expect(404);
    expect(unknown.body).toMatchObject({ code: 'TOUCH_NOT_FOUND', field: 'touchId' });
    const bad = await fx.t.http.post(path).set(fx.auth).send({ outcome: 'maybe' }).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'outcome' });
  });

  it('records the after-sale data at delivery and the birthday, and plans the after-sale touches from them', async () => {
    const { body } = await fx.t.http.post('/leads').set(fx.auth).send(registration({ channel: 'website' })).expect(201);
    const leadId = body.leadId as string;
    await fx.t.http.post(`/leads/${leadId}/contact-details`).set(fx.auth).send({ birthday: '1988-09-18' }).expect(201);
    const badBirthday = await fx.t.http.post(`/leads/${leadId}/contact-details`).set(fx.auth).send({ birthday: '02-30' }).expect(400);
    expect(badBirthday.body).toMatchObject({ code: 'INVALID_BIRTHDAY', field: 'birthday' });
    await fx.t.http.post(`/leads/${leadId}/win`).set(fx.auth).send({}).expect(201);
    const badDate = await fx.t.http.post(`/leads/${leadId}/delivery`).set(fx.auth).send({ insuranceExpiresOn: '2027-13-01' }).expect(400);
    expect(badDate.body).toMatchObject({ code: 'INVALID_DATE', field: 'insuranceExpiresOn' });
    const delivered = await fx.t.http.post(`/leads/${leadId}/delivery`).set(fx.auth)
      .send({ vin: 'LVSHFFAL0KF000001', odometerKm: 15, insuranceExpiresOn: '2027-01-04', inspectionDueOn: '2027-01-05' }).expect(201);
    expect(delivered.body.events[0].data).toMatchObject({ odometerKm: 15, insuranceExpiresOn: '2027-01-04', inspectionDueOn: '2027-01-05' });
    await settle();
    const rules = (await touchesOf(leadId)).map((t) => t.rule).sort();
    expect(rules).toEqual([
      'after_sale.annual_inspection', 'after_sale.birthday', 'after_sale.day_3', 'after_sale.day_7', 'after_sale.first_service',
      'after_sale.insurance_renewal', 'after_sale.second_service',
    ]);
  });

  it('refuses an invitation without marketing consent (409), appending nothing; withdrawn consent cancels the plan', async () => {
    const { body } = await fx.t.http.post('/leads').set(fx.auth)
      .send(registration({ channel: 'website', profile: { intendedModels: ['Model S'], intendedPurchase: 'in_4_6_months' } })).expect(201);
    await settle();
    await fx.t.http.post(`/leads/${body.leadId}/marketing-consent`).set(fx.auth).send({ marketingConsent: false }).expect(201);
    // The saga cancels the plan in reply to the withdrawal: let it, so that only the refused invitation could move the head.
    await settle();
    const head = await fx.t.store.headPosition();
    const refused = await fx.t.http.post(`/leads/${body.leadId}/invitations`).set(fx.auth).send({ kind: 'showroom', channel: 'call' }).expect(409);
    expect(refused.body.code).toBe('MARKETING_CONSENT_REQUIRED');
    expect(await fx.t.store.headPosition()).toBe(head);
    await settle();
    const { body: history } = await fx.t.http.get(`/leads/${body.leadId}/events`).set(fx.auth).expect(200);
    expect(history.events.filter((e: { type: string }) => e.type === 'TouchCancelled').map((e: { data: unknown }) => e.data))
      .toEqual([{ touchId: (await touchesOf(body.leadId))[0]?.touchId, reason: 'consent_withdrawn' }]);
  });

  it('finds the lead of an incoming call by its number, written any usual way', async () => {
    const phone = nextPhone();
    const { body } = await fx.t.http.post('/leads').set(fx.auth)
      .send(registration({ phone, channel: 'website', profile: { intendedModels: ['Model S'], intendedPurchase: 'in_2_3_months' } })).expect(201);
    await settle();
    const spaced = `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
    const found = await fx.t.http.get(`/leads/by-phone/${encodeURIComponent(spaced)}`).set(fx.auth).expect(200);
    expect(found.body).toMatchObject({
      leadId: body.leadId, name: 'Wang Fang', phone: `+86${phone}`, status: 'active', tier: 'T2', channel: 'website',
      openTouches: [{ purpose: 'nurture_call', status: 'scheduled' }],
    });
    expect(found.headers.etag).toBe(`"${found.body.revision}"`);
    await fx.t.http.get('/leads/by-phone/13700000000').set(fx.auth).expect(404);
    await fx.t.http.get(`/leads/by-phone/${phone}`).set(bearer(fx.t.token('manager', 'm-9', 'dealer-other'))).expect(404);
    const invalid = await fx.t.http.get('/leads/by-phone/12345').set(fx.auth).expect(400);
    expect(invalid.body.code).toBe('INVALID_PHONE');
  });
});
