import { runCliInProcess } from './support/in-process-cli';
import { registerRelayCommands } from '../../apps/cli/src/commands/relay.command';
import { LeadRelay, MessageSchemas } from '@crm/messaging';
import { consumeUntil, TEST_BROKERS, testKafka, testTopics } from '../../libs/messaging/src/testing/kafka-test.support';
import { bearer, registration, startTestApp, TEST_SECRET, TestApp } from './support/test-app';

/** Runs `cli relay status --json` in this process against the app's DATA_DIR and broker; returns what it printed. */
async function relayStatusCli(t: TestApp, prefix: string): Promise<Record<string, unknown>> {
  const env = { NODE_ENV: 'test', JWT_SECRET: TEST_SECRET, DATA_DIR: t.config.DATA_DIR, KAFKA_BROKERS: TEST_BROKERS.join(','), KAFKA_TOPIC_PREFIX: prefix };
  return JSON.parse(await runCliInProcess(registerRelayCommands, env, ['relay', 'status', '--json'])) as Record<string, unknown>;
}

describe('the API with Kafka enabled (worker parts in-process)', () => {
  const topics = testTopics();
  const prefix = topics.events.slice(0, -'lead.events.v1'.length);
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ KAFKA_ENABLED: 'true', KAFKA_BROKERS: TEST_BROKERS.join(','), KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: '2' });
  });
  afterAll(() => t.close());

  it('publishes what a command appended, masked, and shows the relay lag on /health and in `relay status`', async () => {
    const auth = bearer(t.token('crm_agent', 'agent-7'));
    const { body } = await t.http.post('/leads').set(auth).send(registration({ name: 'Wang Lei', phone: '138 1234 5678' })).expect(201);
    const relay = t.app.get(LeadRelay);
    await relay.waitFor(body.position as number, 20_000);

    const health = await t.http.get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', kafkaRelay: { checkpoint: body.position, eventsBehind: 0, secondsBehind: 0, outageSince: null } });
    expect(await relayStatusCli(t, prefix)).toMatchObject({ name: 'lead-relay', checkpoint: body.position, eventsBehind: 0 });

    const [message] = await consumeUntil(testKafka(), [topics.events], (m) => m.length >= 1);
    expect(message?.key).toBe(body.leadId);
    expect(message?.headers).toMatchObject({ 'actor-id': 'agent-7', 'actor-role': 'crm_agent' });
    expect(message?.value).toMatchObject({ type: 'crm.lead.LeadRegistered', data: { contact: { name: 'W*', phone: '+86138****5678' } } });
    expect(new MessageSchemas().problems(message?.value)).toEqual([]);
  }, 60_000);
});
