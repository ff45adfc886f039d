import { LeadEvent } from '@crm/lead';

export const FUNNEL_STAGES = [
  'initial_contact', 'needs_analysed', 'vehicle_presented', 'test_drive', 'quote', 'delivered',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export interface FunnelPolicy {
  /** Close probability in percent (domain.md, sales funnel). */
  probabilityByStage: Record<FunnelStage, number>;
  /** The event that moves a lead into a stage; stages only move forward. */
  stageByEvent: Partial<Record<LeadEvent['type'], FunnelStage>>;
  /** A won deal is certain even before delivery. */
  wonProbability: number;
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
  wonProbability: 100,
};

export const stageRank = (stage: FunnelStage): number => FUNNEL_STAGES.indexOf(stage);
