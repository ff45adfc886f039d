import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@crm/config';
import { EventStore } from '@crm/event-store';
import { leadStreamId } from '@crm/lead';
import { LeadRelay, MessageSchemas, readRelayCheckpoint } from '@crm/messaging';
import { registration, toAppend } from '../../../libs/projections/src/testing/lead-events.builder';
import { consumeUntil, TEST_BROKERS, testKafka, testTopics } from '../../../libs/messaging/src/testing/kafka-test.support';
import { WorkerModule } from './worker.module';

describe('WorkerModule with KAFKA_ENABLED', () => {
  it('relays the log to Kafka, and on shutdown commits its last batch before it disconnects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'worker-relay-'));
    const topics = testTopics();
    const prefix = topics.events.slice(0, -'lead.events.v1'.length);
    const config = loadConfig({
      NODE_ENV: 'test', JWT_SECRET: 'worker-test-secret-0123', DATA_DIR: dir, KAFKA_ENABLED: 'true',
      KAFKA_BROKERS: TEST_BROKERS.join(','), KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: '2',
    });
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    try {
      await app.init();
      const store = app.get(EventStore);
      let position = 0;
      for (const id of ['w1', 'w2', 'w3']) {
        ({ position } = await store.append(leadStreamId(id), [toAppend({ leadId: id, event: registration(id, { intendedPurchase: 'within_1_month' }), occurredAt: '2026-02-01T00:00:00.000Z' })], 'no_stream'));
      }
      const relay = app.get(LeadRelay);
      await relay.waitFor(position, 20_000);
      expect(await relay.status()).toMatchObject({ checkpoint: position, eventsBehind: 0, outageSince: null });
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
    const kafka = testKafka();
    expect(await readRelayCheckpoint(kafka, topics.checkpoints, config.KAFKA_RELAY_NAME)).toBe(3);
    const messages = await consumeUntil(kafka, [topics.events, topics.funnel, topics.tiers], (m) => m.length >= 9);
    expect(messages.filter((m) => m.topic === topics.tiers).map((m) => (m.value.data as { tier: string }).tier)).toEqual(['T1', 'T1', 'T1']);
    const schemas = new MessageSchemas();
    expect(messages.flatMap((m) => schemas.problems(m.value))).toEqual([]);
    expect(messages.find((m) => m.topic === topics.events)?.headers).toMatchObject({ 'correlation-id': 'corr-1', 'actor-role': 'consultant' });
  }, 60_000);
});
