import { TouchCancelReason } from '@crm/lead';
import { NurtureCommand } from './nurture-commands';
import { handOff } from './hand-off.rules';
import { LeadFact, NurtureContext } from './saga-input';
import { cancelPending, planTouch } from './touch-planner';

export interface TierPlanOptions {
  /** Why the pending plan is cancelled. */
  replacing: TouchCancelReason;
  /** Whether a tier whose plan hands off (T1) goes to a consultant now. */
  handOff: boolean;
}

/**
 * The lead's tier plan from this event on: the pending (not yet sent) plan touches are cancelled, the tier's
 * touches scheduled (marketing ones only with consent), and a T1 lead handed to a consultant. A lead without a
 * tier keeps what it has.
 */
export function tierPlan(fact: LeadFact, context: NurtureContext, options: TierPlanOptions): NurtureCommand[] {
  const { lead, policy } = context;
  if (lead.tier === undefined) return [];
  const plan = policy.tiers[lead.tier];
  const cancelled = cancelPending(lead, options.replacing, (touch) => policy.planPurposes.includes(touch.purpose));
  const scheduled = plan.touches.flatMap((template) => planTouch(fact, context, template) ?? []);
  const handedOff = options.handOff && plan.handOff ? handOff(fact, context, 'hot_tier') : [];
  return [...cancelled, ...scheduled, ...handedOff];
}
