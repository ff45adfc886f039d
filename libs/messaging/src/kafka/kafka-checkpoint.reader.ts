import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';

export interface RelayCheckpointRecord {
  relay: string;
  position: number;
}

export class CheckpointReadTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`The relay checkpoint topic was not read to its end within ${timeoutMs} ms (an open transaction?)`);
    this.name = 'CheckpointReadTimeoutError';
  }
}

/**
 * Reads the last committed checkpoint of one relay from the compacted checkpoint topic, as a read_committed
 * consumer: records of an aborted or still open transaction are never seen. Reads to the end offsets taken at
 * the start; a throwaway consumer group (nothing committed) because kafkajs cannot read without one.
 */
export async function readRelayCheckpoint(kafka: Kafka, topic: string, relay: string, timeoutMs = 30_000): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  let ends: Map<number, bigint>;
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    ends = new Map(offsets.filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => [p.partition, BigInt(p.high) - 1n]));
  } finally {
    await admin.disconnect();
  }
  if (ends.size === 0) return 0;

  const consumer = kafka.consumer({ groupId: `crm.checkpoint-reader.${randomUUID()}`, readUncommitted: false, maxWaitTimeInMs: 100 });
  let position = 0;
  let reached: () => void = () => undefined;
  const allRead = new Promise<void>((resolve) => (reached = resolve));
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    const end = ends.get(payload.partition);
    // Control records (transaction markers) end most batches: the batch's last offset counts them too.
    if (end !== undefined && BigInt(payload.lastOffset) >= end) ends.delete(payload.partition);
    if (ends.size === 0) reached();
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic: topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ message }) => {
        if (message.key?.toString() !== relay || !message.value) return;
        position = (JSON.parse(message.value.toString()) as RelayCheckpointRecord).position;
      },
    });
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new CheckpointReadTimeoutError(timeoutMs)), timeoutMs)));
    await Promise.race([allRead, timeout]);
    return position;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}
