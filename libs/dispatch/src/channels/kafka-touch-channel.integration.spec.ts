import { ensureTopics, KafkaTouchPublisher, MessageSchemas } from '@crm/messaging';
import { consumeUntil, testKafka, testTopics } from '../../../messaging/src/testing/kafka-test.support';
import { DEALER, DispatchHarness, HOUR, registerLead, scheduleTouch, startDispatchHarness } from '../testing/dispatch.harness';
import { KafkaTouchChannel } from './kafka-touch-channel.adapter';

describe('dispatching touches to the Kafka touch topic (real broker)', () => {
  const topics = testTopics();
  const kafka = testKafka();
  const publisher = new KafkaTouchPublisher(kafka, topics.touches);
  let h: DispatchHarness;

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, { names: topics, partitions: 2, replicationFactor: 1 });
    await admin.disconnect();
  });
  beforeEach(async () => {
    h = await startDispatchHarness({ channelFor: (clock) => new KafkaTouchChannel(publisher, clock) });
    await h.send('lead-1', registerLead('lead-1'));
  });
  afterEach(() => h.close());
  afterAll(() => publisher.close());

  it('publishes a due touch once, keyed by lead, the touch id as the message id, and records it sent via kafka', async () => {
    const dueAt = new Date(h.clock.now().getTime() + HOUR).toISOString();
    await h.send('lead-1', scheduleTouch('touch-k1', dueAt, { assigneeId: 'agent-7' }), 'saga');
    h.clock.advance(HOUR);
    expect(await h.tick()).toMatchObject({ claimed: 1, sent: 1 });
    const [message] = await consumeUntil(kafka, [topics.touches], (read) => read.length >= 1);
    expect(message?.key).toBe('lead-1');
    expect(message?.value).toMatchObject({
      id: 'touch-k1', type: 'crm.lead.TouchDue', subject: 'lead-1',
      data: { touchId: 'touch-k1', leadId: 'lead-1', dealerId: DEALER, purpose: 'nurture_call', dueAt, assigneeId: 'agent-7' },
    });
    expect(new MessageSchemas().problems(message?.value)).toEqual([]);
    expect((await h.events('lead-1', 'TouchSent')).map((e) => e.data)).toEqual([{ touchId: 'touch-k1', channel: 'sms', via: 'kafka', attempt: 1 }]);
  });
});
