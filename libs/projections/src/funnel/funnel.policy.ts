import { LeadEvent, LostReason } from '@crm/lead';

export const FUNNEL_STAGES = [
  'initial_contact', 'needs_analysed', 'vehicle_presented', 'test_drive', 'quote', 'delivered',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export interface FunnelPolicy {
  /** Close probability in percent (domain.md, sales funnel). */
  probabilityByStage: Record<FunnelStage, number>;
  /** The event that moves a lead into a stage; stages only move forward. */
  stageByEvent: Partial<Record<LeadEvent['type'], FunnelStage>>;
  /** A signed order (won) until the vehicle is delivered: the guide's "quote to deal" 90 %, not yet 100 %. */
  wonProbability: number;
  /** Leads closed for these reasons were never real prospects: they are left out of every rate and count. */
  invalidLostReasons: readonly LostReason[];
}

export const DEFAULT_FUNNEL_POLICY: FunnelPolicy = {
  probabilityByStage: {
    initial_contact: 5, needs_analysed: 25, vehicle_presented: 35, test_drive: 40, quote: 90, delivered: 100,
  },
  stageByEvent: {
    LeadRegistered: 'initial_contact',
    NeedsAnalysed: 'needs_analysed',
    VehiclePresented: 'vehicle_presented',
    TestDriveCompleted: 'test_drive',
    QuoteGiven: 'quote',
    VehicleDelivered: 'delivered',
  },
  wonProbability: 90,
  invalidLostReasons: ['invalid_lead', 'duplicate_lead'],
};

/** A cycle lost as invalid or duplicate: not a prospect, so outside the funnel's and the KPIs' rates. */
export const isInvalid = (cycle: { status: string; lostReason: LostReason | null }, policy: FunnelPolicy = DEFAULT_FUNNEL_POLICY): boolean =>
  cycle.status === 'lost' && cycle.lostReason !== null && policy.invalidLostReasons.includes(cycle.lostReason);

export const stageRank = (stage: FunnelStage): number => FUNNEL_STAGES.indexOf(stage);
