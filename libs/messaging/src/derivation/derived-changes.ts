import type { IntentTier, LeadEvent } from '@crm/lead';
import type { FunnelStage } from '@crm/projections';
import { DEFAULT_DERIVATION_POLICY, FunnelStatus, LeadDerivedState, probabilityOf } from './lead-derived-state';

export interface FunnelStageChange {
  leadId: string;
  dealerId: string;
  previousStage: FunnelStage | null;
  stage: FunnelStage;
  previousStatus: FunnelStatus | null;
  status: FunnelStatus;
  probability: number;
  /** The event that moved the lead. */
  causedBy: LeadEvent['type'];
}

export interface IntentTierChange {
  leadId: string;
  dealerId: string;
  previousTier: IntentTier | null;
  tier: IntentTier;
  temperature: 'hot' | 'warm' | 'cold';
  causedBy: LeadEvent['type'];
}

/** A funnel change when the stage or the status (won, lost, reopened) moved; none otherwise. */
export function funnelChange(leadId: string, before: LeadDerivedState, after: LeadDerivedState, cause: LeadEvent['type']): FunnelStageChange | undefined {
  if (after.stage === null || after.status === null || after.dealerId === null) return undefined;
  if (before.stage === after.stage && before.status === after.status) return undefined;
  return {
    leadId, dealerId: after.dealerId, previousStage: before.stage, stage: after.stage, previousStatus: before.status,
    status: after.status, probability: probabilityOf(after.stage, after.status, DEFAULT_DERIVATION_POLICY.funnel), causedBy: cause,
  };
}

/** A tier change when the tier moved (the first tier too: from null); none otherwise. */
export function tierChange(leadId: string, before: LeadDerivedState, after: LeadDerivedState, cause: LeadEvent['type']): IntentTierChange | undefined {
  if (after.tier === null || after.dealerId === null || before.tier === after.tier) return undefined;
  return {
    leadId, dealerId: after.dealerId, previousTier: before.tier, tier: after.tier,
    temperature: DEFAULT_DERIVATION_POLICY.temperatureByTier[after.tier], causedBy: cause,
  };
}
