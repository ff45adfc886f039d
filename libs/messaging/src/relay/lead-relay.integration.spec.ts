import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@crm/event-store';
import { VirtualClock } from '@crm/kernel';
import { leadIdFromStream } from '@crm/lead';
import { decodeLeadEvent, FunnelLeadView, FunnelProjection, TierLeadView, TierProjection } from '@crm/projections';
import { interleavedWorkload } from '../../../projections/src/testing/lead-workload';
import { createKafkaClient } from '../kafka/kafka-client.factory';
import { KafkaTransactionalSink } from '../kafka/kafka-transactional.sink';
import { MessageSchemas } from '../schemas/message-schemas';
import { kcatRead, TEST_BROKERS, testTopics } from '../testing/kafka-test.support';
import { LeadRelay } from './lead-relay';

const quiet = { warn: jest.fn(), log: jest.fn(), debug: () => undefined };
const schemas = new MessageSchemas();

describe('LeadRelay against the real broker, read back with kcat', () => {
  const topics = testTopics();
  const relayName = `relay-${randomUUID().slice(0, 8)}`;
  const kafka = createKafkaClient({ brokers: TEST_BROKERS, clientId: 'crm-test-relay' });
  const clock = new VirtualClock('2026-01-01T00:00:00.000Z');
  let store: SqliteEventStore;
  const relays: LeadRelay[] = [];

  const newRelay = (requestBytes?: number): LeadRelay => {
    const sink = new KafkaTransactionalSink(kafka, {
      relayName, transactionalId: `crm-test.${relayName}`, layout: { names: topics, partitions: 3, replicationFactor: 1 }, requestBytes,
    });
    const relay = new LeadRelay(store, sink, clock, { name: relayName, topics, exposeContact: false, batchSize: 100, logger: quiet });
    relays.push(relay);
    return relay;
  };

  beforeAll(() => {
    store = new SqliteEventStore({ path: ':memory:' });
  });
  afterAll(async () => {
    for (const relay of relays) await relay.stop();
    await store.close();
  });

  it('publishes every lead event once, in order per lead, with derived funnel and tier changes, across a restart', async () => {
    const workload = interleavedWorkload({ leads: 40, window: 15, perAppend: 2, walkIns: true });
    const appends = [...workload];
    const half = Math.floor(appends.length / 2);
    for (const a of appends.slice(0, half)) await store.append(a.streamId, a.events, 'any');
    await store.append(`phone-dealer-0-8613800000000`, [{ type: 'PhoneNumberReserved', data: { phone: '+8613800000000' }, metadata: { ...appends[0]!.events[0]!.metadata, eventId: randomUUID() } }], 'no_stream');

    const first = newRelay();
    first.start();
    await first.waitFor(await store.headPosition(), 20_000);
    await first.stop();
    // A new relay instance (as after a restart) goes on from the checkpoint in Kafka: nothing twice. This one sends
    // each transaction as several produce requests (a small byte budget): still once each, in order per lead.
    for (const a of appends.slice(half)) await store.append(a.streamId, a.events, 'any');
    const second = newRelay(4096);
    second.start();
    const head = await store.headPosition();
    await second.waitFor(head, 20_000);
    expect((await second.status()).eventsBehind).toBe(0);

    const log = await store.readAll({ maxCount: 100_000 });
    const leadEvents = log.filter((e) => decodeLeadEvent(e));
    const published = await kcatRead(TEST_BROKERS, topics.events);
    expect(published.map((m) => m.value.id).sort()).toEqual(leadEvents.map((e) => e.metadata.eventId).sort());
    for (const message of published) expect(schemas.problems(message.value)).toEqual([]);
    // Per lead, the order of the log; the key is the lead id.
    const byLead = new Map<string, string[]>();
    for (const m of published) {
      expect(m.key).toBe(m.value.subject);
      byLead.set(m.key, [...(byLead.get(m.key) ?? []), m.value.id as string]);
    }
    for (const [leadId, ids] of byLead) {
      expect(ids).toEqual(leadEvents.filter((e) => leadIdFromStream(e.streamId) === leadId).map((e) => e.metadata.eventId));
    }
    // Contact fields are masked.
    const registered = published.find((m) => m.value.type === 'crm.lead.LeadRegistered');
    expect((registered?.value.data as { contact: { phone: string } }).contact.phone).toBe('+86138****0000');

    // The last funnel and tier message of each lead agree with the read models' rules folded over the log.
    const funnel = new FunnelProjection();
    const tiers = new TierProjection();
    const views = new Map<string, { funnel?: FunnelLeadView; tier?: TierLeadView }>();
    for (const recorded of leadEvents) {
      const envelope = decodeLeadEvent(recorded)!;
      const view = views.get(envelope.leadId) ?? {};
      views.set(envelope.leadId, { funnel: funnel.evolve(view.funnel, envelope), tier: tiers.evolve(view.tier, envelope) });
    }
    const funnelMessages = await kcatRead(TEST_BROKERS, topics.funnel);
    const tierMessages = await kcatRead(TEST_BROKERS, topics.tiers);
    for (const message of [...funnelMessages, ...tierMessages]) expect(schemas.problems(message.value)).toEqual([]);
    const lastOf = (messages: typeof funnelMessages) => new Map(messages.map((m) => [m.key, m.value.data as Record<string, unknown>]));
    const lastFunnel = lastOf(funnelMessages);
    const lastTier = lastOf(tierMessages);
    expect(lastFunnel.size).toBe(views.size);
    for (const [leadId, view] of views) {
      expect(lastFunnel.get(leadId)).toMatchObject({ stage: view.funnel?.stage, status: view.funnel?.status });
      expect(lastTier.get(leadId)?.tier).toBe(view.tier?.tier);
    }
    expect(new Set(funnelMessages.map((m) => m.value.id)).size).toBe(funnelMessages.length);
  }, 60_000);
});
