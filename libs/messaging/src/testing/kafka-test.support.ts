import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Kafka } from 'kafkajs';
import { createKafkaClient } from '../kafka/kafka-client.factory';
import { topicNames, TopicNames } from '../topics';

/** The shared broker (infra/local/ensure-services.sh starts it) unless KAFKA_BROKERS names another. */
export const TEST_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** Topics of their own for one test: nothing another test (or run) wrote is read. */
export function testTopics(): TopicNames {
  return topicNames(`test.${randomUUID().slice(0, 8)}.`);
}

export function testKafka(brokers: readonly string[] = TEST_BROKERS): Kafka {
  return createKafkaClient({ brokers, clientId: 'crm-test' });
}

export interface ConsumedMessage {
  topic: string;
  partition: number;
  key: string;
  value: Record<string, unknown>;
  headers: Record<string, string>;
}

/**
 * Reads `topics` from the beginning as a read_committed consumer until `done(messages)` holds, or fails after
 * `timeoutMs` with what it had. Waits for a condition, never for a fixed time.
 */
export async function consumeUntil(
  kafka: Kafka, topics: readonly string[], done: (messages: readonly ConsumedMessage[]) => boolean, timeoutMs = 30_000,
): Promise<ConsumedMessage[]> {
  const consumer = kafka.consumer({ groupId: `crm-test.${randomUUID()}`, readUncommitted: false, maxWaitTimeInMs: 100 });
  const messages: ConsumedMessage[] = [];
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(m.headers ?? {})) headers[name] = String(value);
          messages.push({ topic: batch.topic, partition: batch.partition, key: m.key?.toString() ?? '', value: JSON.parse(m.value?.toString() ?? 'null'), headers });
        }
        if (done(messages)) finish();
      },
    });
    if (done(messages)) finish();
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([finished, timeout]);
    if (!done(messages)) throw new Error(`consumeUntil: condition not met within ${timeoutMs} ms (${messages.length} messages read)`);
    return messages;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}

const run = promisify(execFile);

/** Reads a whole topic with kcat (Debian's package: not our code), read_committed unless told; one JSON value per line. */
export async function kcatRead(
  brokers: readonly string[], topic: string, isolation: 'read_committed' | 'read_uncommitted' = 'read_committed',
): Promise<Array<{ key: string; value: Record<string, unknown> }>> {
  const { stdout } = await run('kcat', [
    '-b', brokers.join(','), '-C', '-t', topic, '-o', 'beginning', '-e', '-q',
    '-X', `isolation.level=${isolation}`, '-f', '%k\t%s\n',
  ], { maxBuffer: 512 * 1024 * 1024 });
  return stdout.split('\n').filter((line) => line.length > 0).map((line) => {
    const tab = line.indexOf('\t');
    return { key: line.slice(0, tab), value: JSON.parse(line.slice(tab + 1)) as Record<string, unknown> };
  });
}
