import { FUNNEL_STAGES, FunnelStage, stageRank } from '../funnel/funnel.policy';
import { FunnelLeadView } from '../funnel/funnel-lead.view';
import { groupBy, inPeriod, median, Period, ratio, secondsBetween } from './period';

export interface StageConversion {
  from: FunnelStage;
  to: FunnelStage;
  /** Leads that reached `from` (or any later stage). */
  reached: number;
  converted: number;
  rate: number | null;
}

export interface FunnelAggregate {
  leads: number;
  open: number;
  won: number;
  lost: number;
  leadsPerStage: Record<FunnelStage, number>;
  conversion: StageConversion[];
  /** Median seconds between entering a stage and entering the next stage the lead reached. */
  medianSecondsInStage: Record<FunnelStage, number | null>;
  /** Sum of probability x latest quote over open leads. */
  weightedPipeline: number;
  /** Walk-ins who left no record: no event reports them yet, so always 0 (see the read-side README). */
  walkInsWithoutRecord: number;
}

export interface FunnelReport {
  period: Period;
  total: FunnelAggregate;
  byConsultant: Record<string, FunnelAggregate>;
  byChannel: Record<string, FunnelAggregate>;
  /** Keyed by month of registration, YYYY-MM. */
  byPeriod: Record<string, FunnelAggregate>;
}

const perStage = <V>(value: (stage: FunnelStage) => V): Record<FunnelStage, V> =>
  Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, value(stage)])) as Record<FunnelStage, V>;

export function aggregateFunnel(leads: readonly FunnelLeadView[]): FunnelAggregate {
  const reachedAtLeast = (stage: FunnelStage): number => leads.filter((l) => stageRank(l.stage) >= stageRank(stage)).length;
  const conversion = FUNNEL_STAGES.slice(0, -1).map((from, index) => {
    const to = FUNNEL_STAGES[index + 1] as FunnelStage;
    const reached = reachedAtLeast(from);
    const converted = reachedAtLeast(to);
    return { from, to, reached, converted, rate: ratio(converted, reached) };
  });
  return {
    leads: leads.length,
    open: leads.filter((l) => l.status === 'open').length,
    won: leads.filter((l) => l.status === 'won').length,
    lost: leads.filter((l) => l.status === 'lost').length,
    leadsPerStage: perStage((stage) => leads.filter((l) => l.stage === stage).length),
    conversion,
    medianSecondsInStage: perStage((stage) => median(leads.flatMap((l) => timeInStage(l, stage) ?? []))),
    weightedPipeline: Math.round(leads.reduce((sum, l) => sum + (l.status === 'open' ? l.expectedValue : 0), 0) * 100) / 100,
    walkInsWithoutRecord: 0,
  };
}

function timeInStage(lead: FunnelLeadView, stage: FunnelStage): number | undefined {
  const entered = lead.stageEnteredAt[stage];
  if (entered === undefined) return undefined;
  const next = FUNNEL_STAGES.slice(stageRank(stage) + 1).map((s) => lead.stageEnteredAt[s]).find((at) => at !== undefined);
  return next === undefined ? undefined : secondsBetween(entered, next);
}

const mapValues = <T>(groups: Record<string, T[]>, fn: (items: T[]) => FunnelAggregate): Record<string, FunnelAggregate> =>
  Object.fromEntries(Object.entries(groups).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, items]) => [key, fn(items)]));

/** The funnel of one dealer for leads registered in the period. */
export function funnelReport(all: readonly FunnelLeadView[], period: Period): FunnelReport {
  const leads = all.filter((l) => inPeriod(l.registeredAt, period));
  return {
    period,
    total: aggregateFunnel(leads),
    byConsultant: mapValues(groupBy(leads, (l) => l.consultantId ?? 'unassigned'), aggregateFunnel),
    byChannel: mapValues(groupBy(leads, (l) => l.channel), aggregateFunnel),
    byPeriod: mapValues(groupBy(leads, (l) => l.period), aggregateFunnel),
  };
}
