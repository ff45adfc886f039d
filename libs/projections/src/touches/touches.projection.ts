import { LeadEvent, TouchEvent } from '@crm/lead';
import { decodeLeadEvent, LeadEnvelope, Projection } from '../projection';
import { LeadTouchesView, TouchItemView } from './lead-touches.view';

export const TOUCHES_PROJECTION = 'touches';

/**
 * The nurture plan per lead, for the staff's "what to do today" list. One document per lead, created at its
 * registration so that each touch comes with the name and number to call.
 */
export class TouchesProjection implements Projection<LeadTouchesView, LeadEnvelope> {
  readonly name = TOUCHES_PROJECTION;
  readonly collection = 'leads';
  readonly decode = decodeLeadEvent;

  documentId(envelope: LeadEnvelope): string {
    return envelope.leadId;
  }

  partitionOf(doc: LeadTouchesView): string {
    return doc.dealerId;
  }

  evolve(current: LeadTouchesView | undefined, { event }: LeadEnvelope): LeadTouchesView | undefined {
    if (event.type === 'LeadRegistered') {
      const { leadId, dealerId, contact } = event.data;
      return current ?? { leadId, dealerId, name: contact.name, phone: contact.phone, consultantId: null, touches: {} };
    }
    if (!current) return current;
    switch (event.type) {
      case 'ContactDetailsChanged':
        return { ...current, name: event.data.name ?? current.name, phone: event.data.phone ?? current.phone };
      case 'ConsultantAssigned':
        return { ...current, consultantId: event.data.consultantId };
      case 'LeadReturnedToNurturing':
        return { ...current, consultantId: null };
      default:
        return isTouchEvent(event) ? withTouch(current, event) : current;
    }
  }
}

const TOUCH_EVENTS = new Set<LeadEvent['type']>([
  'TouchScheduled', 'TouchCancelled', 'TouchSent', 'TouchDeliveryFailed', 'TouchFailed', 'TouchCompleted', 'TouchOverdue',
]);
const isTouchEvent = (event: LeadEvent): event is Exclude<TouchEvent, { type: 'EarlyWarningRaised' }> => TOUCH_EVENTS.has(event.type);

function withTouch(view: LeadTouchesView, event: Exclude<TouchEvent, { type: 'EarlyWarningRaised' }>): LeadTouchesView {
  const next = nextTouch(view.touches[event.data.touchId], event);
  return next ? { ...view, touches: { ...view.touches, [event.data.touchId]: next } } : view;
}

function nextTouch(known: TouchItemView | undefined, event: Exclude<TouchEvent, { type: 'EarlyWarningRaised' }>): TouchItemView | undefined {
  if (event.type === 'TouchScheduled') {
    if (known) return known;
    const { touchId, purpose, channel, dueAt, marketing, rule, content, assigneeId } = event.data;
    return {
      touchId, purpose, channel, dueAt, marketing, rule, content: content ?? null, assigneeId: assigneeId ?? null,
      status: 'scheduled', overdue: false, attempts: 0, via: null, outcome: null,
    };
  }
  if (!known) return undefined;
  switch (event.type) {
    case 'TouchCancelled': return { ...known, status: 'cancelled' };
    case 'TouchSent': return { ...known, status: 'sent', via: event.data.via, attempts: event.data.attempt };
    case 'TouchDeliveryFailed': return { ...known, attempts: event.data.attempt };
    case 'TouchFailed': return { ...known, status: 'failed', attempts: event.data.attempts };
    case 'TouchCompleted': return { ...known, status: 'completed', outcome: event.data.outcome };
    case 'TouchOverdue': return { ...known, overdue: true };
  }
}
