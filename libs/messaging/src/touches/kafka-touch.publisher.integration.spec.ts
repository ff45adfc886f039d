import { ensureTopics } from '../kafka/kafka-topics.admin';
import { MessageSchemas } from '../schemas/message-schemas';
import { kcatRead, TEST_BROKERS, testKafka, testTopics } from '../testing/kafka-test.support';
import { KafkaTouchPublisher } from './kafka-touch.publisher';
import { TouchMessage } from './touch-message';
import { InvalidTouchMessageError, TouchPublishErrorCode } from './touch-publisher.port';

const touch = (n: number, overrides: Partial<TouchMessage> = {}): TouchMessage => ({
  touchId: `touch-${n}`, leadId: `lead-${n % 2}`, dealerId: 'dealer-1', channel: 'call', purpose: 'nurture_call',
  dueAt: '2026-03-01T09:00:00.000Z', assigneeId: 'agent-7', correlationId: `corr-${n}`, causationId: `event-${n}`,
  recordedAt: '2026-02-01T09:00:00.000Z', ...overrides,
});

describe('KafkaTouchPublisher against the real broker', () => {
  const topics = testTopics();
  const kafka = testKafka();
  const publisher = new KafkaTouchPublisher(kafka, topics.touches);

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, { names: topics, partitions: 2, replicationFactor: 1 });
    await admin.disconnect();
  });
  afterAll(() => publisher.close());

  it('publishes schema-valid touches keyed by lead, the touch id as the message id', async () => {
    for (const n of [1, 2, 3]) await publisher.publish(touch(n));
    const read = await kcatRead(TEST_BROKERS, topics.touches);
    expect(read.map((m) => m.value.id).sort()).toEqual(['touch-1', 'touch-2', 'touch-3']);
    const schemas = new MessageSchemas();
    for (const m of read) {
      expect(schemas.problems(m.value)).toEqual([]);
      expect(m.key).toBe(m.value.subject);
    }
    expect(read.find((m) => m.value.id === 'touch-2')?.value).toMatchObject({
      type: 'crm.lead.TouchDue', subject: 'lead-0', time: '2026-03-01T09:00:00.000Z',
      data: { touchId: 'touch-2', leadId: 'lead-0', channel: 'call', purpose: 'nurture_call', assigneeId: 'agent-7' },
    });
  });

  it('refuses a touch that breaks its schema, naming the field, and publishes nothing', async () => {
    const bad = touch(9, { channel: 'fax' as TouchMessage['channel'] });
    await expect(publisher.publish(bad)).rejects.toBeInstanceOf(InvalidTouchMessageError);
    await expect(publisher.publish(bad)).rejects.toMatchObject({ code: TouchPublishErrorCode.InvalidTouchMessage, field: 'channel' });
    await expect(publisher.publish(touch(10, { dueAt: 'tomorrow' }))).rejects.toMatchObject({ field: 'dueAt' });
    const read = await kcatRead(TEST_BROKERS, topics.touches);
    expect(read.map((m) => m.value.id)).not.toContain('touch-9');
    expect(read.map((m) => m.value.id)).not.toContain('touch-10');
  });
});
