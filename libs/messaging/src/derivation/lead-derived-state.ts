import type { IntentTier, LeadEvent, PurchaseTimeframe } from '@crm/lead';
// Deep imports of the policy tables (plain data): see lead-event.decoder.ts.
import { DEFAULT_LEAD_POLICY } from '../../../lead/src/policies/lead-policy';
import { DEFAULT_FUNNEL_POLICY, FunnelPolicy, FunnelStage, stageRank } from '../../../projections/src/funnel/funnel.policy';

export type FunnelStatus = 'open' | 'won' | 'lost';

/** What the relay derives per lead from the lead's own events: the funnel position and the intent tier. */
export interface LeadDerivedState {
  dealerId: string | null;
  stage: FunnelStage | null;
  status: FunnelStatus | null;
  tier: IntentTier | null;
}

export const NO_DERIVED_STATE: LeadDerivedState = { dealerId: null, stage: null, status: null, tier: null };

export interface DerivationPolicy {
  funnel: FunnelPolicy;
  tierByTimeframe: Record<PurchaseTimeframe, IntentTier>;
  temperatureByTier: Record<IntentTier, 'hot' | 'warm' | 'cold'>;
}

export const DEFAULT_DERIVATION_POLICY: DerivationPolicy = {
  funnel: DEFAULT_FUNNEL_POLICY,
  tierByTimeframe: DEFAULT_LEAD_POLICY.tierByTimeframe,
  temperatureByTier: DEFAULT_LEAD_POLICY.temperatureByTier,
};

/**
 * The next derived state: the same funnel rules as the funnel read model (stages move forward only; won and lost
 * are terminal until a reopening; a won deal may still reach "delivered") and the tier of the latest assessment,
 * the registration's intended purchase time counting as the first. Pure: a replay of the stream gives the same.
 */
export function evolveDerived(state: LeadDerivedState, event: LeadEvent, policy: DerivationPolicy = DEFAULT_DERIVATION_POLICY): LeadDerivedState {
  switch (event.type) {
    case 'LeadRegistered': {
      if (state.stage !== null) return state;
      const timeframe = event.data.profile.intendedPurchase;
      return {
        dealerId: event.data.dealerId, stage: 'initial_contact', status: 'open',
        tier: timeframe ? policy.tierByTimeframe[timeframe] : null,
      };
    }
    case 'PurchaseIntentAssessed':
      return state.tier === event.data.tier ? state : { ...state, tier: event.data.tier };
    case 'DealWon':
      return state.status === 'open' ? { ...state, status: 'won' } : state;
    case 'DealLost':
      return state.status === 'open' ? { ...state, status: 'lost' } : state;
    case 'LeadReopened':
      return state.status === 'lost' ? { ...state, status: 'open' } : state;
    default:
      return advanceStage(state, event, policy.funnel);
  }
}

function advanceStage(state: LeadDerivedState, event: LeadEvent, policy: FunnelPolicy): LeadDerivedState {
  const target = policy.stageByEvent[event.type];
  if (!target || state.stage === null || stageRank(target) <= stageRank(state.stage)) return state;
  const mayMove = state.status === 'open' || (state.status === 'won' && target === 'delivered');
  return mayMove ? { ...state, stage: target } : state;
}

/** Close probability of a funnel position, as the funnel read model prices it. */
export function probabilityOf(stage: FunnelStage, status: FunnelStatus, policy: FunnelPolicy = DEFAULT_FUNNEL_POLICY): number {
  if (status === 'lost') return 0;
  if (status === 'won') return Math.max(policy.wonProbability, policy.probabilityByStage[stage]);
  return policy.probabilityByStage[stage];
}
