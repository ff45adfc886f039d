import { RecordedEvent } from '@crm/event-store';
import { dealerStreamId } from '../dealer/dealer-events';
import { DEALER, SagaTestApp, startSagaApp } from './testing/saga-test-app';

const LEAD = '0b0b0b0b-0000-4000-8000-000000000001';
const OTHER = '0b0b0b0b-0000-4000-8000-000000000002';

const registration = (leadId: string, phone: string, channel: 'walk_in' | 'website', marketingConsent = true) => ({
  type: 'RegisterLead' as const,
  data: {
    leadId, dealerId: DEALER, channel, contact: { name: 'Wang Fang', phone },
    profile: { intendedModels: ['Model S'], intendedPurchase: 'in_2_3_months' as const }, marketingConsent,
  },
});
const types = (events: RecordedEvent[]): string[] => events.map((event) => event.type);

describe('NurtureSagaRunner on a real SQLite store and the real CommandBus', () => {
  let t: SagaTestApp;

  beforeEach(async () => {
    t = await startSagaApp();
    await t.dealer({ type: 'AddConsultant', data: { consultantId: 'c-li', name: 'Li Na' } });
    await t.dealer({ type: 'AddConsultant', data: { consultantId: 'c-zhao', name: 'Zhao Lei' } });
  });
  afterEach(() => t.close());

  it('plans the tier cadence and hands a walk-in to a consultant, each command traced to its cause', async () => {
    const registered = await t.lead(LEAD, registration(LEAD, '13812340001', 'walk_in'));
    await t.runner.settle();

    const stream = await t.stream(LEAD);
    expect(types(stream)).toEqual(['LeadRegistered', 'PurchaseIntentAssessed', 'ConsultantAssigned', 'TouchScheduled']);
    const [lead, assessment, assigned, touch] = stream as [RecordedEvent, RecordedEvent, RecordedEvent, RecordedEvent];
    expect(assigned.data).toMatchObject({ consultantId: 'c-li', reason: 'walk_in', handoffId: expect.any(String) });
    expect(assigned.metadata).toMatchObject({
      source: 'saga', causationId: lead.metadata.eventId, correlationId: lead.metadata.correlationId, actor: { id: 'nurture-saga', role: 'system', dealerId: DEALER },
    });
    // The hand-off the registration caused counts for the assessment after it: the consultant owns the call.
    expect(touch.data).toMatchObject({ purpose: 'nurture_call', rule: 'cadence.T2.call_month_1', dueAt: '2026-02-05T02:00:00.000Z', assigneeId: 'c-li' });
    expect(touch.metadata.causationId).toBe(assessment.metadata.eventId);
    expect(registered.events[0]?.metadata.eventId).toBe(lead.metadata.eventId);

    const routings = (await t.store.readStream(dealerStreamId(DEALER))).filter((event) => event.type === 'LeadRoutedToConsultant');
    expect(routings.map((event) => event.data)).toEqual([{ routingId: (assigned.data as { handoffId: string }).handoffId, leadId: LEAD, consultantId: 'c-li', pick: 'round_robin' }]);
  });

  it('appends nothing new when it handles its whole input again from position 0 (a lost checkpoint)', async () => {
    await t.lead(LEAD, registration(LEAD, '13812340001', 'walk_in'));
    await t.lead(OTHER, registration(OTHER, '13812340002', 'website'));
    await t.lead(OTHER, { type: 'AssessPurchaseIntent', data: { timeframe: 'within_1_month' } });
    await t.lead(OTHER, { type: 'LoseDeal', data: { requestId: 'loss-1', reason: 'price' } }, 'manager');
    await t.runner.settle();
    const head = await t.store.headPosition();
    // The saga caught up after the loss: what it planned for the assessments is cancelled, one win-back call stays.
    const other = await t.stream(OTHER);
    const open = other.filter((e) => e.type === 'TouchScheduled' && !other.some((c) => c.type === 'TouchCancelled' && (c.data as { touchId: string }).touchId === (e.data as { touchId: string }).touchId));
    expect(open.map((e) => (e.data as { purpose: string }).purpose)).toEqual(['win_back']);
    expect(types(other)).toContain('TouchCancelled');

    await t.runner.stop();
    await t.readStore.createVersion('nurture-saga', 1);
    t.runner.start();
    await t.runner.settle();

    expect(t.runner.position).toBe(head);
    expect(await t.store.headPosition()).toBe(head);
  });

  it('logs a command the lead refuses and goes on with the next events', async () => {
    // Consent is withdrawn before the saga sees the assessment: its ScheduleTouch is refused (MARKETING_CONSENT_REQUIRED).
    await t.runner.stop();
    await t.lead(LEAD, registration(LEAD, '13812340001', 'website'));
    await t.lead(LEAD, { type: 'ChangeMarketingConsent', data: { marketingConsent: false } });
    await t.lead(OTHER, registration(OTHER, '13812340002', 'website'));
    t.runner.start();
    await t.runner.settle();

    expect(types(await t.stream(LEAD))).not.toContain('TouchScheduled');
    expect(types(await t.stream(OTHER))).toContain('TouchScheduled');
    expect(t.runner.position).toBe(await t.store.headPosition());
  });
});
