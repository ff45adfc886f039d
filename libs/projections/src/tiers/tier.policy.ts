import { DEFAULT_LEAD_POLICY, IntentTier, PurchaseTimeframe, Temperature } from '@crm/lead';

export const VALUE_TIERS = ['high', 'medium', 'low'] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];

export const LIFECYCLE_CATEGORIES = ['potential', 'intending', 'customer', 'loyal', 'at_risk', 'lost'] as const;
export type LifecycleCategory = (typeof LIFECYCLE_CATEGORIES)[number];

/** Value and lifecycle rules as data (domain.md: "other classifications"); amounts are in the quote currency. */
export interface TierPolicy {
  tierByTimeframe: Record<PurchaseTimeframe, IntentTier>;
  temperatureByTier: Record<IntentTier, Temperature>;
  value: {
    /** Budget max or latest quote at or above this is high value. */
    highAmount: number;
    mediumAmount: number;
    /** Tiers that make a lead high value once it holds a quote. */
    highTiersWithQuote: IntentTier[];
    mediumTiers: IntentTier[];
    /** Won deals that make a lead high value (a repeat buyer). */
    highWins: number;
  };
  /** Assessed tiers that make a lead "intending". */
  intendingTiers: IntentTier[];
  /** Purchases (deliveries) that make a customer "loyal": the second delivery is a repeat purchase completed. */
  loyalPurchases: number;
  /** A hot open lead without an interaction for this long is "at risk" (judged at query time). */
  atRiskAfterDays: number;
  /** The nurture goal of warm and cold leads (seed 004: T3-T5 are nurtured to "within a month"). */
  nurture: { nurturedTiers: IntentTier[]; goalTier: IntentTier };
}

export const DEFAULT_TIER_POLICY: TierPolicy = {
  tierByTimeframe: DEFAULT_LEAD_POLICY.tierByTimeframe,
  temperatureByTier: DEFAULT_LEAD_POLICY.temperatureByTier,
  value: { highAmount: 400_000, mediumAmount: 200_000, highTiersWithQuote: ['T1', 'T2'], mediumTiers: ['T1', 'T2', 'T3'], highWins: 2 },
  intendingTiers: ['T1', 'T2', 'T3'],
  loyalPurchases: 2,
  atRiskAfterDays: 14,
  nurture: { nurturedTiers: ['T3', 'T4', 'T5'], goalTier: 'T1' },
};
