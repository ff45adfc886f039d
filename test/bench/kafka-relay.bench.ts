/**
 * Kafka relay: throughput from a prefilled event store, against the raw kafkajs producer sending the very same
 * messages in the same batches (the ceiling), and append-to-consume latency at BENCH_RATE events/s.
 * Broker: KAFKA_BROKERS, else the shared one on 127.0.0.1:9092 (infra/local/ensure-services.sh starts it).
 * Run: bash test/bench/run.sh kafka-relay
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { EachBatchPayload, Partitioners } from 'kafkajs';
import { EventToAppend, SqliteEventStore } from '@crm/event-store';
import { SystemClock } from '@crm/kernel';
import { createKafkaClient, ensureTopics, KafkaTransactionalSink, LeadRelay, OutgoingMessage, produceRequests, topicNames, TopicNames } from '@crm/messaging';
import { interleavedWorkload } from '../../libs/projections/src/testing/lead-workload';
import { fmt, prefilledEventStore, printTable } from './projection-bench.support';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
/** Events the relay translates ahead while a batch is in flight (0, the relay's default: off). */
const READ_AHEAD = Number(process.env.BENCH_READ_AHEAD ?? 0);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const LATENCY = process.env.BENCH_LATENCY !== 'false';
/** Events the relay translates untimed before the throughput run; seconds of appends not counted in the latency. */
const WARM_UP = Number(process.env.BENCH_WARM_UP_EVENTS ?? 10_000);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 2);
const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const kafka = createKafkaClient({ brokers: BROKERS, clientId: 'crm-bench' });
const quiet = { warn: (m: string) => process.stderr.write(`${m}\n`), log: () => undefined, debug: () => undefined };
/** CPU seconds (user + system) this process spent since `from`: comparable even when other work shares the machine. */
const cpuSince = (from: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function newTopics(): TopicNames {
  return topicNames(`bench.${randomUUID().slice(0, 8)}.`);
}

async function createTopics(names: TopicNames): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, { names, partitions: 6, replicationFactor: 1 });
  await admin.disconnect();
}

function newSink(names: TopicNames, relayName: string): KafkaTransactionalSink {
  return new KafkaTransactionalSink(kafka, { relayName, transactionalId: `crm-bench.${relayName}`, layout: { names, partitions: 6, replicationFactor: 1 } });
}

/**
 * The relay over the first WARM_UP events, on topics of its own, untimed: the raw producer runs after the relay and
 * finds kafkajs' encoding already compiled by V8; without this, the relay alone would pay for the warm-up.
 */
async function warmUp(store: SqliteEventStore): Promise<void> {
  const names = newTopics();
  await createTopics(names);
  const relay = new LeadRelay(store, newSink(names, `warm-up-${randomUUID().slice(0, 8)}`), new SystemClock(), { name: 'warm-up', topics: names, exposeContact: false, batchSize: BATCH, logger: quiet });
  relay.start();
  await relay.waitFor(Math.min(WARM_UP, await store.headPosition()), 120_000);
  await relay.stop();
}

/** The relay from position 0 to the head: events/s and messages/s, with the messages of each batch recorded. */
async function relayThroughput(store: SqliteEventStore, batches: OutgoingMessage[][]): Promise<{ seconds: number; cpu: number; messages: number }> {
  const names = newTopics();
  await createTopics(names);
  const sink = newSink(names, `throughput-${randomUUID().slice(0, 8)}`);
  const publish = sink.publish.bind(sink);
  sink.publish = async (messages, checkpoint) => {
    batches.push([...messages]);
    await publish(messages, checkpoint);
  };
  await warmUp(store);
  const relay = new LeadRelay(store, sink, new SystemClock(), { name: 'bench', topics: names, exposeContact: false, batchSize: BATCH, readAhead: READ_AHEAD, logger: quiet });
  const head = await store.headPosition();
  const started = performance.now();
  const cpu = process.cpuUsage();
  relay.start();
  await relay.waitFor(head, 600_000);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSince(cpu);
  await relay.stop();
  return { seconds, cpu: cpuSeconds, messages: batches.reduce((n, b) => n + b.length, 0) };
}

