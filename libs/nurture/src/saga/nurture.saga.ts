import { LeadEventType } from '@crm/lead';
import { afterSaleTouches, birthdayChanged, yearlyTouchClosed } from './after-sale.rules';
import { dealLost, dealWon } from './deal.rules';
import { handOff } from './hand-off.rules';
import { NurtureCommand } from './nurture-commands';
import { tierPlan } from './plan.rules';
import { LeadFact, NurtureContext } from './saga-input';
import { cancelPending } from './touch-planner';

/** The lead events the saga reacts to; a runner skips the others without loading anything. */
export const NURTURE_TRIGGERS: ReadonlySet<LeadEventType> = new Set<LeadEventType>([
  'LeadRegistered', 'ShowroomVisited', 'PurchaseIntentAssessed', 'LeadReturnedToNurturing', 'LeadReopened', 'DealWon',
  'VehicleDelivered', 'DealLost', 'MarketingConsentChanged', 'ContactDetailsChanged', 'TouchSent', 'TouchCompleted', 'TouchFailed',
]);

/**
 * The nurture saga, pure: a lead event in, commands out. It holds nothing between events: what it planned is in
 * the lead's stream (TouchScheduled, TouchCancelled, ConsultantAssigned) and on the dealer's (LeadRoutedToConsultant),
 * and every id it invents derives from the event, so handling an event again changes nothing.
 */
export function nurtureSaga(fact: LeadFact, context: NurtureContext): NurtureCommand[] {
  const { event } = fact;
  const { lead } = context;
  switch (event.type) {
    case 'LeadRegistered':
      return event.data.channel === 'walk_in' ? handOff(fact, context, 'walk_in') : [];
    case 'ShowroomVisited':
      return lead.status === 'active' ? handOff(fact, context, 'walk_in') : [];
    case 'PurchaseIntentAssessed':
      // A back-dated assessment that a later one already overrides is history, not a new plan.
      return event.data.tier === lead.tier ? tierPlan(fact, context, { replacing: 'replaced_by_new_plan', handOff: true }) : [];
    case 'LeadReturnedToNurturing':
      // Back with the CRM agents: the tier's touches again, without handing it straight back to a consultant.
      return tierPlan(fact, context, { replacing: 'replaced_by_new_plan', handOff: false });
    case 'LeadReopened':
      return tierPlan(fact, context, { replacing: 'lead_reopened', handOff: true });
    case 'DealWon':
      return dealWon(fact, context);
    case 'VehicleDelivered':
      return afterSaleTouches(fact, context, Date.parse(fact.occurredAt));
    case 'DealLost':
      return dealLost(fact, context);
    case 'MarketingConsentChanged':
      return event.data.marketingConsent ? consentGiven(fact, context) : cancelPending(lead, 'consent_withdrawn', (touch) => touch.marketing);
    case 'ContactDetailsChanged':
      return event.data.birthday !== undefined ? birthdayChanged(fact, context) : [];
    case 'TouchSent':
    case 'TouchCompleted':
    case 'TouchFailed':
      return yearlyTouchClosed(fact, context, event.data.touchId);
    default:
      return [];
  }
}

/** Consent given (back): what was left out for want of it is planned from now on. */
function consentGiven(fact: LeadFact, context: NurtureContext): NurtureCommand[] {
  if (context.lead.status === 'delivered') return afterSaleTouches(fact, context, Date.parse(fact.occurredAt), (kind) => kind.marketing);
  if (context.lead.status !== 'active') return [];
  return tierPlan(fact, context, { replacing: 'replaced_by_new_plan', handOff: false });
}
