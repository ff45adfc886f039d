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
  /** Moves to a hotter tier (T5 -> T3, ...): the nurture KPI. */
  warmedUp: number;
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

export function migrationMatrix(all: readonly TierLeadView[], period: Period): MigrationMatrix {
  const matrix = Object.fromEntries(INTENT_TIERS.map((from) => [from, counts(INTENT_TIERS)])) as MigrationMatrix['matrix'];
  const result: MigrationMatrix = { period, matrix, total: 0, warmedUp: 0, cooledDown: 0 };
  for (const lead of all) {
    for (const move of lead.migrations) {
      if (!inPeriod(move.at, period)) continue;
      matrix[move.from][move.to] += 1;
      result.total += 1;
      if (move.to < move.from) result.warmedUp += 1;
      else result.cooledDown += 1;
    }
  }
  return result;
}
