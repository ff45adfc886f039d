import { TouchSent } from '@crm/lead';
import { DEALER, DispatchHarness, HOUR, registerLead, scheduleTouch, startDispatchHarness } from '../testing/dispatch.harness';
import { LeadHistory } from '../testing/lead-history';
import { WebhookReceiver } from '../testing/webhook-receiver';

const SECRET = 'touch-dispatch-secret-0123';
const MINUTE = 60_000;
// The harness starts on Monday 2026-03-02 at 10:00 in Shanghai (02:00 UTC); quiet hours are 21:00-09:00 there.
const SHANGHAI_22_00 = '2026-03-02T14:00:00.000Z';

describe('dispatching touches through the webhook', () => {
  let receiver: WebhookReceiver;
  let h: DispatchHarness;
  beforeEach(async () => {
    receiver = new WebhookReceiver(SECRET);
    const url = await receiver.listen();
    h = await startDispatchHarness({
      env: {
        TOUCH_DELIVERY: 'webhook', TOUCH_WEBHOOK_URL: url, TOUCH_WEBHOOK_SECRET: SECRET, TOUCH_WEBHOOK_RETRIES: '0',
        TOUCH_MAX_ATTEMPTS: '3', TOUCH_RETRY_BASE_MS: String(10 * MINUTE),
      },
    });
    await h.send('lead-1', registerLead('lead-1'));
  });
  afterEach(async () => {
    await h.close();
    await receiver.close();
  });

  const sent = async (): Promise<Array<TouchSent['data']>> => (await h.events('lead-1', 'TouchSent')).map((e) => e.data as TouchSent['data']);
  const types = async (): Promise<string[]> => (await h.events('lead-1')).map((e) => e.type).filter((t) => t.startsWith('Touch'));

  it('sends a due touch once, signed, with the touch id as Idempotency-Key, and records it', async () => {
    const dueAt = new Date(h.clock.now().getTime() + HOUR).toISOString();
    await h.send('lead-1', scheduleTouch('touch-1', dueAt, { assigneeId: 'agent-7' }), 'saga');
    h.clock.advance(HOUR - MINUTE);
    await h.tick();
    expect(receiver.received).toEqual([]);
    h.clock.advance(MINUTE);
    expect(await h.tick()).toMatchObject({ claimed: 1, sent: 1 });
    expect(receiver.received).toEqual([{
      idempotencyKey: 'touch-1', signed: true,
      message: { touchId: 'touch-1', leadId: 'lead-1', dealerId: DEALER, channel: 'sms', purpose: 'nurture_call', dueAt, assigneeId: 'agent-7', content: 'keep_in_touch' },
    }]);
    expect(await sent()).toEqual([{ touchId: 'touch-1', channel: 'sms', via: 'webhook', attempt: 1 }]);
    h.clock.advance(HOUR);
    await h.tick();
    expect(receiver.received).toHaveLength(1);
  });

  it('cancels a marketing touch planned before the lead withdrew consent, and sends nothing', async () => {
    const dueAt = h.clock.now().toISOString();
    await h.send('lead-1', scheduleTouch('promo', dueAt, { marketing: true }), 'saga');
    await h.send('lead-1', scheduleTouch('service', dueAt), 'saga');
    await h.send('lead-1', { type: 'ChangeMarketingConsent', data: { marketingConsent: false } });
    expect(await h.tick()).toMatchObject({ cancelled: 1, sent: 1 });
    expect(receiver.keys()).toEqual(['service']);
    expect((await h.events('lead-1', 'TouchCancelled')).map((e) => e.data)).toEqual([{ touchId: 'promo', reason: 'consent_withdrawn' }]);
  });

  it('holds a touch that falls due in quiet hours until they end', async () => {
    await h.send('lead-1', scheduleTouch('late', SHANGHAI_22_00), 'saga');
    h.clock.set(SHANGHAI_22_00);
    expect(await h.tick()).toMatchObject({ postponed: 1, sent: 0 });
    h.clock.set('2026-03-03T00:59:00.000Z');
    await h.tick();
    expect(receiver.received).toEqual([]);
    h.clock.set('2026-03-03T01:00:00.000Z');
    expect(await h.tick()).toMatchObject({ sent: 1 });
    expect((await h.events('lead-1', 'TouchSent'))[0]?.metadata.recordedAt).toBe('2026-03-03T01:00:00.000Z');
  });

  it('reads the quiet hours at send time: settings changed after the touch was planned still hold it', async () => {
    await h.send('lead-1', scheduleTouch('touch-1', h.clock.now().toISOString()), 'saga');
    await new LeadHistory(h.store, DEALER).dealerSettings({ quietHours: { start: '09:30', end: '11:00' } }, h.clock.now().toISOString());
    expect(await h.tick()).toMatchObject({ postponed: 1 });
    h.clock.set('2026-03-02T03:00:00.000Z');
    expect(await h.tick()).toMatchObject({ sent: 1 });
  });

  it('records each failed attempt, waits longer each time, then gives up', async () => {
    receiver.responder = () => ({ status: 503 });
    await h.send('lead-1', scheduleTouch('touch-1', h.clock.now().toISOString()), 'saga');
    expect(await h.tick()).toMatchObject({ retrying: 1 });
    h.clock.advance(10 * MINUTE - 1);
    expect(await h.tick()).toMatchObject({ claimed: 0 });
    h.clock.advance(1);
    expect(await h.tick()).toMatchObject({ retrying: 1 });
    h.clock.advance(20 * MINUTE);
    expect(await h.tick()).toMatchObject({ failed: 1 });
    h.clock.advance(HOUR);
    await h.tick();
    expect(receiver.keys()).toEqual(['touch-1', 'touch-1', 'touch-1']);
    expect(await types()).toEqual(['TouchScheduled', 'TouchDeliveryFailed', 'TouchDeliveryFailed', 'TouchFailed']);
    expect((await h.events('lead-1', 'TouchFailed'))[0]?.data).toEqual({ touchId: 'touch-1', attempts: 3, error: 'webhook: HTTP 503 after 1 tries' });
  });

  it('gives up at once when the receiver refuses the touch', async () => {
    receiver.responder = () => ({ status: 400 });
    await h.send('lead-1', scheduleTouch('touch-1', h.clock.now().toISOString()), 'saga');
    expect(await h.tick()).toMatchObject({ failed: 1 });
    expect(await types()).toEqual(['TouchScheduled', 'TouchFailed']);
  });

  it('sends after a failure once the receiver is back, under the next attempt number and the same key', async () => {
    receiver.responder = (_r, attempt) => (attempt === 1 ? { status: 502 } : { status: 200 });
    await h.send('lead-1', scheduleTouch('touch-1', h.clock.now().toISOString()), 'saga');
    await h.tick();
    h.clock.advance(10 * MINUTE);
    await h.tick();
    expect(await sent()).toEqual([{ touchId: 'touch-1', channel: 'sms', via: 'webhook', attempt: 2 }]);
    expect(receiver.keys()).toEqual(['touch-1', 'touch-1']);
  });
});
