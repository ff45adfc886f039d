import { CompressionTypes, Kafka, Message, Partitioners, Producer, TopicMessages } from 'kafkajs';
import { OutgoingMessage } from '../envelope/cloud-event';
import { RelaySink } from '../relay/relay-sink.port';
import { TopicLayout } from '../topics';
import { readRelayCheckpoint, RelayCheckpointRecord } from './kafka-checkpoint.reader';
import { ensureTopics } from './kafka-topics.admin';

export interface KafkaTransactionalSinkOptions {
  relayName: string;
  /** Stable per relay name: a new producer with it fences the previous one and aborts its open transaction. */
  transactionalId: string;
  layout: TopicLayout;
  transactionTimeoutMs?: number;
  onTopicsCreated?: (topics: string[]) => void;
  /** Each broker request the producer made and its round trip (kafkajs' request instrumentation): for metrics and benchmarks. */
  onRequest?: (apiName: string, durationMs: number) => void;
}

/**
 * Exactly-once for read_committed consumers: each batch's messages and the relay's checkpoint go out in one Kafka
 * transaction, on an idempotent producer with a transactional id stable per relay. `open()` starts a fresh
 * producer (fencing any zombie, whose open transaction the broker aborts) and only then reads the checkpoint.
 */
export class KafkaTransactionalSink extends RelaySink {
  private producer: Producer | undefined;
  private topicsReady = false;

  constructor(private readonly kafka: Kafka, private readonly options: KafkaTransactionalSinkOptions) {
    super();
  }

  override async open(): Promise<number> {
    await this.close();
    if (!this.topicsReady) await this.createTopics();
    const producer = this.kafka.producer({
      transactionalId: this.options.transactionalId,
      idempotent: true,
      maxInFlightRequests: 1,
      transactionTimeout: this.options.transactionTimeoutMs ?? 30_000,
      allowAutoTopicCreation: false,
      // Java's murmur2 partitioner (kafkajs' default since 2.0, named here to silence its warning): a lead's key
      // lands on the same partition whichever client writes it.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.producer = producer;
    const onRequest = this.options.onRequest;
    if (onRequest) producer.on(producer.events.REQUEST, ({ payload }) => onRequest(payload.apiName, payload.duration));
    await producer.connect();
    // The first transaction initialises the producer id: that is the fencing step. Nothing was added, so the
    // abort sends nothing.
    const fence = await producer.transaction();
    await fence.abort();
    return readRelayCheckpoint(this.kafka, this.options.layout.names.checkpoints, this.options.relayName);
  }

  override async publish(messages: readonly OutgoingMessage[], checkpoint: number): Promise<void> {
    const producer = this.producer;
    if (!producer) throw new Error('KafkaTransactionalSink.publish before open()');
    const transaction = await producer.transaction();
    try {
      await transaction.sendBatch({ topicMessages: this.group(messages, checkpoint), acks: -1, compression: CompressionTypes.None });
      await transaction.commit();
    } catch (error) {
      // Best effort: a failed abort leaves the transaction to the fencing of the next open() (or its timeout).
      await transaction.abort().catch(() => undefined);
      throw error;
    }
  }

  override async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private group(messages: readonly OutgoingMessage[], checkpoint: number): TopicMessages[] {
    const byTopic = new Map<string, Message[]>();
    for (const message of messages) {
      const list = byTopic.get(message.topic) ?? [];
      list.push({ key: message.key, value: message.value, headers: message.headers });
      byTopic.set(message.topic, list);
    }
    const record: RelayCheckpointRecord = { relay: this.options.relayName, position: checkpoint };
    byTopic.set(this.options.layout.names.checkpoints, [{ key: this.options.relayName, value: JSON.stringify(record) }]);
    return [...byTopic].map(([topic, list]) => ({ topic, messages: list }));
  }

  private async createTopics(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const created = await ensureTopics(admin, this.options.layout);
      if (created.length > 0) this.options.onTopicsCreated?.(created);
      this.topicsReady = true;
    } finally {
      await admin.disconnect();
    }
  }
}
