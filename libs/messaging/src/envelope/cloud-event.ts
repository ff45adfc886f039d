/**
 * The value of every message we publish: a CloudEvents 1.0 event in structured JSON mode. The extension
 * attributes (lowercase, as CloudEvents requires) say where the event sits in the lead's stream and the log.
 */
export interface CloudEvent<Data = unknown> {
  specversion: '1.0';
  /** Unique per message and stable across re-sends: the consumer's deduplication key. */
  id: string;
  source: string;
  type: string;
  /** The lead id (also the message key). */
  subject: string;
  /** When it happened (the event's occurred-at). */
  time: string;
  /** The `$id` of the JSON Schema the whole message conforms to. */
  dataschema: string;
  datacontenttype: 'application/json';
  data: Data;
  dealerid: string;
  /** When the system recorded the fact behind the message. */
  recordedtime: string;
  /** Extensions of messages derived from the event log. */
  leadrevision?: number;
  logposition?: number;
}

/** Headers on every message: what a consumer needs without parsing the value. */
export const MESSAGE_HEADERS = {
  contentType: 'content-type',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  actorId: 'actor-id',
  actorRole: 'actor-role',
  eventType: 'ce-type',
} as const;

export const CLOUD_EVENT_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

/** What a sink writes: topic, key, value and headers, already serialised. */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export const CLOUD_EVENT_SOURCE = '/crm/lead-lifecycle';
export const SCHEMA_BASE_URI = 'https://schemas.crm.local/messaging';

/** The `dataschema` of a message type: the `$id` of its JSON Schema file in libs/messaging/schemas. */
export const schemaIdOf = (file: string): string => `${SCHEMA_BASE_URI}/${file}`;

export function toOutgoing(topic: string, event: CloudEvent, headers: Record<string, string>): OutgoingMessage {
  return {
    topic,
    key: event.subject,
    value: JSON.stringify(event),
    headers: { [MESSAGE_HEADERS.contentType]: CLOUD_EVENT_CONTENT_TYPE, [MESSAGE_HEADERS.eventType]: event.type, ...headers },
  };
}
