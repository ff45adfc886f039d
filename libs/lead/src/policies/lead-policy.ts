import { IntentTier, PurchaseTimeframe, Temperature } from '../events/lead-vocabulary';

/**
 * A dealer's rules as data (domain.md: "numbers and rules are defaults, kept as policy tables").
 * The decider receives the policy in the command context; it never looks one up.
 */
export interface LeadPolicy {
  /** How far back a user may date an interaction (e.g. a call logged the next morning). */
  backdateWindowHours: number;
  /** Whether a consultant's loss is a request that a manager must approve (战败审核). */
  lossRequiresApproval: boolean;
  /** Intended purchase time to intent tier. */
  tierByTimeframe: Record<PurchaseTimeframe, IntentTier>;
  temperatureByTier: Record<IntentTier, Temperature>;
}

export const DEFAULT_LEAD_POLICY: LeadPolicy = {
  backdateWindowHours: 72,
  lossRequiresApproval: true,
  tierByTimeframe: {
    within_1_month: 'T1',
    in_2_3_months: 'T2',
    in_4_6_months: 'T3',
    in_7_12_months: 'T4',
    over_12_months: 'T5',
  },
  temperatureByTier: { T1: 'hot', T2: 'hot', T3: 'warm', T4: 'cold', T5: 'cold' },
};
