import { CommandBus } from '@nestjs/cqrs';
import { ExecuteLeadCommand, LeadCommandInput } from '@crm/commands';
import { Dispatcher, DueIndexRunner } from '@crm/dispatch';
import { bearer, DEALER, registration, useTestApp } from './support/test-app';

const HOUR = 3_600_000;

/** GET /touches (what to do today) and GET /warnings over HTTP, fed by the due index and the dispatcher in the API process. */
describe('staff views: touches and warnings', () => {
  const fx = useTestApp();
  let leadId = '';

  /** A touch planned as the nurture saga plans it: a command on the bus. */
  const plan = (command: LeadCommandInput) => fx.t.app.get(CommandBus).execute(new ExecuteLeadCommand(leadId, command, {
    actor: { id: 'nurture-saga', role: 'system', dealerId: DEALER }, source: 'saga', correlationId: 'c-1', causationId: 'e-1',
  }));
  const dispatch = async () => {
    await fx.t.app.get(DueIndexRunner).waitFor(await fx.t.store.headPosition());
    return fx.t.app.get(Dispatcher).dispatchDue();
  };

  beforeAll(async () => {
    // The app's clock: Monday 2026-01-05 09:00 UTC, 17:00 in Shanghai.
    leadId = (await fx.t.http.post('/leads').set(fx.auth).send(registration({ name: 'Zhao Min' })).expect(201)).body.leadId as string;
    const touch = { purpose: 'nurture_call', channel: 'call', marketing: false, rule: 'cadence.T2.call_month_1' } as const;
    await plan({ type: 'ScheduleTouch', data: { ...touch, touchId: 'today', dueAt: '2026-01-05T10:00:00.000Z', assigneeId: 'agent-7' } });
    await plan({ type: 'ScheduleTouch', data: { ...touch, touchId: 'tomorrow', dueAt: '2026-01-06T02:00:00.000Z' } });
  });

  it("lists what is due by the end of the dealer's day, sent to the to-do list once due", async () => {
    fx.t.clock.advance(HOUR);
    expect(await dispatch()).toMatchObject({ sent: 1 });
    const { body } = await fx.t.http.get('/touches?due=2026-01-05&minPosition=' + (await fx.t.store.headPosition())).set(fx.auth).expect(200);
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(body.items[0]).toMatchObject({
      touchId: 'today', leadId, leadName: 'Zhao Min', purpose: 'nurture_call', channel: 'call', status: 'sent', via: 'tasks',
      owner: 'agent-7', dueAt: '2026-01-05T10:00:00.000Z',
    });
    expect(body.items[0].phone).toMatch(/^\+86/);
    const later = await fx.t.http.get('/touches?due=2026-01-06').set(fx.auth).expect(200);
    expect(later.body.items.map((t: { touchId: string }) => t.touchId)).toEqual(['today', 'tomorrow']);
    const mine = await fx.t.http.get('/touches?assignee=agent-7&status=all').set(fx.auth).expect(200);
    expect(mine.body.items.map((t: { touchId: string }) => t.touchId)).toEqual(['today']);
  });

  it('lists the early warnings the dispatcher raised, by kind and period', async () => {
    fx.t.clock.advance(24 * HOUR);
    await dispatch();
    const position = await fx.t.store.headPosition();
    const { body } = await fx.t.http.get(`/warnings?kind=first_contact_late&minPosition=${position}`).set(fx.auth).expect(200);
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ leadId, leadName: 'Zhao Min', kind: 'first_contact_late', deadline: '2026-01-06T09:00:00.000Z' });
    expect((await fx.t.http.get('/warnings?from=2026-02-01').set(fx.auth).expect(200)).body.total).toBe(0);
    expect((await fx.t.http.get('/warnings?kind=churn_risk').set(fx.auth).expect(200)).body.total).toBe(0);
  });

  it("shows another dealer's staff nothing", async () => {
    const other = bearer(fx.t.token('crm_agent', 'agent-9', 'dealer-bj-02'));
    expect((await fx.t.http.get('/touches?status=all').set(other).expect(200)).body.total).toBe(0);
    expect((await fx.t.http.get('/warnings').set(other).expect(200)).body.total).toBe(0);
  });

  it.each([
    ['/touches?due=tomorrow', 'due'], ['/touches?due=2026-01-05T00:00:00Z', 'due'], ['/touches?status=urgent', 'status'],
    ['/touches?pageSize=0', 'pageSize'], ['/warnings?kind=grumpy', 'kind'], ['/warnings?from=last-week', 'from'],
  ])('answers %s with 400 naming %s', async (path, field) => {
    const { body } = await fx.t.http.get(path).set(fx.auth).expect(400);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });
});
