/**
 * The relay process the Kafka crash test kills with SIGKILL: relays the given SQLite event store to the given
 * topics until it dies. It loads, says "loaded", and waits for a "go" line on stdin, so that the test can load
 * the next one while the current one runs. Then it says "opened <checkpoint>" once it holds the transactional id
 * and its checkpoint, and "committed <position>" after each acknowledged batch. SIGTERM stops it gracefully.
 */
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store.adapter';
import { SystemClock } from '../../libs/kernel/src/system-clock.adapter';
import { createKafkaClient } from '../../libs/messaging/src/kafka/kafka-client.factory';
import { KafkaTransactionalSink } from '../../libs/messaging/src/kafka/kafka-transactional.sink';
import { LeadRelay } from '../../libs/messaging/src/relay/lead-relay';
import { topicNames } from '../../libs/messaging/src/topics';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

const store = new SqliteEventStore({ path: env('CRASH_EVENTS_PATH'), pollIntervalMs: 5 });
const name = env('CRASH_RELAY_NAME');
const topics = topicNames(env('CRASH_TOPIC_PREFIX'));
const kafka = createKafkaClient({ brokers: env('CRASH_KAFKA_BROKERS').split(','), clientId: 'crm-crash-child' });
const sink = new KafkaTransactionalSink(kafka, { relayName: name, transactionalId: `crm-crash.${name}`, layout: { names: topics, partitions: 3, replicationFactor: 1 } });
const open = sink.open.bind(sink);
sink.open = async () => {
  trace('opening');
  const checkpoint = await open();
  trace(`opened ${checkpoint}`);
  process.stdout.write(`opened ${checkpoint}\n`);
  return checkpoint;
};
const publish = sink.publish.bind(sink);
sink.publish = async (messages, checkpoint) => {
  await publish(messages, checkpoint);
  process.stdout.write(`committed ${checkpoint}\n`);
};
const relay = new LeadRelay(store, sink, new SystemClock(), {
  name, topics, exposeContact: false, batchSize: Number(process.env.CRASH_BATCH_SIZE ?? 500),
  logger: { warn: (m) => process.stderr.write(`${m}\n`), log: () => undefined, debug: (m) => trace(m) },
});
const t0 = Date.now();
const trace = (what: string): void => {
  if (process.env.CRASH_TRACE) process.stderr.write(`[child ${process.pid} +${Date.now() - t0} ms] ${what}\n`);
};
trace('loaded');
process.stdout.write('loaded\n');
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  if (!chunk.includes('go')) return;
  trace('go');
  relay.start();
});
process.once('SIGTERM', () => void relay.stop().then(() => store.close()).then(() => process.exit(0)));
