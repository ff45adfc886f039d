import type { RecordedEvent } from '@crm/event-store';
import { LEAD_EVENT_SCHEMA_VERSIONS, LeadEventType, leadStreamId } from '@crm/lead';
import { metadataFor } from '../../../projections/src/testing/lead-events.builder';
import { MessageSchemas } from '../schemas/message-schemas';
import { LEAD_EVENT_SAMPLES } from '../testing/lead-event.samples';
import { topicNames } from '../topics';
import { funnelMessage, leadEventMessage, tierMessage } from './lead-message.factory';

const schemas = new MessageSchemas();
const topics = topicNames();
const recorded = (type: LeadEventType, revision = 3): RecordedEvent => {
  const event = LEAD_EVENT_SAMPLES[type];
  return { streamId: leadStreamId('lead-1'), revision, position: 42, type, data: event.data, metadata: metadataFor(event, '2026-02-01T08:00:00.000Z') };
};
const parse = (value: string): Record<string, unknown> => JSON.parse(value) as Record<string, unknown>;

describe('lead messages', () => {
  it.each(Object.keys(LEAD_EVENT_SCHEMA_VERSIONS) as LeadEventType[])('%s: conforms to its schema, masked and exposed', (type) => {
    for (const exposeContact of [false, true]) {
      const message = leadEventMessage(recorded(type), { exposeContact, topics });
      expect(message.topic).toBe('lead.events.v1');
      expect(message.key).toBe('lead-1');
      expect(schemas.problems(parse(message.value))).toEqual([]);
    }
  });

  it('carries the CloudEvents attributes, and correlation, causation and actor as headers', () => {
    const source = recorded('CallLogged');
    const message = leadEventMessage(source, { exposeContact: false, topics });
    expect(parse(message.value)).toMatchObject({
      specversion: '1.0', id: source.metadata.eventId, type: 'crm.lead.CallLogged', subject: 'lead-1', time: '2026-02-01T08:00:00.000Z',
      dataschema: 'https://schemas.crm.local/messaging/lead-events/CallLogged.schema.json', leadrevision: 3, logposition: 42, dealerid: 'dealer-1',
    });
    expect(message.headers).toEqual({
      'content-type': 'application/cloudevents+json; charset=utf-8', 'ce-type': 'crm.lead.CallLogged',
      'correlation-id': 'corr-1', 'causation-id': 'cause-1', 'actor-id': 'user-1', 'actor-role': 'consultant',
    });
  });

  it('masks contact fields unless exposed', () => {
    const masked = parse(leadEventMessage(recorded('ContactDetailsChanged'), { exposeContact: false, topics }).value).data;
    expect(masked).toEqual({ name: '王*', phone: '+86139****5678', previousPhone: '+86138****5678', email: 'w***@example.com', wechat: 'w***', birthday: '06-**' });
    const exposed = parse(leadEventMessage(recorded('ContactDetailsChanged'), { exposeContact: true, topics }).value).data;
    expect(exposed).toEqual(LEAD_EVENT_SAMPLES.ContactDetailsChanged.data);
    const registration = parse(leadEventMessage(recorded('LeadRegistered', 0), { exposeContact: false, topics }).value).data as { contact: object };
    expect(registration.contact).toEqual({ name: 'L*', phone: '+86138****0000' });
  });

  it('a schema catches a message whose data breaks it', () => {
    const message = parse(leadEventMessage(recorded('CallLogged'), { exposeContact: false, topics }).value);
    expect(schemas.problems({ ...message, data: { direction: 'sideways', outcome: 'connected' } })).toEqual([
      expect.objectContaining({ path: '/data/direction' }),
    ]);
  });

  it('derived messages get ids derived from the event id and name it as their cause', () => {
    const source = recorded('PurchaseIntentAssessed');
    const funnel = funnelMessage(source, {
      leadId: 'lead-1', dealerId: 'dealer-1', previousStage: 'initial_contact', stage: 'needs_analysed', previousStatus: 'open',
      status: 'open', probability: 25, causedBy: 'NeedsAnalysed',
    }, topics);
    const tier = tierMessage(source, { leadId: 'lead-1', dealerId: 'dealer-1', previousTier: 'T2', tier: 'T1', temperature: 'hot', causedBy: 'PurchaseIntentAssessed' }, topics);
    for (const m of [funnel, tier]) {
      expect(schemas.problems(parse(m.value))).toEqual([]);
      expect(m.headers['causation-id']).toBe(source.metadata.eventId);
    }
    expect(parse(funnel.value).id).toBe(`${source.metadata.eventId}:funnel`);
    expect(parse(tier.value).id).toBe(`${source.metadata.eventId}:tier`);
  });

  it('every lead message lists the same attributes in the same order, data last (one shape, built once)', () => {
    const source = recorded('PurchaseIntentAssessed');
    const order = ['specversion', 'source', 'subject', 'time', 'datacontenttype', 'dealerid', 'recordedtime', 'leadrevision', 'logposition', 'id', 'type', 'dataschema', 'data'];
    const funnel = funnelMessage(source, {
      leadId: 'lead-1', dealerId: 'dealer-2', previousStage: null, stage: 'initial_contact', previousStatus: null, status: 'open', probability: 5, causedBy: 'LeadRegistered',
    }, topics);
    const tier = tierMessage(source, { leadId: 'lead-1', dealerId: 'dealer-2', previousTier: null, tier: 'T1', temperature: 'hot', causedBy: 'PurchaseIntentAssessed' }, topics);
    for (const m of [leadEventMessage(source, { exposeContact: false, topics }), funnel, tier]) {
      expect(Object.keys(parse(m.value))).toEqual(order);
      expect(Object.keys(m.headers)).toEqual(['content-type', 'ce-type', 'correlation-id', 'causation-id', 'actor-id', 'actor-role']);
    }
    // A derived message names the change's dealer, not the actor's.
    expect(parse(funnel.value).dealerid).toBe('dealer-2');
    expect(funnel.headers['correlation-id']).toBe('corr-1');
  });
});
