import { randomUUID } from 'node:crypto';
import { EventToAppend } from '@crm/event-store';
import { EventMetadata } from '@crm/kernel';
import {
  Channel, LeadEvent, LeadRegistered, LEAD_EVENT_SCHEMA_VERSIONS, PurchaseTimeframe, SHOWROOM_EVENT_SCHEMA_VERSIONS, ShowroomEvent,
  UnrecordedWalkInCounted,
} from '@crm/lead';

export interface TimedLeadEvent {
  leadId: string;
  event: LeadEvent;
  occurredAt: string;
}

const schemaVersionOf = (event: LeadEvent | ShowroomEvent): number =>
  event.type === 'UnrecordedWalkInCounted' ? SHOWROOM_EVENT_SCHEMA_VERSIONS[event.type] : LEAD_EVENT_SCHEMA_VERSIONS[event.type];

export function metadataFor(event: LeadEvent | ShowroomEvent, occurredAt: string, dealerId = 'dealer-1'): EventMetadata {
  return {
    eventId: randomUUID(),
    actor: { id: 'user-1', role: 'consultant', dealerId },
    correlationId: 'corr-1',
    causationId: 'cause-1',
    source: 'api',
    schemaVersion: schemaVersionOf(event),
    occurredAt,
    recordedAt: occurredAt,
  };
}

export function toAppend(timed: TimedLeadEvent, dealerId = 'dealer-1'): EventToAppend {
  return { type: timed.event.type, data: timed.event.data, metadata: metadataFor(timed.event, timed.occurredAt, dealerId) };
}

export function registration(
  leadId: string,
  options: { dealerId?: string; channel?: Channel; intendedPurchase?: PurchaseTimeframe; budgetMax?: number } = {},
): LeadRegistered {
  return {
    type: 'LeadRegistered',
    data: {
      leadId,
      dealerId: options.dealerId ?? 'dealer-1',
      channel: options.channel ?? 'walk_in',
      contact: { name: `Lead ${leadId}`, phone: '+8613800000000' },
      profile: {
        intendedModels: ['Model S'],
        ...(options.intendedPurchase ? { intendedPurchase: options.intendedPurchase } : {}),
        ...(options.budgetMax !== undefined ? { budget: { max: options.budgetMax, currency: 'CNY' } } : {}),
      },
      marketingConsent: true,
    },
  };
}

export function quote(quoteId: string, amount: number, expectedCloseDate?: string): LeadEvent {
  return {
    type: 'QuoteGiven',
    data: {
      quoteId, model: 'Model S', quantity: 1, unitPrice: { amount, currency: 'CNY' }, totalPrice: { amount, currency: 'CNY' },
      ...(expectedCloseDate ? { expectedCloseDate } : {}),
    },
  };
}

export function walkInCounted(dealerId: string, visitors: number, consultantId?: string): UnrecordedWalkInCounted {
  return { type: 'UnrecordedWalkInCounted', data: { dealerId, visitors, ...(consultantId !== undefined ? { consultantId } : {}) } };
}
