import { FunnelLeadView } from '../funnel/funnel-lead.view';
import { TierLeadView } from '../tiers/tier-lead.view';
import { FunnelEntry, funnelEntries } from './funnel-report';
import { groupBy, inPeriod, median, Period, ratio, secondsBetween } from './period';

export interface Conversion {
  leads: number;
  won: number;
  rate: number | null;
}

export interface KpiReport {
  period: Period;
  /** Leads registered in the period. */
  leads: number;
  /** Sales cycles that began in the period (first purchases and repeat purchases). */
  cycles: number;
  /** Won / cycles, grouped by the lead's first known tier. */
  conversionByTier: Record<string, Conversion>;
  conversionByChannel: Record<string, Conversion>;
  /** Won / (won + lost) among the period's leads that are decided. */
  closeRate: { won: number; lost: number; rate: number | null };
  firstResponse: { responded: number; unanswered: number; medianSeconds: number | null; averageSeconds: number | null };
  lostReasons: Record<string, number>;
}

const conversion = (leads: FunnelEntry[]): Conversion => {
  const won = leads.filter((l) => l.status === 'won').length;
  return { leads: leads.length, won, rate: ratio(won, leads.length) };
};

const sortedRecord = <T, I>(groups: Record<string, I[]>, fn: (items: I[]) => T): Record<string, T> =>
  Object.fromEntries(Object.entries(groups).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, fn(v)]));

/**
 * KPIs over the sales cycles that began in the period (domain.md, measures): a lead's first cycle at its
 * registration, a repeat purchase when it opened. First response is per lead registered in the period.
 */
export function kpiReport(funnel: readonly FunnelLeadView[], tiers: readonly TierLeadView[], period: Period): KpiReport {
  const registered = funnel.filter((l) => inPeriod(l.registeredAt, period));
  const cycles = funnel.flatMap(funnelEntries).filter((c) => inPeriod(c.cycleStartedAt, period));
  const firstTier = new Map(tiers.map((t) => [t.leadId, t.firstTier]));
  const responseTimes = registered.flatMap((l) => (l.firstResponseAt === null ? [] : [secondsBetween(l.registeredAt, l.firstResponseAt)]));
  const won = cycles.filter((c) => c.status === 'won').length;
  const lost = cycles.filter((c) => c.status === 'lost');
  const average = responseTimes.length === 0 ? null : Math.round(responseTimes.reduce((a, b) => a + b, 0) / responseTimes.length);
  return {
    period,
    leads: registered.length,
    cycles: cycles.length,
    conversionByTier: sortedRecord(groupBy(cycles, (c) => firstTier.get(c.leadId) ?? 'unassessed'), conversion),
    conversionByChannel: sortedRecord(groupBy(cycles, (c) => c.channel), conversion),
    closeRate: { won, lost: lost.length, rate: ratio(won, won + lost.length) },
    firstResponse: {
      responded: responseTimes.length, unanswered: registered.length - responseTimes.length,
      medianSeconds: median(responseTimes), averageSeconds: average,
    },
    lostReasons: sortedRecord(groupBy(lost, (l) => l.lostReason ?? 'unknown'), (items) => items.length),
  };
}
