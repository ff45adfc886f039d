import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@crm/event-store';
import { VirtualClock } from '@crm/kernel';
import { interleavedWorkload } from '../../../projections/src/testing/lead-workload';
import { createKafkaClient } from '../kafka/kafka-client.factory';
import { readRelayCheckpoint } from '../kafka/kafka-checkpoint.reader';
import { KafkaTransactionalSink } from '../kafka/kafka-transactional.sink';
import { kcatRead, TEST_BROKERS, testTopics } from '../testing/kafka-test.support';
import { LeadRelay } from './lead-relay';

/** Two relays of one name, as two workers run them: one active, the other standing by until the first stops. */
describe('two relays of the same name against the real broker', () => {
  const topics = testTopics();
  const relayName = `relay-${randomUUID().slice(0, 8)}`;
  const kafka = createKafkaClient({ brokers: TEST_BROKERS, clientId: 'crm-test-standby' });
  const clock = new VirtualClock('2026-01-01T00:00:00.000Z');
  const store = new SqliteEventStore({ path: ':memory:' });
  const workload = interleavedWorkload({ leads: 30, window: 10, perAppend: 2, walkIns: false });
  const relays: LeadRelay[] = [];
  afterAll(async () => {
    for (const relay of relays) await relay.stop();
    await store.close();
  });

  const newRelay = (): { relay: LeadRelay; lines: string[] } => {
    const lines: string[] = [];
    const logger = { warn: (m: string) => lines.push(`warn ${m}`), log: (m: string) => lines.push(`log ${m}`), debug: () => undefined };
    const sink = new KafkaTransactionalSink(kafka, {
      relayName, transactionalId: `crm-test.${relayName}`, layout: { names: topics, partitions: 3, replicationFactor: 1 },
    });
    const relay = new LeadRelay(store, sink, clock, { name: relayName, topics, exposeContact: false, batchSize: 20, standbyIntervalMs: 500, logger });
    relays.push(relay);
    return { relay, lines };
  };
  const appendSome = async (count: number): Promise<number> => {
    for (let i = 0; i < count; i += 1) {
      const next = workload.next();
      if (next.done) break;
      await store.append(next.value.streamId, next.value.events, 'any');
    }
    return store.headPosition();
  };
  const committed = (): Promise<number> => readRelayCheckpoint(kafka, topics.checkpoints, relayName);
  const until = async (condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> => {
    const deadline = performance.now() + timeoutMs;
    while (!(await condition())) {
      if (performance.now() > deadline) throw new Error('not in time');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('the fenced one stands by without taking turns, takes over once the active one stops, and nothing is sent twice', async () => {
    const first = newRelay();
    first.relay.start();
    await first.relay.waitFor(await appendSome(20), 20_000);

    // The second start fences the first; the first learns it at its next batch and stands by.
    const second = newRelay();
    second.relay.start();
    for (let round = 0; round < 4; round += 1) {
      const head = await appendSome(15);
      await until(async () => (await committed()) >= head);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(first.lines.filter((l) => l.includes('standing by'))).toHaveLength(1);
    expect(first.lines.filter((l) => l.endsWith(': taking over'))).toEqual([]);
    expect(second.lines.filter((l) => l.includes('standing by'))).toEqual([]);
    expect([...first.lines, ...second.lines].filter((l) => l.startsWith('warn'))).toEqual([]);
    // /health of each worker says which relay sends, and the one standing by reports the active one's checkpoint.
    // (as last read: it reads every standbyIntervalMs, so it may be one commit behind)
    const standing = await first.relay.status();
    expect(standing.role).toBe('standby');
    expect(standing.checkpoint).toBeGreaterThan(0);
    expect(standing.checkpoint).toBeLessThanOrEqual(await committed());
    expect(await second.relay.status()).toMatchObject({ role: 'active', checkpoint: second.relay.position });

    // The active relay stops: the one standing by sees its checkpoint stall behind the log and takes over.
    await second.relay.stop();
    const head = await appendSome(30);
    await first.relay.waitFor(head, 30_000);
    expect(first.lines.filter((l) => l.endsWith(': taking over'))).toHaveLength(1);
    expect((await first.relay.status()).role).toBe('active');

    const ids = (await kcatRead(TEST_BROKERS, topics.events)).map((m) => m.value.id as string);
    expect(new Set(ids).size).toBe(ids.length);
    const leadEvents = (await store.readAll({ maxCount: 100_000 })).map((e) => e.metadata.eventId);
    expect(ids.sort()).toEqual(leadEvents.sort());
  }, 120_000);
});
