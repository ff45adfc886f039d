import { bearer, nextPhone, registration, useTestApp } from './support/test-app';

describe('one phone number per dealer', () => {
  const fx = useTestApp();

  it('answers a duplicate registration with 409 and the existing lead id, whatever the notation', async () => {
    const first = await fx.t.http.post('/leads').set(fx.auth).send(registration({ phone: '13812345678' })).expect(201);
    expect(first.body.events[0].data.contact.phone).toBe('+8613812345678');
    const head = await fx.t.store.headPosition();
    const dup = await fx.t.http.post('/leads').set(fx.auth).send(registration({ phone: '+86 138 1234 5678' })).expect(409);
    expect(dup.body).toMatchObject({ code: 'PHONE_ALREADY_REGISTERED', details: { existingLeadId: first.body.leadId } });
    expect(await fx.t.store.headPosition()).toBe(head);
  });

  it('takes a Shanghai landline without country code and stores it in E.164', async () => {
    const res = await fx.t.http.post('/leads').set(fx.auth).send(registration({ phone: '021 6234 5678' })).expect(201);
    expect(res.body.events[0].data.contact.phone).toBe('+862162345678');
  });

  it('lets another dealer register the same number', async () => {
    const phone = nextPhone();
    await fx.t.http.post('/leads').set(fx.auth).send(registration({ phone })).expect(201);
    await fx.t.http.post('/leads').set(bearer(fx.t.token('consultant', 'c-9', 'dealer-gz-03'))).send(registration({ phone })).expect(201);
  });

  it('makes exactly one lead of two concurrent registrations of one number', async () => {
    const phone = nextPhone();
    const [a, b] = await Promise.all([1, 2].map(() => fx.t.http.post('/leads').set(fx.auth).send(registration({ phone }))));
    const statuses = [a!.status, b!.status].sort();
    expect(statuses).toEqual([201, 409]);
    const winner = a!.status === 201 ? a! : b!;
    const loser = a!.status === 201 ? b! : a!;
    expect(loser.body.details.existingLeadId).toBe(winner.body.leadId);
    const all = await fx.t.store.readAll();
    const registered = all.filter((e) => e.type === 'LeadRegistered' && (e.data as { contact: { phone: string } }).contact.phone === `+86${phone}`);
    expect(registered).toHaveLength(1);
  });

  it('reserves a changed phone number and frees the old one', async () => {
    const oldPhone = nextPhone();
    const newPhone = nextPhone();
    const lead = (await fx.t.http.post('/leads').set(fx.auth).send(registration({ phone: oldPhone })).expect(201)).body.leadId;
    const other = (await fx.t.http.post('/leads').set(fx.auth).send(registration({ phone: nextPhone() })).expect(201)).body.leadId;
    await fx.t.http.post(`/leads/${lead}/contact-details`).set(fx.auth).send({ phone: newPhone }).expect(201);
    const taken = await fx.t.http.post(`/leads/${other}/contact-details`).set(fx.auth).send({ phone: newPhone }).expect(409);
    expect(taken.body.details.existingLeadId).toBe(lead);
    await fx.t.http.post('/leads').set(fx.auth).send(registration({ phone: oldPhone })).expect(201);
  });

  it('takes over a reservation whose lead was never appended, once its grace period is over', async () => {
    const phone = nextPhone();
    const ghost = '00000000-0000-4000-8000-00000000beef';
    const metadata = {
      eventId: ghost, actor: { id: 'x', role: 'consultant' as const, dealerId: 'dealer-sh-01' }, correlationId: 'c', causationId: 'c',
      source: 'api' as const, schemaVersion: 1, occurredAt: fx.t.clock.now().toISOString(), recordedAt: fx.t.clock.now().toISOString(),
    };
    await fx.t.store.append(`phone-dealer-sh-01-86${phone}`, [{ type: 'PhoneNumberReserved', data: { leadId: ghost, dealerId: 'dealer-sh-01', phone: `+86${phone}` }, metadata }], 'no_stream');
    const early = await fx.t.http.post('/leads').set(fx.auth).send(registration({ phone })).expect(409);
    expect(early.body.details.existingLeadId).toBe(ghost);
    fx.t.clock.advance(60_000);
    await fx.t.http.post('/leads').set(fx.auth).send(registration({ phone })).expect(201);
  });
});
