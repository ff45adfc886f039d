import { derivedId } from '@crm/kernel';
import { RegisteredLeadState, TouchCancelReason, TouchState } from '@crm/lead';
import { PlannedTouch, TouchKind } from '../cadence/cadence-policy';
import { nextAllowedSlot } from '../dealer/quiet-hours';
import { LeadInstruction, cancelTouch, scheduleTouch } from './nurture-commands';
import { LeadFact, NurtureContext } from './saga-input';
import { addOffset } from '../calendar/zoned-calendar';

/** Whether the lead may get this touch at all: marketing needs consent (domain.md: no marketing without it). */
export const allowed = (lead: RegisteredLeadState, kind: TouchKind): boolean => !kind.marketing || lead.marketingConsent;

/**
 * When a touch planned for `raw` is due: not before the cause was recorded (a back-dated cause plans nothing in the
 * past), and never in the dealer's quiet hours (moved to the next allowed slot in its time zone).
 */
export function dueAt(raw: number, fact: LeadFact, context: NurtureContext): string {
  return nextAllowedSlot(new Date(Math.max(raw, Date.parse(fact.recordedAt))), context.dealer.settings);
}

/** A touch `template.after` the event; its id derives from the event and the rule, so a repeat schedules nothing. */
export function planTouch(fact: LeadFact, context: NurtureContext, template: PlannedTouch): LeadInstruction | undefined {
  if (!allowed(context.lead, template)) return undefined;
  const raw = addOffset(Date.parse(fact.occurredAt), template.after, context.dealer.settings.timeZone);
  return scheduleFor(fact.leadId, derivedId(fact.eventId, 'touch', template.rule), template, dueAt(raw, fact, context), context.lead.consultantId);
}

export function scheduleFor(leadId: string, touchId: string, kind: TouchKind, due: string, assigneeId?: string): LeadInstruction {
  const { rule, purpose, channel, content, marketing } = kind;
  const data = { touchId, purpose, channel, dueAt: due, marketing, rule, content, ...(assigneeId ? { assigneeId } : {}) };
  return scheduleTouch(leadId, data);
}

/** Cancels the lead's touches that are still only scheduled (not sent) and match, in a stable order. */
export function cancelPending(
  lead: RegisteredLeadState, reason: TouchCancelReason, matches: (touch: TouchState) => boolean,
): LeadInstruction[] {
  return Object.entries(lead.touches)
    .filter(([, touch]) => touch.status === 'scheduled' && matches(touch))
    .map(([touchId]) => touchId)
    .sort()
    .map((touchId) => cancelTouch(lead.leadId, touchId, reason));
}
