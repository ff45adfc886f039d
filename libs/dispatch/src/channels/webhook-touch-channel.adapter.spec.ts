import { WebhookReceiver } from '../testing/webhook-receiver';
import { PermanentDeliveryError } from './touch-channel.port';
import { TouchMessage } from './touch-message';
import { WebhookTouchChannel } from './webhook-touch-channel.adapter';

const SECRET = 'webhook-test-secret';
const message: TouchMessage = {
  touchId: '5a2f0c1e-0000-5000-8000-000000000001', leadId: 'lead-1', dealerId: 'dealer-1', channel: 'sms',
  purpose: 'nurture_call', dueAt: '2026-03-02T02:00:00.000Z', content: 'keep_in_touch',
};

describe('WebhookTouchChannel', () => {
  let receiver: WebhookReceiver;
  let channel: WebhookTouchChannel;
  beforeEach(async () => {
    receiver = new WebhookReceiver(SECRET);
    const url = await receiver.listen();
    // Generous: a loaded machine must not turn a slow answer into a retry; only the hang test waits it out.
    channel = new WebhookTouchChannel({ url, secret: SECRET, timeoutMs: 5_000, retries: 2, retryDelayMs: 5 });
  });
  afterEach(() => receiver.close());

  it('POSTs the touch as JSON, signed, with the touch id as Idempotency-Key', async () => {
    await channel.send(message);
    expect(receiver.received).toEqual([{ idempotencyKey: message.touchId, signed: true, message }]);
  });

  it('a receiver with another secret sees the signature fail', async () => {
    const other = new WebhookTouchChannel({ url: receiver.url, secret: 'not-the-secret', timeoutMs: 5_000, retries: 0, retryDelayMs: 5 });
    await other.send(message);
    expect(receiver.received[0]?.signed).toBe(false);
  });

  it('tries again after a 503 and a timeout, with the same key each time', async () => {
    receiver.responder = (_received, attempt) => (attempt === 1 ? { status: 503 } : attempt === 2 ? 'hang' : { status: 204 });
    channel = new WebhookTouchChannel({ url: receiver.url, secret: SECRET, timeoutMs: 1_000, retries: 2, retryDelayMs: 5 });
    await channel.send(message);
    expect(receiver.keys()).toEqual([message.touchId, message.touchId, message.touchId]);
  });

  it('gives up after its retries and says why', async () => {
    receiver.responder = () => ({ status: 502 });
    await expect(channel.send(message)).rejects.toThrow('webhook: HTTP 502 after 3 tries');
    expect(receiver.received).toHaveLength(3);
  });

  it('does not retry a refusal: a 4xx is permanent', async () => {
    receiver.responder = () => ({ status: 422 });
    await expect(channel.send(message)).rejects.toBeInstanceOf(PermanentDeliveryError);
    expect(receiver.received).toHaveLength(1);
  });

  it('reports an unreachable receiver as a failure to retry later', async () => {
    await receiver.close();
    await expect(channel.send(message)).rejects.toThrow(/ECONNREFUSED/);
    receiver = new WebhookReceiver(SECRET);
  });
});
