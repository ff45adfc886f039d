import { INTENT_TIERS, IntentTier, TEMPERATURES, Temperature } from '@crm/lead';
import { DEFAULT_TIER_POLICY, LIFECYCLE_CATEGORIES, LifecycleCategory, TierPolicy, VALUE_TIERS, ValueTier } from '../tiers/tier.policy';
import { TierLeadView } from '../tiers/tier-lead.view';
import { inPeriod, Period } from './period';

export interface TierReport {
  leads: number;
  byTier: Record<IntentTier | 'unassessed', number>;
  byTemperature: Record<Temperature | 'unknown', number>;
  byValueTier: Record<ValueTier, number>;
  byLifecycle: Record<LifecycleCategory, number>;
}

export interface MigrationMatrix {
  period: Period;
  /** matrix[from][to]: how many tier changes from one tier to another happened in the period. */
  matrix: Record<IntentTier, Record<IntentTier, number>>;
  total: number;
  /**
   * The nurture KPI (seed 004): a T3-T5 lead reaching T1, counted on the move into T1 that happened in the period,
   * directly or through T2, once per climb (it must fall back to T3-T5 to count again).
   */
  warmedUp: number;
  /** Moves to any hotter tier (T5 -> T4 counts here, not as warmed up). */
  hotter: number;
  cooledDown: number;
}

const DAY_MS = 86_400_000;
const counts = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** 'at_risk' depends on the time of asking: a hot open lead without an interaction for too long. */
export function lifecycleAt(lead: TierLeadView, now: Date, policy: TierPolicy = DEFAULT_TIER_POLICY): LifecycleCategory {
  if (lead.status !== 'open' || lead.temperature !== 'hot') return lead.lifecycle;
  const lastContact = Date.parse(lead.lastInteractionAt ?? lead.registeredAt);
  return now.getTime() - lastContact > policy.atRiskAfterDays * DAY_MS ? 'at_risk' : lead.lifecycle;
}

export function tierReport(all: readonly TierLeadView[], period: Period, now: Date, policy?: TierPolicy): TierReport {
  const leads = all.filter((l) => inPeriod(l.registeredAt, period));
  const report: TierReport = {
    leads: leads.length,
    byTier: counts([...INTENT_TIERS, 'unassessed']),
    byTemperature: counts([...TEMPERATURES, 'unknown']),
    byValueTier: counts(VALUE_TIERS),
    byLifecycle: counts(LIFECYCLE_CATEGORIES),
  };
  for (const lead of leads) {
    report.byTier[lead.tier ?? 'unassessed'] += 1;
    report.byTemperature[lead.temperature ?? 'unknown'] += 1;
    report.byValueTier[lead.valueTier] += 1;
    report.byLifecycle[lifecycleAt(lead, now, policy)] += 1;
  }
  return report;
}

export function migrationMatrix(all: readonly TierLeadView[], period: Period, policy: TierPolicy = DEFAULT_TIER_POLICY): MigrationMatrix {
  const matrix = Object.fromEntries(INTENT_TIERS.map((from) => [from, counts(INTENT_TIERS)])) as MigrationMatrix['matrix'];
  const result: MigrationMatrix = { period, matrix, total: 0, warmedUp: 0, hotter: 0, cooledDown: 0 };
  const { nurturedTiers, goalTier } = policy.nurture;
  for (const lead of all) {
    // Whether the lead has been in a nurtured tier since it last reached the goal: its moves are in time order.
    let nurtured = lead.firstTier !== null && nurturedTiers.includes(lead.firstTier);
    for (const move of lead.migrations) {
      const counted = inPeriod(move.at, period);
      if (move.to === goalTier && nurtured && counted) result.warmedUp += 1;
      if (move.to === goalTier) nurtured = false;
      else if (nurturedTiers.includes(move.to)) nurtured = true;
      if (!counted) continue;
      matrix[move.from][move.to] += 1;
      result.total += 1;
      if (move.to < move.from) result.hotter += 1;
      else result.cooledDown += 1;
    }
  }
  return result;
}
