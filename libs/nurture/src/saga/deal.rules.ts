import { NurtureCommand } from './nurture-commands';
import { LeadFact, NurtureContext } from './saga-input';
import { cancelPending, planTouch } from './touch-planner';

/** A won deal ends the nurture plan (the after-sale plan starts at delivery). */
export function dealWon(_fact: LeadFact, context: NurtureContext): NurtureCommand[] {
  const { lead, policy } = context;
  return cancelPending(lead, 'deal_won', (touch) => policy.planPurposes.includes(touch.purpose));
}

/** A lost deal ends every pending touch and, by the lost reason, may plan one win-back touch. */
export function dealLost(fact: LeadFact, context: NurtureContext): NurtureCommand[] {
  if (fact.event.type !== 'DealLost') return [];
  const cancelled = cancelPending(context.lead, 'deal_lost', () => true);
  const template = context.policy.winBack[fact.event.data.reason];
  const winBack = template ? planTouch(fact, context, template) : undefined;
  return winBack ? [...cancelled, winBack] : cancelled;
}
