import type { RecordedEvent } from '@crm/event-store';
import type { EventMetadata } from '@crm/kernel';
import { leadIdFromStream } from '../../../lead/src/events/lead-event-schema';
import { FunnelStageChange, IntentTierChange } from '../derivation/derived-changes';
import { maskEventData } from '../masking/contact-masking';
import { TopicNames } from '../topics';
import { CLOUD_EVENT_SOURCE, CloudEvent, MESSAGE_HEADERS, OutgoingMessage, schemaIdOf, toOutgoing } from './cloud-event';

export interface LeadMessageOptions {
  /** Contact fields go out as stored only when true (KAFKA_EXPOSE_CONTACT). */
  exposeContact: boolean;
  topics: TopicNames;
}

export const leadEventType = (eventType: string): string => `crm.lead.${eventType}`;
export const FUNNEL_STAGE_CHANGED = 'crm.lead.FunnelStageChanged';
export const INTENT_TIER_CHANGED = 'crm.lead.IntentTierChanged';

function headersOf(metadata: EventMetadata): Record<string, string> {
  return {
    [MESSAGE_HEADERS.correlationId]: metadata.correlationId,
    [MESSAGE_HEADERS.causationId]: metadata.causationId,
    [MESSAGE_HEADERS.actorId]: metadata.actor.id,
    [MESSAGE_HEADERS.actorRole]: metadata.actor.role,
  };
}

function base(recorded: RecordedEvent, leadId: string): Omit<CloudEvent, 'id' | 'type' | 'dataschema' | 'data'> {
  const { metadata } = recorded;
  return {
    specversion: '1.0', source: CLOUD_EVENT_SOURCE, subject: leadId, time: metadata.occurredAt,
    datacontenttype: 'application/json', dealerid: metadata.actor.dealerId, recordedtime: metadata.recordedAt,
    leadrevision: recorded.revision, logposition: recorded.position,
  };
}

/** `lead.events.v1`: the stored event, its id as the message id (the consumer's deduplication key). */
export function leadEventMessage(recorded: RecordedEvent, options: LeadMessageOptions): OutgoingMessage {
  const leadId = leadIdFromStream(recorded.streamId);
  const data = options.exposeContact ? recorded.data : maskEventData(recorded.type, recorded.data);
  const event: CloudEvent = {
    ...base(recorded, leadId), id: recorded.metadata.eventId, type: leadEventType(recorded.type),
    dataschema: schemaIdOf(`lead-events/${recorded.type}.schema.json`), data,
  };
  return toOutgoing(options.topics.events, event, headersOf(recorded.metadata));
}

/** `lead.funnel.v1`: derived from the event; its id is derived from the event's, so a re-send has the same id. */
export function funnelMessage(recorded: RecordedEvent, change: FunnelStageChange, topics: TopicNames): OutgoingMessage {
  const event: CloudEvent<FunnelStageChange> = {
    ...base(recorded, change.leadId), dealerid: change.dealerId, id: `${recorded.metadata.eventId}:funnel`,
    type: FUNNEL_STAGE_CHANGED, dataschema: schemaIdOf('lead-funnel-stage-changed.schema.json'), data: change,
  };
  return toOutgoing(topics.funnel, event, { ...headersOf(recorded.metadata), [MESSAGE_HEADERS.causationId]: recorded.metadata.eventId });
}

/** `lead.tiers.v1`: as the funnel message. */
export function tierMessage(recorded: RecordedEvent, change: IntentTierChange, topics: TopicNames): OutgoingMessage {
  const event: CloudEvent<IntentTierChange> = {
    ...base(recorded, change.leadId), dealerid: change.dealerId, id: `${recorded.metadata.eventId}:tier`,
    type: INTENT_TIER_CHANGED, dataschema: schemaIdOf('lead-intent-tier-changed.schema.json'), data: change,
  };
  return toOutgoing(topics.tiers, event, { ...headersOf(recorded.metadata), [MESSAGE_HEADERS.causationId]: recorded.metadata.eventId });
}
