import { SqliteEventStore } from '@crm/event-store';
import { VirtualClock } from '@crm/kernel';
import { createKafkaClient, decodeLeadEvent, KafkaTransactionalSink, LeadRelay, MessageSchemas, topicNames } from '@crm/messaging';
import { kcatRead } from '../../libs/messaging/src/testing/kafka-test.support';
import { interleavedWorkload } from '../../libs/projections/src/testing/lead-workload';
import { PrivateBroker } from './support/private-broker';

const OUTAGE_MS = Number(process.env.KAFKA_OUTAGE_MS ?? 30_000);

/** Resolves once `condition` holds, checking every 50 ms; fails after `timeoutMs`. */
async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a broker outage during the relay', () => {
  let broker: PrivateBroker;
  let store: SqliteEventStore;
  let relay: LeadRelay | undefined;

  beforeAll(async () => {
    broker = await PrivateBroker.create();
    await broker.start();
    store = new SqliteEventStore({ path: ':memory:' });
  }, 120_000);
  afterAll(async () => {
    await relay?.stop();
    await store.close();
    await broker.destroy();
  }, 60_000);

  it(`loses nothing when the broker is stopped for ${OUTAGE_MS / 1000} s and restarted, and logs the outage once`, async () => {
    const topics = topicNames();
    const logger = { warn: jest.fn(), log: jest.fn(), debug: jest.fn() };
    const kafka = createKafkaClient({ brokers: [broker.address], clientId: 'crm-outage-test' });
    const sink = new KafkaTransactionalSink(kafka, { relayName: 'outage', transactionalId: 'crm-outage-test.outage', layout: { names: topics, partitions: 3, replicationFactor: 1 } });
    relay = new LeadRelay(store, sink, new VirtualClock(), { name: 'outage', topics, exposeContact: false, batchSize: 200, maxRetryDelayMs: 2_000, logger });
    relay.start();

    // Appends go on all along: before, during and after the outage.
    const workload = interleavedWorkload({ leads: 1_000_000, window: 100, perAppend: 1 });
    let writing = true;
    const writer = (async () => {
      while (writing) {
        for (let i = 0; i < 20; i += 1) {
          const next = workload.next().value as { streamId: string; events: never[] };
          await store.append(next.streamId, next.events, 'any');
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    await relay.waitFor(500, 30_000);
    // A fresh broker refuses group calls until its coordinators load: that start-up moment is not this outage.
    logger.warn.mockClear();
    logger.log.mockClear();
    await broker.stop();
    await until(() => logger.warn.mock.calls.length > 0, 30_000, 'the outage to be noticed');
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS)); // the outage itself: the broker stays down this long
    const relayedDuringOutage = relay.position;
    await broker.start();
    await until(() => logger.log.mock.calls.length > 0, 60_000, 'the relay to reconnect');
    writing = false;
    await writer;
    const head = await store.headPosition();
    expect(head).toBeGreaterThan(relayedDuringOutage);
    await relay.waitFor(head, 60_000);

    expect(logger.warn.mock.calls).toHaveLength(1);
    expect(logger.warn.mock.calls[0]?.[0]).toMatch(/Kafka unavailable/);
    expect(logger.log.mock.calls).toHaveLength(1);
    expect(logger.log.mock.calls[0]?.[0]).toMatch(/available again/);
    expect(logger.debug.mock.calls.length).toBeGreaterThan(0);

    const expected = (await store.readAll({ maxCount: 1_000_000 })).filter((e) => decodeLeadEvent(e));
    const published = await kcatRead([broker.address], topics.events);
    expect(published.map((m) => m.value.id).sort()).toEqual(expected.map((e) => e.metadata.eventId).sort());
    const schemas = new MessageSchemas();
    expect(published.flatMap((m) => schemas.problems(m.value))).toEqual([]);
  }, 240_000);
});
