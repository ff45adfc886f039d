import { FunnelLeadView } from '../funnel/funnel-lead.view';
import { TierLeadView } from '../tiers/tier-lead.view';
import { groupBy, inPeriod, median, Period, ratio, secondsBetween } from './period';

export interface Conversion {
  leads: number;
  won: number;
  rate: number | null;
}

export interface KpiReport {
  period: Period;
  leads: number;
  /** Won / leads, grouped by the lead's first known tier. */
  conversionByTier: Record<string, Conversion>;
  conversionByChannel: Record<string, Conversion>;
  /** Won / (won + lost) among the period's leads that are decided. */
  closeRate: { won: number; lost: number; rate: number | null };
  firstResponse: { responded: number; unanswered: number; medianSeconds: number | null; averageSeconds: number | null };
  lostReasons: Record<string, number>;
}

const conversion = (leads: FunnelLeadView[]): Conversion => {
  const won = leads.filter((l) => l.status === 'won').length;
  return { leads: leads.length, won, rate: ratio(won, leads.length) };
};

const sortedRecord = <T>(groups: Record<string, FunnelLeadView[]>, fn: (items: FunnelLeadView[]) => T): Record<string, T> =>
  Object.fromEntries(Object.entries(groups).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, fn(v)]));

/** KPIs over the leads registered in the period (domain.md, measures). */
export function kpiReport(funnel: readonly FunnelLeadView[], tiers: readonly TierLeadView[], period: Period): KpiReport {
  const leads = funnel.filter((l) => inPeriod(l.registeredAt, period));
  const firstTier = new Map(tiers.map((t) => [t.leadId, t.firstTier]));
  const responseTimes = leads.flatMap((l) => (l.firstResponseAt === null ? [] : [secondsBetween(l.registeredAt, l.firstResponseAt)]));
  const won = leads.filter((l) => l.status === 'won').length;
  const lost = leads.filter((l) => l.status === 'lost');
  const average = responseTimes.length === 0 ? null : Math.round(responseTimes.reduce((a, b) => a + b, 0) / responseTimes.length);
  return {
    period,
    leads: leads.length,
    conversionByTier: sortedRecord(groupBy(leads, (l) => firstTier.get(l.leadId) ?? 'unassessed'), conversion),
    conversionByChannel: sortedRecord(groupBy(leads, (l) => l.channel), conversion),
    closeRate: { won, lost: lost.length, rate: ratio(won, won + lost.length) },
    firstResponse: {
      responded: responseTimes.length, unanswered: leads.length - responseTimes.length,
      medianSeconds: median(responseTimes), averageSeconds: average,
    },
    lostReasons: sortedRecord(groupBy(lost, (l) => l.lostReason ?? 'unknown'), (items) => items.length),
  };
}
