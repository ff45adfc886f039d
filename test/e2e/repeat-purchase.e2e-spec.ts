import { registration, useTestApp } from './support/test-app';

const quote = (model: string, amount: number) => ({ model, quantity: 1, unitPrice: { amount, currency: 'CNY' } });

describe('a delivered customer buys a second car (a new purchase cycle on the same lead)', () => {
  const fx = useTestApp();

  it('sells, delivers, sells again on the same lead, and the read side counts both purchases', async () => {
    const { http, clock } = fx.t;
    const details = registration();
    clock.set('2026-01-05T09:00:00.000Z');
    const leadId = (await http.post('/leads').set(fx.auth).send(details).expect(201)).body.leadId as string;
    await http.post(`/leads/${leadId}/quotes`).set(fx.auth).send(quote('EQE', 468_000)).expect(201);
    await http.post(`/leads/${leadId}/win`).set(fx.auth).send({ orderRef: 'SO-1' }).expect(201);
    await http.post(`/leads/${leadId}/delivery`).set(fx.auth).send({ vin: 'LVSHFFAL0KF000001' }).expect(201);

    // Months later the customer is known: registering the phone again points at the existing lead.
    clock.set('2026-06-10T09:00:00.000Z');
    const again = await http.post('/leads').set(fx.auth).send({ ...details, name: 'Wang Fang (again)' }).expect(409);
    expect(again.body).toMatchObject({ code: 'PHONE_ALREADY_REGISTERED', details: { existingLeadId: leadId } });

    const next = await http.post(`/leads/${leadId}/quotes`).set(fx.auth).send(quote('EQS', 980_000)).expect(201);
    expect(next.body.events.map((e: { type: string }) => e.type)).toEqual(['PurchaseCycleStarted', 'QuoteGiven']);
    await http.post(`/leads/${leadId}/win`).set(fx.auth).send({ orderRef: 'SO-2' }).expect(201);
    const delivered = await http.post(`/leads/${leadId}/delivery`).set(fx.auth).send({ vin: 'LVSHFFAL0KF000002' }).expect(201);
    const position = delivered.body.position as number;

    const state = (await http.get(`/leads/${leadId}`).set(fx.auth).expect(200)).body.state;
    expect(state).toMatchObject({ status: 'delivered', cycle: 2, purchases: 2, deal: { orderRef: 'SO-2', model: 'EQS' } });
    expect(state.pastDeals).toEqual([expect.objectContaining({ orderRef: 'SO-1', model: 'EQE' })]);

    const row = (await http.get(`/leads?minPosition=${position}`).set(fx.auth).expect(200)).body.items[0];
    expect(row).toMatchObject({ leadId, cycle: 2, purchases: 2, stage: 'delivered', intendedModel: 'EQS', lifecycle: 'loyal' });
    const funnel = (await http.get(`/funnel?minPosition=${position}`).set(fx.auth).expect(200)).body;
    expect(funnel.total).toMatchObject({ leads: 1, cycles: 2, repeatPurchases: 1, won: 2 });
    expect(Object.keys(funnel.byPeriod)).toEqual(['2026-01', '2026-06']);
    const kpis = (await http.get(`/reports/kpis?minPosition=${position}`).set(fx.auth).expect(200)).body;
    expect(kpis).toMatchObject({ leads: 1, cycles: 2, closeRate: { won: 2, lost: 0 } });
  });
});
