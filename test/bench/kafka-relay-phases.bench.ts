/**
 * Where the Kafka relay's time goes. (1) CPU per event by phase, no broker: read the log, derive funnel and tier
 * changes, serialise the CloudEvents, and kafkajs' own encoding of the produce request for those messages.
 * (2) The relay against the broker, from a prefilled store and then live at BENCH_RATE events/s: per transaction,
 * the time between batches (read and translate) and in publish, and each broker request's round trip by kind
 * (AddPartitionsToTxn, Produce, EndTxn). Run: bash test/bench/run.sh kafka-relay-phases
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Partitioners } from 'kafkajs';
import { EventStore, EventToAppend, RecordedEvent, SqliteEventStore } from '@crm/event-store';
import { SystemClock } from '@crm/kernel';
import {
  createKafkaClient, decodeLeadEvent, DerivedStateCache, ensureTopics, evolveDerived, funnelChange, funnelMessage, KafkaTransactionalSink,
  LeadRelay, leadEventMessage, OutgoingMessage, tierChange, tierMessage, topicNames,
} from '@crm/messaging';
import { interleavedWorkload } from '../../libs/projections/src/testing/lead-workload';
import { fmt, prefilledEventStore, printTable } from './projection-bench.support';

// kafkajs' own produce request (v3, the version the broker negotiates with it): bench-only, to price its encoding.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const produceRequest = require('kafkajs/src/protocol/requests/produce/v3/request') as (args: object) => { encode: () => Promise<{ buffer: Buffer }> };

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const READ_AHEAD = Number(process.env.BENCH_READ_AHEAD ?? 0);
const kafka = createKafkaClient({ brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), clientId: 'crm-bench' });
const quiet = { warn: (m: string) => process.stderr.write(`${m}\n`), log: () => undefined, debug: () => undefined };
const cpuMs = (from: NodeJS.CpuUsage): number => { const u = process.cpuUsage(from); return (u.user + u.system) / 1000; };
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** Times one phase over every batch: CPU and wall milliseconds in total. */
class Phase {
  cpu = 0;
  wall = 0;
  async time<T>(work: () => Promise<T> | T): Promise<T> {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const out = await work();
    this.wall += performance.now() - started;
    this.cpu += cpuMs(cpu);
    return out;
  }
}

async function cpuByPhase(store: EventStore, topics: ReturnType<typeof topicNames>): Promise<void> {
  const phases = { read: new Phase(), derive: new Phase(), serialise: new Phase(), encode: new Phase() };
  const cache = new DerivedStateCache(store);
  const partitioner = Partitioners.DefaultPartitioner();
  const options = { topics, exposeContact: false };
  let after = 0;
  let messages = 0;
  for (;;) {
    const events = await phases.read.time(() => store.readAll({ afterPosition: after, maxCount: BATCH }));
    const last = events[events.length - 1];
    if (!last) break;
    after = last.position;
    const derived = await phases.derive.time(async () => {
      const out: Array<{ recorded: RecordedEvent; funnel?: ReturnType<typeof funnelChange>; tier?: ReturnType<typeof tierChange> }> = [];
      for (const recorded of events) {
        const envelope = decodeLeadEvent(recorded);
        if (!envelope) continue;
        const before = await cache.before(recorded);
        const next = evolveDerived(before, envelope.event);
        cache.remember(recorded, next);
        out.push({ recorded, funnel: funnelChange(envelope.leadId, before, next, envelope.event.type), tier: tierChange(envelope.leadId, before, next, envelope.event.type) });
      }
      return out;
    });
    const batch = await phases.serialise.time(() => derived.flatMap(({ recorded, funnel, tier }): OutgoingMessage[] => [
      leadEventMessage(recorded, options), ...(funnel ? [funnelMessage(recorded, funnel, topics)] : []), ...(tier ? [tierMessage(recorded, tier, topics)] : []),
    ]));
    messages += batch.length;
    await phases.encode.time(async () => {
      const byPartition = new Map<string, OutgoingMessage[]>();
      for (const m of batch) {
        const at = `${m.topic}\u0000${partitioner({ topic: m.topic, partitionMetadata: SIX, message: m })}`;
        const list = byPartition.get(at);
        if (list) list.push(m);
        else byPartition.set(at, [m]);
      }
      const topicData = [...byPartition].map(([at, list]) => {
        const [topic, partition] = at.split('\u0000');
        return { topic, partitions: [{ partition: Number(partition), firstSequence: 0, messages: list }] };
      });
      await produceRequest({ acks: -1, timeout: 30_000, transactionalId: 'phases', topicData }).encode();
    });
  }
  process.stdout.write(`\nCPU per event by phase (${fmt(after)} events, ${fmt(messages)} messages, batches of ${BATCH}, no broker):\n`);
  printTable(['phase', 'CPU µs / event', 'wall µs / event', 'CPU s in total'], Object.entries(phases).map(([name, p]) => [
    name, (1000 * p.cpu / after).toFixed(1), (1000 * p.wall / after).toFixed(1), (p.cpu / 1000).toFixed(2),
  ]));
}
const SIX = [0, 1, 2, 3, 4, 5].map((partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], partitionErrorCode: 0 }));

