import { derivedId } from '@crm/kernel';
import { TouchPurpose } from '@crm/lead';
import { AfterSaleTouch, afterSalePlan } from '../cadence/after-sale-plan';
import { DatedTouch, TouchKind } from '../cadence/cadence-policy';
import { LeadInstruction } from './nurture-commands';
import { LeadFact, NurtureContext } from './saga-input';
import { allowed, cancelPending, dueAt, scheduleFor } from './touch-planner';

const DAY_MS = 86_400_000;
const YEARLY: readonly TouchPurpose[] = ['birthday', 'insurance_renewal', 'annual_inspection'];

/**
 * The after-sale touches of a delivered lead whose occasion comes after `after` (optionally of some purposes only).
 * Their ids derive from the lead, the rule and the occasion's day, not from the event: whichever event asks for
 * the same birthday or renewal (the delivery, a late birthday, consent given back) schedules it once.
 */
export function afterSaleTouches(
  fact: LeadFact, context: NurtureContext, after: number, include: (kind: TouchKind) => boolean = () => true,
): LeadInstruction[] {
  const { lead, dealer, policy } = context;
  const deliveredAt = lead.deal?.deliveredAt ?? (fact.event.type === 'VehicleDelivered' ? fact.occurredAt : undefined);
  if (lead.status !== 'delivered' || deliveredAt === undefined) return [];
  const facts = { ...lead.deal, deliveredAt: Date.parse(deliveredAt), birthday: lead.contact.birthday };
  return afterSalePlan(facts, policy.afterSale, dealer.settings.timeZone, after)
    .filter((touch) => include(touch.kind) && allowed(lead, touch.kind))
    .map((touch) => scheduleFor(lead.leadId, afterSaleTouchId(lead.leadId, touch), touch.kind, dueAt(touch.due, fact, context)));
}

export const afterSaleTouchId = (leadId: string, touch: AfterSaleTouch): string => derivedId(leadId, 'after_sale', touch.kind.rule, touch.occasion);

/** A birthday recorded (or corrected) after delivery: the next one is greeted, a pending greeting for another day is not. */
export function birthdayChanged(fact: LeadFact, context: NurtureContext): LeadInstruction[] {
  const next = afterSaleTouches(fact, context, Date.parse(fact.occurredAt), (kind) => kind.purpose === 'birthday');
  const keep = new Set(next.map((instruction) => (instruction.command.data as { touchId: string }).touchId));
  const stale = cancelPending(context.lead, 'replaced_by_new_plan', (touch) => touch.purpose === 'birthday')
    .filter((instruction) => !keep.has((instruction.command.data as { touchId: string }).touchId));
  return [...stale, ...next];
}

/** Once a yearly touch has gone out (or failed for good), next year's is planned. */
export function yearlyTouchClosed(fact: LeadFact, context: NurtureContext, touchId: string): LeadInstruction[] {
  const touch = context.lead.touches[touchId];
  if (!touch || !YEARLY.includes(touch.purpose)) return [];
  const { afterSale } = context.policy;
  const kinds: Partial<Record<TouchPurpose, DatedTouch>> = {
    birthday: afterSale.birthday, insurance_renewal: afterSale.insuranceRenewal, annual_inspection: afterSale.annualInspection,
  };
  // Past the occasion this touch served (its due plus the lead time), with a day to spare for moved slots.
  const served = Date.parse(touch.dueAt) + ((kinds[touch.purpose]?.daysBefore ?? 0) + 1) * DAY_MS;
  return afterSaleTouches(fact, context, served, (kind) => kind.purpose === touch.purpose);
}