/** The ceiling: an idempotent kafkajs producer sending the relay's messages in the relay's batches and requests, one after another. */
async function rawProducer(batches: OutgoingMessage[][]): Promise<{ seconds: number; cpu: number }> {
  const names = newTopics();
  await createTopics(names);
  const rename = (topic: string): string => names[(Object.keys(names) as Array<keyof TopicNames>).find((k) => topic.endsWith(`lead.${k}.v1`)) ?? 'events'];
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const batch of batches) {
    // The sink's own split into produce requests, so that both send requests of the same size.
    for (const topicMessages of produceRequests(batch.map((m) => ({ ...m, topic: rename(m.topic) })))) {
      await producer.sendBatch({ acks: -1, topicMessages });
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSince(cpu);
  await producer.disconnect();
  return { seconds, cpu: cpuSeconds };
}

/** Appends RATE single-event commands per second for SECONDS while the relay runs; a read_committed consumer times each arrival. */
async function latency(): Promise<{ p50: number; p99: number; max: number; count: number }> {
  const names = newTopics();
  await createTopics(names);
  const store = new SqliteEventStore({ path: ':memory:' });
  const relay = new LeadRelay(store, newSink(names, `latency-${randomUUID().slice(0, 8)}`), new SystemClock(), { name: 'latency', topics: names, exposeContact: false, batchSize: BATCH, readAhead: READ_AHEAD, logger: quiet });
  relay.start();
  await relay.waitFor(0);
  const appendedAt = new Map<string, number>();
  const lags: number[] = [];
  const consumer = kafka.consumer({ groupId: `crm-bench.${randomUUID()}`, readUncommitted: false, maxWaitTimeInMs: 50 });
  // consumer.run() returns before the group is joined: appends made meanwhile would count the join as latency (the
  // first second of a 20 s run is over 1% of the events, i.e. the p99). Start appending once it has fetched.
  const fetching = new Promise<void>((resolve) => {
    const off = consumer.on(consumer.events.FETCH, () => {
      off();
      resolve();
    });
  });
  await consumer.connect();
  await consumer.subscribe({ topic: names.events, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }: EachBatchPayload) => {
      const now = performance.now();
      for (const m of batch.messages) {
        const id = (JSON.parse(m.value?.toString() ?? '{}') as { id?: string }).id;
        const at = id ? appendedAt.get(id) : undefined;
        if (at !== undefined) lags.push(now - at);
      }
    },
  });
  await fetching;
  const workload = interleavedWorkload({ leads: 1_000_000, window: 2000, stepMs: 1 });
  const perTick = Math.max(1, Math.round(RATE / 100));
  const started = performance.now();
  // The first WARM_UP_SECONDS run at the same rate but are not timed: V8 compiles the relay's and kafkajs' paths.
  const measuredFrom = started + WARM_UP_SECONDS * 1000;
  for (let tick = 0; performance.now() - started < (WARM_UP_SECONDS + SECONDS) * 1000; tick += 1) {
    for (let i = 0; i < perTick; i += 1) {
      const next = workload.next().value as { streamId: string; events: EventToAppend[] };
      const issued = performance.now();
      await store.append(next.streamId, next.events, 'any');
      if (issued >= measuredFrom) for (const e of next.events) appendedAt.set(e.metadata.eventId, issued);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + (tick + 1) * 10 - performance.now())));
  }
  const expected = appendedAt.size;
  while (lags.length < expected && performance.now() - started < (WARM_UP_SECONDS + SECONDS + 30) * 1000) await new Promise((resolve) => setTimeout(resolve, 20));
  if (lags.length < expected) {
    process.stderr.write(`  only ${lags.length} of ${expected} events arrived; relay at ${relay.position} of ${await store.headPosition()}\n`);
  }
  await consumer.disconnect();
  await relay.stop();
  await store.close();
  lags.sort((a, b) => a - b);
  return { p50: percentile(lags, 50), p99: percentile(lags, 99), max: lags[lags.length - 1] ?? NaN, count: lags.length };
}

async function main(): Promise<void> {
  process.stdout.write(`Kafka relay benchmark: ${fmt(EVENTS)} events, batches of ${BATCH}, read-ahead ${READ_AHEAD}, broker ${BROKERS.join(',')}\n`);
  const { store } = await prefilledEventStore(EVENTS);
  const head = await store.headPosition();
  const batches: OutgoingMessage[][] = [];
  const relay = await relayThroughput(store, batches);
  await store.close();
  const raw = await rawProducer(batches);
  const messages = relay.messages;
  printTable(['contender', 'events/s', 'messages/s', 'seconds', 'CPU seconds (this process)'], [
    ['relay (transactional, checkpoint in the transaction)', fmt(head / relay.seconds), fmt(messages / relay.seconds), relay.seconds.toFixed(2), relay.cpu.toFixed(2)],
    ['raw kafkajs producer (idempotent), same messages and batches', fmt(head / raw.seconds), fmt(messages / raw.seconds), raw.seconds.toFixed(2), raw.cpu.toFixed(2)],
  ]);
  process.stdout.write(`relay / raw = ${(raw.seconds / relay.seconds).toFixed(2)} (${fmt(messages)} messages for ${fmt(head)} events;`
    + ` load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})\n\n`);
  if (!LATENCY) return;
  const lag = await latency();
  process.stdout.write(`append-to-consume latency at ${RATE} events/s for ${SECONDS} s after ${WARM_UP_SECONDS} s of warm-up (read_committed consumer, ${fmt(lag.count)} events): `
    + `p50 ${lag.p50.toFixed(1)} ms, p99 ${lag.p99.toFixed(1)} ms, max ${lag.max.toFixed(1)} ms\n`);
}

main().then(() => process.exit(0), (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