/** The relay against the broker: wall time between publishes (read + translate) and in them, and broker round trips by request. */
async function relayPhases(label: string, store: EventStore, drive: (relay: LeadRelay) => Promise<number>): Promise<void> {
  const names = topicNames(`bench.${randomUUID().slice(0, 8)}.`);
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, { names, partitions: 6, replicationFactor: 1 });
  await admin.disconnect();
  const requests = new Map<string, number[]>();
  const relayName = `phases-${randomUUID().slice(0, 8)}`;
  const sink = new KafkaTransactionalSink(kafka, {
    relayName, transactionalId: `crm-bench.${relayName}`, layout: { names, partitions: 6, replicationFactor: 1 },
    onRequest: (api, ms) => requests.set(api, [...(requests.get(api) ?? []), ms]),
  });
  const publish = sink.publish.bind(sink);
  const between: number[] = [];
  const inPublish: number[] = [];
  const sizes: number[] = [];
  let lastEnd: number | undefined;
  sink.publish = async (messages, checkpoint) => {
    const started = performance.now();
    if (lastEnd !== undefined) between.push(started - lastEnd);
    sizes.push(messages.length);
    await publish(messages, checkpoint);
    lastEnd = performance.now();
    inPublish.push(lastEnd - started);
  };
  const relay = new LeadRelay(store, sink, new SystemClock(), { name: 'phases', topics: names, exposeContact: false, batchSize: BATCH, readAhead: READ_AHEAD, logger: quiet });
  relay.start();
  await relay.waitFor(0, 60_000);
  requests.clear();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const events = await drive(relay);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuMs(cpu) / 1000;
  await relay.stop();
  process.stdout.write(`\n${label}: ${fmt(events)} events in ${seconds.toFixed(2)} s (${fmt(events / seconds)} events/s), ${cpuSeconds.toFixed(2)} CPU-s, `
    + `${sizes.length} transactions of ${fmt(sum(sizes) / sizes.length)} messages on average\n`);
  const row = (name: string, xs: number[]): string[] => [name, fmt(xs.length), (sum(xs) / xs.length).toFixed(2), pct(xs, 50).toFixed(2), pct(xs, 99).toFixed(2), (sum(xs) / 1000).toFixed(2)];
  printTable(['per transaction', 'count', 'mean ms', 'p50 ms', 'p99 ms', 'total s'], [
    row('between publishes (read, derive, serialise)', between), row('publish (encode, requests, commit)', inPublish),
    ...[...requests].map(([api, xs]) => row(`  broker round trip: ${api}`, xs)),
  ]);
}

async function main(): Promise<void> {
  process.stdout.write(`Kafka relay phases: ${fmt(EVENTS)} events, batches of ${BATCH}, read-ahead ${READ_AHEAD}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  const { store } = await prefilledEventStore(EVENTS);
  const head = await store.headPosition();
  await cpuByPhase(store, topicNames('phases.'));
  await relayPhases('throughput (prefilled store, position 0 to head)', store, async (relay) => {
    await relay.waitFor(head, 600_000);
    return head;
  });
  await store.close();
  const live = new SqliteEventStore({ path: ':memory:' });
  await relayPhases(`live at ${RATE} events/s for ${SECONDS} s`, live, async (relay) => {
    const workload = interleavedWorkload({ leads: 1_000_000, window: 2000, stepMs: 1 });
    const perTick = Math.max(1, Math.round(RATE / 100));
    const started = performance.now();
    for (let tick = 0; performance.now() - started < SECONDS * 1000; tick += 1) {
      for (let i = 0; i < perTick; i += 1) {
        const next = workload.next().value as { streamId: string; events: EventToAppend[] };
        await live.append(next.streamId, next.events, 'any');
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + (tick + 1) * 10 - performance.now())));
    }
    const last = await live.headPosition();
    await relay.waitFor(last, 60_000);
    return last;
  });
  await live.close();
  process.stdout.write(`load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
}

main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
