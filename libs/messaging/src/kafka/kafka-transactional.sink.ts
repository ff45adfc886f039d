import { CompressionTypes, Kafka, Partitioners, Producer } from 'kafkajs';
import { OutgoingMessage } from '../envelope/cloud-event';
import { RelayFencedError } from '../relay/relay-fenced.error';
import { RelaySink } from '../relay/relay-sink.port';
import { TopicLayout } from '../topics';
import { readRelayCheckpoint, RelayCheckpointRecord } from './kafka-checkpoint.reader';
import { ensureTopics } from './kafka-topics.admin';
import { DEFAULT_REQUEST_BYTES, produceRequests } from './produce-requests';

export interface KafkaTransactionalSinkOptions {
  relayName: string;
  /** Stable per relay name: a new producer with it fences the previous one and aborts its open transaction. */
  transactionalId: string;
  layout: TopicLayout;
  transactionTimeoutMs?: number;
  /** Payload bytes per produce request; a bigger batch goes out as several requests in its one transaction. */
  requestBytes?: number;
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
      // A transaction begun right after a commit often finds the coordinator still writing the last one's markers
      // and is refused with CONCURRENT_TRANSACTIONS (retriable, done within milliseconds). kafkajs retries it after
      // the client's first backoff (100 ms): every tenth transaction at 1,000 events/s, so it was the p99 latency.
      // 20 ms, as the Java producer uses for that error; retries stay unlimited as kafkajs sets them for an
      // idempotent producer.
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 20, maxRetryTime: 2_000 },
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
      // One after another (one request in flight): a lead's messages stay in order across requests.
      for (const topicMessages of this.requests(messages, checkpoint)) {
        await transaction.sendBatch({ topicMessages, acks: -1, compression: CompressionTypes.None });
      }
      await transaction.commit();
    } catch (error) {
      // Best effort: a failed abort leaves the transaction to the fencing of the next open() (or its timeout).
      await transaction.abort().catch(() => undefined);
      throw isFencing(error) ? new RelayFencedError(this.options.relayName, error) : error;
    }
  }

  override committedCheckpoint(): Promise<number> {
    return readRelayCheckpoint(this.kafka, this.options.layout.names.checkpoints, this.options.relayName);
  }

  override async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }

  private requests(messages: readonly OutgoingMessage[], checkpoint: number): ReturnType<typeof produceRequests> {
    const record: RelayCheckpointRecord = { relay: this.options.relayName, position: checkpoint };
    const checkpointMessage: OutgoingMessage = { topic: this.options.layout.names.checkpoints, key: this.options.relayName, value: JSON.stringify(record), headers: {} };
    return produceRequests(messages, this.options.requestBytes ?? DEFAULT_REQUEST_BYTES, checkpointMessage);
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

/** INVALID_PRODUCER_EPOCH (47), or PRODUCER_FENCED (90, newer brokers; kafkajs 2.2.4 has no name for it), anywhere in the cause chain. */
function isFencing(error: unknown): boolean {
  for (let e = error as { type?: unknown; code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.type === 'INVALID_PRODUCER_EPOCH' || e.code === 47 || e.code === 90) return true;
  }
  return false;
}
