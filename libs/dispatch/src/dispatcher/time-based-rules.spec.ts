import { EarlyWarningRaised } from '@crm/lead';
import { warningIdOf } from '../due/warning-id';
import { DAY, DEALER, DispatchHarness, HOUR, registerLead, scheduleTouch, startDispatchHarness } from '../testing/dispatch.harness';
import { LeadHistory } from '../testing/lead-history';

const call = { type: 'LogCall', data: { direction: 'outbound', outcome: 'connected' } } as const;

/** Given a lead's history, when the virtual clock passes a deadline and dispatchDue() runs, then the rule's event is in the stream, once. */
describe('time-based rules on a virtual clock', () => {
  let h: DispatchHarness;
  beforeEach(async () => { h = await startDispatchHarness(); });
  afterEach(() => h.close());

  const warnings = async (leadId: string): Promise<Array<EarlyWarningRaised['data']>> =>
    (await h.events(leadId, 'EarlyWarningRaised')).map((e) => e.data as EarlyWarningRaised['data']);
  /** Registers a lead and, five minutes later (the registration itself is not a contact), sends `first`. */
  const registeredThen = async (leadId: string, first: Parameters<DispatchHarness['send']>[1]): Promise<void> => {
    await h.send(leadId, registerLead(leadId));
    h.clock.advance(5 * 60_000);
    await h.send(leadId, first);
  };

  it('first contact late: a walk-in nobody contacted within a day is warned about once', async () => {
    await h.send('lead-1', registerLead('lead-1'));
    const registeredAt = h.clock.now().toISOString();
    h.clock.advance(DAY - 60_000);
    await h.tick();
    expect(await warnings('lead-1')).toEqual([]);
    h.clock.advance(2 * 60_000);
    expect((await h.tick()).acted).toBe(1);
    expect(await warnings('lead-1')).toEqual([{
      warningId: warningIdOf('lead-1', 'first_contact_late', registeredAt), kind: 'first_contact_late',
      deadline: new Date(Date.parse(registeredAt) + DAY).toISOString(), detail: `no contact since registration at ${registeredAt}`,
    }]);
    h.clock.advance(DAY);
    await h.tick();
    expect(await warnings('lead-1')).toHaveLength(1);
    const [warning] = await h.events('lead-1', 'EarlyWarningRaised');
    expect(warning?.metadata).toMatchObject({ source: 'system', actor: { id: 'dispatcher', role: 'system', dealerId: 'dealer-sh-01' } });
  });

  it('first contact late: an online lead has an hour, and a call in time means no warning', async () => {
    await h.send('web-1', registerLead('web-1', { channel: 'website' }));
    await h.send('web-2', registerLead('web-2', { channel: 'website' }));
    h.clock.advance(30 * 60_000);
    await h.send('web-2', call);
    h.clock.advance(31 * 60_000);
    await h.tick();
    expect((await warnings('web-1')).map((w) => w.kind)).toEqual(['first_contact_late']);
    expect(await warnings('web-2')).toEqual([]);
  });

  it('going cold: a hot lead silent for seven days is warned once per silence', async () => {
    await registeredThen('hot-1', { type: 'AssessPurchaseIntent', data: { timeframe: 'within_1_month' } });
    h.clock.advance(7 * DAY + 60_000);
    await h.tick();
    await h.tick();
    expect((await warnings('hot-1')).map((w) => w.kind)).toEqual(['going_cold']);
    await h.send('hot-1', call);
    h.clock.advance(7 * DAY + 60_000);
    await h.tick();
    expect((await warnings('hot-1')).map((w) => w.kind)).toEqual(['going_cold', 'going_cold']);
  });

  it('touch overdue: a touch not completed three days after it was due is warned about and marked once', async () => {
    await registeredThen('t-lead', call);
    const dueAt = new Date(h.clock.now().getTime() + HOUR).toISOString();
    await h.send('t-lead', scheduleTouch('touch-1', dueAt), 'saga');
    h.clock.advance(HOUR);
    expect((await h.tick()).sent).toBe(1);
    h.clock.advance(3 * DAY - 60_000);
    await h.tick();
    expect(await h.events('t-lead', 'TouchOverdue')).toEqual([]);
    h.clock.advance(60_000);
    await h.tick();
    await h.tick();
    expect((await h.events('t-lead', 'TouchOverdue')).map((e) => e.data)).toEqual([{ touchId: 'touch-1', dueAt }]);
    expect((await warnings('t-lead')).map((w) => [w.kind, w.touchId])).toEqual([['touch_overdue', 'touch-1']]);
  });

  it('touch overdue: a completed touch is never overdue', async () => {
    await registeredThen('done-lead', call);
    await h.send('done-lead', scheduleTouch('touch-2', h.clock.now().toISOString()), 'saga');
    await h.tick();
    await h.send('done-lead', { type: 'CompleteTouch', data: { touchId: 'touch-2', outcome: 'reached' } });
    h.clock.advance(10 * DAY);
    await h.tick();
    expect(await h.events('done-lead', 'TouchOverdue')).toEqual([]);
  });

  it('follow-up stalled: a consultant silent for fourteen days after the hand-off returns the lead to nurturing, once', async () => {
    await registeredThen('held', call);
    h.clock.advance(10 * DAY);
    await h.send('held', { type: 'AssignConsultant', data: { consultantId: 'c-li', reason: 'manual' } });
    h.clock.advance(14 * DAY - 60_000);
    await h.tick();
    expect(await h.events('held', 'LeadReturnedToNurturing')).toEqual([]);
    h.clock.advance(60_000);
    await h.tick();
    await h.tick();
    expect((await h.events('held', 'LeadReturnedToNurturing')).map((e) => e.data)).toEqual([
      { consultantId: 'c-li', reason: 'follow_up_stalled', note: expect.stringMatching(/^no interaction since /) },
    ]);
  });

  it('churn: a delivered customer without interaction for a year is a churn risk, once', async () => {
    await h.send('owner', registerLead('owner'));
    await h.send('owner', { type: 'WinDeal', data: {} });
    await h.send('owner', { type: 'DeliverVehicle', data: { vin: 'LVSHFFAL0KF000001' } });
    h.clock.advance(365 * DAY + 60_000);
    await h.tick();
    await h.tick();
    expect((await warnings('owner')).map((w) => w.kind)).toEqual(['churn_risk']);
  });

  it("follows the dealer's settings as they are when the deadline is checked", async () => {
    await new LeadHistory(h.store, DEALER).dealerSettings({ warningDays: { goingCold: 2 } }, h.clock.now().toISOString());
    await registeredThen('hot-2', { type: 'AssessPurchaseIntent', data: { timeframe: 'in_2_3_months' } });
    h.clock.advance(2 * DAY + 60_000);
    await h.tick();
    expect((await warnings('hot-2')).map((w) => w.kind)).toEqual(['going_cold']);
  });
});
