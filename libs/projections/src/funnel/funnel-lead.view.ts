import { Channel, LostReason } from '@crm/lead';
import { WithHistory } from '../history/occurrence-history';
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

/** One lead in the sales funnel. Aggregates per dealer, consultant, channel and period are computed from these. */
export interface FunnelLeadView extends WithHistory {
  leadId: string;
  dealerId: string;
  channel: Channel;
  campaign: string | null;
  name: string;
  intendedModel: string | null;
  consultantId: string | null;
  registeredAt: string;
  /** Month of registration, YYYY-MM. */
  period: string;
  stage: FunnelStage;
  status: DealStatus;
  probability: number;
  quote: FunnelQuote | null;
  expectedValue: number;
  expectedCloseDate: string | null;
  /** When the lead first entered each stage it reached (occurred-at). */
  stageEnteredAt: Partial<Record<FunnelStage, string>>;
  firstResponseAt: string | null;
  lastInteractionAt: string | null;
  wonAt: string | null;
  lostAt: string | null;
  lostReason: LostReason | null;
  competitor: string | null;
}
