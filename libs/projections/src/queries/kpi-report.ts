import { DEFAULT_FUNNEL_POLICY, FunnelPolicy, isInvalid } from '../funnel/funnel.policy';
import { FunnelLeadView } from '../funnel/funnel-lead.view';
import { UnrecordedWalkInView } from '../showroom/unrecorded-walk-in.view';
import { TierLeadView } from '../tiers/tier-lead.view';
import { FunnelEntry, funnelEntries } from './funnel-report';
import { groupBy, inPeriod, median, Period, ratio, secondsBetween } from './period';
import { walkInCloseRate, WalkInCloseRate } from './walk-in-close-rate';

export interface Conversion {
  /** Sales cycles in the group (a repeat purchase is a cycle of its own). */
  leads: number;
  won: number;
  rate: number | null;
}

/** The KPI definitions are written out in the README ("KPI definitions") and in libs/projections/README.md. */
export interface KpiReport {
  period: Period;
  /** Leads registered in the period, without those closed as invalid or duplicate. */
  leads: number;
  /** Sales cycles that began in the period (first purchases and repeat purchases), without invalid ones. */
  cycles: number;
  /** Cycles closed as invalid or duplicate in the period: counted here, left out of every rate. */
  invalid: number;
  /** Won / cycles, grouped by the lead's first known tier. */
  conversionByTier: Record<string, Conversion>;
  conversionByChannel: Record<string, Conversion>;
  /** Won / (won + lost) among the period's decided cycles: how often a decided sale is a sale. */
  closeRate: { won: number; lost: number; rate: number | null };
  /** The dealer guide's close rate: closes over everyone who walked in, recorded or not. */
  walkInCloseRate: WalkInCloseRate;
  firstResponse: { responded: number; unanswered: number; medianSeconds: number | null; averageSeconds: number | null };
  /** Every lost reason, invalid and duplicate included (they are data about lead quality). */
  lostReasons: Record<string, number>;
}

const conversion = (cycles: FunnelEntry[]): Conversion => {
  const won = cycles.filter((c) => c.status === 'won').length;
  return { leads: cycles.length, won, rate: ratio(won, cycles.length) };
};

const sortedRecord = <T, I>(groups: Record<string, I[]>, fn: (items: I[]) => T): Record<string, T> =>
  Object.fromEntries(Object.entries(groups).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, fn(v)]));

/**
 * KPIs over the sales cycles that began in the period (domain.md, measures): a lead's first cycle at its
 * registration, a repeat purchase when it opened. First response is per lead registered in the period.
 */
export function kpiReport(
  funnel: readonly FunnelLeadView[], tiers: readonly TierLeadView[], period: Period,
  walkIns: readonly UnrecordedWalkInView[] = [], policy: FunnelPolicy = DEFAULT_FUNNEL_POLICY,
): KpiReport {
  const all = funnel.flatMap(funnelEntries).filter((c) => inPeriod(c.cycleStartedAt, period));
  const cycles = all.filter((c) => !isInvalid(c, policy));
  const validLeads = new Set(cycles.filter((c) => c.cycle === 1).map((c) => c.leadId));
  const registered = funnel.filter((l) => inPeriod(l.registeredAt, period) && validLeads.has(l.leadId));
  const firstTier = new Map(tiers.map((t) => [t.leadId, t.firstTier]));
  const responseTimes = registered.flatMap((l) => (l.firstResponseAt === null ? [] : [secondsBetween(l.registeredAt, l.firstResponseAt)]));
  const won = cycles.filter((c) => c.status === 'won').length;
  const lost = cycles.filter((c) => c.status === 'lost').length;
  const average = responseTimes.length === 0 ? null : Math.round(responseTimes.reduce((a, b) => a + b, 0) / responseTimes.length);
  return {
    period,
    leads: registered.length,
    cycles: cycles.length,
    invalid: all.length - cycles.length,
    conversionByTier: sortedRecord(groupBy(cycles, (c) => firstTier.get(c.leadId) ?? 'unassessed'), conversion),
    conversionByChannel: sortedRecord(groupBy(cycles, (c) => c.channel), conversion),
    closeRate: { won, lost, rate: ratio(won, won + lost) },
    walkInCloseRate: walkInCloseRate(cycles.filter((c) => c.cycle === 1), walkIns.filter((w) => inPeriod(w.occurredAt, period))),
    firstResponse: {
      responded: responseTimes.length, unanswered: registered.length - responseTimes.length,
      medianSeconds: median(responseTimes), averageSeconds: average,
    },
    lostReasons: sortedRecord(groupBy(all.filter((c) => c.status === 'lost'), (c) => c.lostReason ?? 'unknown'), (items) => items.length),
  };
}
