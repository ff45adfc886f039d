import { LeadEventType } from '../events/lead-events';
import { compareInstants } from './instants';

/**
 * The one definition of "the dealer dealt with the customer": the facts that count as an interaction for the
 * lead's `lastInteractionAt` (going cold, at-risk) and for the read side's first response. Administrative facts
 * (hand-offs, consent, contact details, loss approval, no-shows) are not interactions: nobody spoke to the customer.
 */
export const CUSTOMER_INTERACTIONS: ReadonlySet<LeadEventType> = new Set<LeadEventType>([
  'LeadRegistered', 'ShowroomVisited', 'CallLogged', 'TestDriveScheduled', 'TestDriveCompleted',
  'InvitationSent', 'InvitationAnswered', 'InvitationAttended', 'NeedsAnalysed', 'VehiclePresented',
  'QuoteGiven', 'PurchaseIntentAssessed', 'DealWon', 'VehicleDelivered', 'ComplaintFiled',
]);

export const isCustomerInteraction = (type: LeadEventType): boolean => CUSTOMER_INTERACTIONS.has(type);

/**
 * The last interaction after one more fact: the later of the two times when the fact is an interaction.
 * A maximum, so it does not depend on the order facts are folded in (a back-dated call never moves it back).
 */
export function nextLastInteractionAt(current: string | undefined, type: LeadEventType, occurredAt: string): string | undefined {
  if (!isCustomerInteraction(type)) return current;
  if (current === undefined) return occurredAt;
  return compareInstants(occurredAt, current) > 0 ? occurredAt : current;
}

/** The last interaction of a whole history; undefined when it holds none. */
export function lastInteractionAt(history: Iterable<{ type: LeadEventType; occurredAt: string }>): string | undefined {
  let last: string | undefined;
  for (const fact of history) last = nextLastInteractionAt(last, fact.type, fact.occurredAt);
  return last;
}
