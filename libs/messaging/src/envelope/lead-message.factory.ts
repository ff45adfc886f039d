import type { RecordedEvent } from '@crm/event-store';
import { leadIdFromStream } from '../../../lead/src/events/lead-event-schema';
import { FunnelStageChange, IntentTierChange } from '../derivation/derived-changes';
import { maskEventData } from '../masking/contact-masking';
import { TopicNames } from '../topics';
import { CLOUD_EVENT_CONTENT_TYPE, CLOUD_EVENT_SOURCE, CloudEvent, MESSAGE_HEADERS, OutgoingMessage, schemaIdOf } from './cloud-event';

export interface LeadMessageOptions {
  /** Contact fields go out as stored only when true (KAFKA_EXPOSE_CONTACT). */
  exposeContact: boolean;
  topics: TopicNames;
}

export const leadEventType = (eventType: string): string => `crm.lead.${eventType}`;
export const FUNNEL_STAGE_CHANGED = 'crm.lead.FunnelStageChanged';
export const INTENT_TIER_CHANGED = 'crm.lead.IntentTierChanged';
const FUNNEL_SCHEMA = schemaIdOf('lead-funnel-stage-changed.schema.json');
const TIER_SCHEMA = schemaIdOf('lead-intent-tier-changed.schema.json');

/**
 * The relay builds two or three of these per event, at tens of thousands a second: each message is one object
 * literal of one fixed shape (the attributes in the order of CloudEvent), which JSON.stringify walks on its fast
 * path. Assembled from spread partials, the same value cost several times as much to build and serialise.
 */
function leadMessage<Data>(
  topic: string, recorded: RecordedEvent, leadId: string, dealerId: string, id: string, type: string, dataschema: string, data: Data, causationId: string,
): OutgoingMessage {
  const { metadata } = recorded;
  const event: CloudEvent<Data> = {
    specversion: '1.0', source: CLOUD_EVENT_SOURCE, subject: leadId, time: metadata.occurredAt, datacontenttype: 'application/json',
    dealerid: dealerId, recordedtime: metadata.recordedAt, leadrevision: recorded.revision, logposition: recorded.position,
    id, type, dataschema, data,
  };
  return {
    topic, key: leadId, value: JSON.stringify(event),
    headers: {
      [MESSAGE_HEADERS.contentType]: CLOUD_EVENT_CONTENT_TYPE, [MESSAGE_HEADERS.eventType]: type,
      [MESSAGE_HEADERS.correlationId]: metadata.correlationId, [MESSAGE_HEADERS.causationId]: causationId,
      [MESSAGE_HEADERS.actorId]: metadata.actor.id, [MESSAGE_HEADERS.actorRole]: metadata.actor.role,
    },
  };
}

/** `lead.events.v1`: the stored event, its id as the message id (the consumer's deduplication key). */
export function leadEventMessage(recorded: RecordedEvent, options: LeadMessageOptions): OutgoingMessage {
  const data = options.exposeContact ? recorded.data : maskEventData(recorded.type, recorded.data);
  const { metadata } = recorded;
  return leadMessage(
    options.topics.events, recorded, leadIdFromStream(recorded.streamId), metadata.actor.dealerId, metadata.eventId, leadEventType(recorded.type),
    schemaIdOf(`lead-events/${recorded.type}.schema.json`), data, metadata.causationId,
  );
}

/** `lead.funnel.v1`: derived from the event; its id is derived from the event's, so a re-send has the same id. */
export function funnelMessage(recorded: RecordedEvent, change: FunnelStageChange, topics: TopicNames): OutgoingMessage {
  const { eventId } = recorded.metadata;
  return leadMessage(topics.funnel, recorded, change.leadId, change.dealerId, `${eventId}:funnel`, FUNNEL_STAGE_CHANGED, FUNNEL_SCHEMA, change, eventId);
}

/** `lead.tiers.v1`: as the funnel message. */
export function tierMessage(recorded: RecordedEvent, change: IntentTierChange, topics: TopicNames): OutgoingMessage {
  const { eventId } = recorded.metadata;
  return leadMessage(topics.tiers, recorded, change.leadId, change.dealerId, `${eventId}:tier`, INTENT_TIER_CHANGED, TIER_SCHEMA, change, eventId);
}
