import { Kafka, Partitioners, Producer } from 'kafkajs';
import { CLOUD_EVENT_SOURCE, CloudEvent, MESSAGE_HEADERS, schemaIdOf, toOutgoing } from '../envelope/cloud-event';
import { MessageSchemas } from '../schemas/message-schemas';
import { TouchMessage } from './touch-message';
import { InvalidTouchMessageError, TouchPublisher } from './touch-publisher.port';

export const TOUCH_DUE = 'crm.lead.TouchDue';
const TOUCH_SCHEMA = schemaIdOf('lead-touch-due.schema.json');
/** Envelope attributes filled from the message's fields: a problem there is named after the field. */
const FIELD_OF_ATTRIBUTE: Record<string, string> = { '/id': 'touchId', '/subject': 'leadId', '/time': 'dueAt', '/dealerid': 'dealerId', '/recordedtime': 'recordedAt' };

function fieldOf(path: string): string {
  return path.startsWith('/data/') ? path.slice('/data/'.length) : FIELD_OF_ATTRIBUTE[path] ?? path;
}

export type TouchData = Omit<TouchMessage, 'correlationId' | 'causationId' | 'recordedAt'>;

/** The CloudEvent of a touch: id = touch id (the idempotency key), subject and key = lead id. */
export function touchEvent(message: TouchMessage): CloudEvent<TouchData> {
  const { correlationId: _c, causationId: _k, recordedAt, ...data } = message;
  return {
    specversion: '1.0', id: message.touchId, source: CLOUD_EVENT_SOURCE, type: TOUCH_DUE, subject: message.leadId,
    time: message.dueAt, dataschema: TOUCH_SCHEMA, datacontenttype: 'application/json', data,
    dealerid: message.dealerId, recordedtime: recordedAt,
  };
}

/**
 * `lead.touches.v1` on an idempotent producer (acks from all in-sync replicas, no duplicates from its own
 * retries). A message is checked against its JSON Schema before it is sent: a bad one is refused with the field.
 */
export class KafkaTouchPublisher extends TouchPublisher {
  private producer: Producer | undefined;
  private connecting: Promise<Producer> | undefined;

  constructor(private readonly kafka: Kafka, private readonly topic: string, private readonly schemas = new MessageSchemas()) {
    super();
  }

  override async publish(message: TouchMessage): Promise<void> {
    const event = touchEvent(message);
    // The data's own problems first: they name the message's fields directly.
    const problems = this.schemas.problems(event).sort((a, b) => Number(b.path.startsWith('/data/')) - Number(a.path.startsWith('/data/')));
    const problem = problems[0];
    if (problem) throw new InvalidTouchMessageError(fieldOf(problem.path), problem.message);
    const outgoing = toOutgoing(this.topic, event, {
      [MESSAGE_HEADERS.correlationId]: message.correlationId, [MESSAGE_HEADERS.causationId]: message.causationId,
    });
    const producer = await this.connected();
    await producer.send({ topic: this.topic, acks: -1, messages: [{ key: outgoing.key, value: outgoing.value, headers: outgoing.headers }] });
  }

  override async close(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    this.connecting = undefined;
    await producer?.disconnect();
  }

  private connected(): Promise<Producer> {
    this.connecting ??= (async () => {
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
      await producer.connect();
      this.producer = producer;
      return producer;
    })().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }
}
