import { Channel, IntentTier, Temperature } from '@crm/lead';
import { FunnelStage } from '../funnel/funnel.policy';
import { DealStatus, FunnelLeadView } from '../funnel/funnel-lead.view';
import { LifecycleCategory, ValueTier } from '../tiers/tier.policy';
import { TierLeadView } from '../tiers/tier-lead.view';
import { inPeriod, Period } from './period';

export const LEAD_SORT_FIELDS = ['registeredAt', 'probability', 'expectedValue', 'expectedCloseDate', 'name'] as const;
export type LeadSortField = (typeof LEAD_SORT_FIELDS)[number];

export interface LeadListQuery extends Period {
  stage?: FunnelStage;
  status?: DealStatus;
  tier?: IntentTier;
  temperature?: Temperature;
  consultantId?: string;
  channel?: Channel;
  sort: LeadSortField;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** The funnel report's per-lead line, with the lead's tier classification. */
export interface LeadRow {
  leadId: string;
  name: string;
  channel: Channel;
  consultantId: string | null;
  registeredAt: string;
  stage: FunnelStage;
  status: DealStatus;
  intendedModel: string | null;
  quantity: number | null;
  /** The current purchase cycle (2+ for a repeat purchase) and the vehicles delivered so far. */
  cycle: number;
  purchases: number;
  probability: number;
  expectedValue: number;
  expectedCloseDate: string | null;
  tier: IntentTier | null;
  temperature: Temperature | null;
  valueTier: ValueTier | null;
  lifecycle: LifecycleCategory | null;
}

export interface LeadPage {
  items: LeadRow[];
  total: number;
  page: number;
  pageSize: number;
}

export function toLeadRow(funnel: FunnelLeadView, tier: TierLeadView | undefined, lifecycle: LifecycleCategory | null): LeadRow {
  return {
    leadId: funnel.leadId, name: funnel.name, channel: funnel.channel, consultantId: funnel.consultantId,
    registeredAt: funnel.registeredAt, stage: funnel.stage, status: funnel.status,
    intendedModel: funnel.quote?.model ?? funnel.intendedModel, quantity: funnel.quote?.quantity ?? null,
    cycle: funnel.cycle, purchases: funnel.purchases,
    probability: funnel.probability, expectedValue: funnel.expectedValue, expectedCloseDate: funnel.expectedCloseDate,
    tier: tier?.tier ?? null, temperature: tier?.temperature ?? null, valueTier: tier?.valueTier ?? null, lifecycle,
  };
}

const matches = (row: LeadRow, q: LeadListQuery): boolean =>
  inPeriod(row.registeredAt, q)
  && (q.stage === undefined || row.stage === q.stage)
  && (q.status === undefined || row.status === q.status)
  && (q.tier === undefined || row.tier === q.tier)
  && (q.temperature === undefined || row.temperature === q.temperature)
  && (q.consultantId === undefined || row.consultantId === q.consultantId)
  && (q.channel === undefined || row.channel === q.channel);

/** Filters, sorts (nulls last, then by lead id for a stable order) and pages the rows. */
export function leadPage(rows: readonly LeadRow[], query: LeadListQuery): LeadPage {
  const direction = query.order === 'asc' ? 1 : -1;
  const sorted = rows.filter((row) => matches(row, query)).sort((a, b) => {
    const x = a[query.sort];
    const y = b[query.sort];
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * direction;
    }
    return a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0;
  });
  const start = (query.page - 1) * query.pageSize;
  return { items: sorted.slice(start, start + query.pageSize), total: sorted.length, page: query.page, pageSize: query.pageSize };
}
