import { Channel, LostReason } from '@crm/lead';
import { WithHistory } from '../history/occurrence-history';
import type { FunnelFact } from './funnel-fact';
import { FunnelStage } from './funnel.policy';

export type DealStatus = 'open' | 'won' | 'lost';

export interface FunnelQuote {
  quoteId: string;
  model: string;
  quantity: number;
  amount: number;
  currency: string;
  expectedCloseDate: string | null;
}

/**
 * One sales cycle of a lead: the registration opens the first, each purchase after a delivery another. The funnel
 * counts cycles, so a repeat purchase enters it again.
 */
export interface FunnelCycleView {
  /** 1 for the registration's cycle. */
  cycle: number;
  /** When the cycle began (cycle 1: the registration), occurred-at. */
  cycleStartedAt: string;
  /** The consultant who owned the lead at the end of the cycle (the current one for the current cycle). */
  consultantId: string | null;
  stage: FunnelStage;
  status: DealStatus;
  probability: number;
  quote: FunnelQuote | null;
  expectedValue: number;
  expectedCloseDate: string | null;
  /** When the cycle first entered each stage it reached (occurred-at). */
  stageEnteredAt: Partial<Record<FunnelStage, string>>;
  wonAt: string | null;
  lostAt: string | null;
  lostReason: LostReason | null;
  competitor: string | null;
}

/** One lead in the sales funnel, showing its current cycle. Aggregates are computed from these at query time. */
export interface FunnelLeadView extends FunnelCycleView, WithHistory<FunnelFact> {
  leadId: string;
  dealerId: string;
  channel: Channel;
  campaign: string | null;
  name: string;
  intendedModel: string | null;
  registeredAt: string;
  /** Month of registration, YYYY-MM. */
  period: string;
  firstResponseAt: string | null;
  lastInteractionAt: string | null;
  /** Vehicles delivered to this customer. */
  purchases: number;
  /** The lead's earlier cycles, oldest first (each ended with a delivery). */
  previousCycles: FunnelCycleView[];
  /** What the registration said of the values later facts change: the start of a replay after a late entry. */
  origin: { name: string; intendedModel: string | null };
}
