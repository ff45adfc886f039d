import { derivedId } from '@crm/kernel';
import { HandoffReason } from '@crm/lead';
import { HandOff } from './nurture-commands';
import { LeadFact, NurtureContext } from './saga-input';

/**
 * A lead that walks in or becomes T1 goes to a consultant (domain.md; seed 004 line 15): the consultant who
 * recorded the walk-in or who served it last, if still with the dealer, else the round robin's turn (the dealer's
 * decider chooses). None while a consultant owns it, nor when the dealer has no consultant to give it to. The
 * routing id is the lead's and its count of owner changes: triggers between two changes (a walk-in registered as
 * T1) are one hand-off.
 */
export function handOff(fact: LeadFact, context: NurtureContext, reason: HandoffReason): HandOff[] {
  const { lead, dealer } = context;
  if (lead.consultantId !== undefined || Object.keys(dealer.consultants).length === 0) return [];
  const preferred: string[] = [];
  if (reason === 'walk_in' && fact.actor.role === 'consultant') preferred.push(fact.actor.id);
  if (lead.lastConsultantId !== undefined && !preferred.includes(lead.lastConsultantId)) preferred.push(lead.lastConsultantId);
  return [{
    kind: 'hand_off',
    leadId: fact.leadId,
    dealerId: lead.dealerId,
    routingId: derivedId(fact.leadId, 'hand_off', String(lead.ownershipChanges ?? 0)),
    reason,
    preferredConsultantIds: preferred,
  }];
}
