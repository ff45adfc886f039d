import { Channel } from '@crm/lead';
import { DEFAULT_FUNNEL_POLICY, FUNNEL_STAGES, FunnelPolicy, FunnelStage, isInvalid, stageRank } from '../funnel/funnel.policy';
import { FunnelCycleView, FunnelLeadView } from '../funnel/funnel-lead.view';
import { periodOf } from '../projection';
import { UnrecordedWalkInView } from '../showroom/unrecorded-walk-in.view';
import { groupBy, inPeriod, median, Period, ratio, secondsBetween } from './period';

export interface StageConversion {
  from: FunnelStage;
  to: FunnelStage;
  /** Leads that reached `from` (or any later stage). */
  reached: number;
  converted: number;
  rate: number | null;
}

/** One sales cycle as the funnel counts it, with the lead attributes it is grouped by. */
export interface FunnelEntry extends FunnelCycleView {
  leadId: string;
  channel: Channel;
  /** Month the cycle began, YYYY-MM (the registration's month for a first cycle). */
  period: string;
}

/** A lead's cycles, earliest first: a customer who bought twice is two entries in the funnel. */
export function funnelEntries(lead: FunnelLeadView): FunnelEntry[] {
  const entry = (cycle: FunnelCycleView): FunnelEntry => ({
    cycle: cycle.cycle, cycleStartedAt: cycle.cycleStartedAt, consultantId: cycle.consultantId, stage: cycle.stage,
    status: cycle.status, probability: cycle.probability, quote: cycle.quote, expectedValue: cycle.expectedValue,
    expectedCloseDate: cycle.expectedCloseDate, stageEnteredAt: cycle.stageEnteredAt, wonAt: cycle.wonAt, lostAt: cycle.lostAt,
    lostReason: cycle.lostReason, competitor: cycle.competitor,
    leadId: lead.leadId, channel: lead.channel, period: periodOf(cycle.cycleStartedAt),
  });
  return [...lead.previousCycles.map(entry), entry(lead)];
}

/**
 * Every count but `leads` is of sales cycles (a lead's first cycle begins at its registration). Cycles closed as
 * invalid or duplicate are only counted in `invalid`: every other figure and rate leaves them out.
 */
export interface FunnelAggregate {
  /** Distinct leads with a cycle in the aggregate. */
  leads: number;
  cycles: number;
  /** Cycles after the first: repeat purchases of known customers. */
  repeatPurchases: number;
  invalid: number;
  open: number;
  won: number;
  lost: number;
  leadsPerStage: Record<FunnelStage, number>;
  conversion: StageConversion[];
  /** Median seconds between entering a stage and entering the next stage the lead reached. */
  medianSecondsInStage: Record<FunnelStage, number | null>;
  /** Sum of probability x quote over cycles not yet delivered nor lost (a signed order counts at 90 %). */
  weightedPipeline: number;
  /** Visitors who came in and left no record (未留档), counted in the period by when they came. */
  walkInsWithoutRecord: number;
}

export interface FunnelReport {
  period: Period;
  total: FunnelAggregate;
  byConsultant: Record<string, FunnelAggregate>;
  /** Walk-ins without record count under `walk_in`. */
  byChannel: Record<string, FunnelAggregate>;
  /** Keyed by month the cycle began (walk-ins without record: month of the visit), YYYY-MM. */
  byPeriod: Record<string, FunnelAggregate>;
}

const UNASSIGNED = 'unassigned';
const WALK_IN_CHANNEL: Channel = 'walk_in';

const perStage = <V>(value: (stage: FunnelStage) => V): Record<FunnelStage, V> =>
  Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, value(stage)])) as Record<FunnelStage, V>;

export function aggregateFunnel(
  entries: readonly FunnelEntry[], walkIns: readonly UnrecordedWalkInView[] = [], policy: FunnelPolicy = DEFAULT_FUNNEL_POLICY,
): FunnelAggregate {
  const leads = entries.filter((entry) => !isInvalid(entry, policy));
  const reachedAtLeast = (stage: FunnelStage): number => leads.filter((l) => stageRank(l.stage) >= stageRank(stage)).length;
  const conversion = FUNNEL_STAGES.slice(0, -1).map((from, index) => {
    const to = FUNNEL_STAGES[index + 1] as FunnelStage;
    const reached = reachedAtLeast(from);
    const converted = reachedAtLeast(to);
    return { from, to, reached, converted, rate: ratio(converted, reached) };
  });
  return {
    leads: new Set(leads.map((l) => l.leadId)).size,
    cycles: leads.length,
    repeatPurchases: leads.filter((l) => l.cycle > 1).length,
    invalid: entries.length - leads.length,
    open: leads.filter((l) => l.status === 'open').length,
    won: leads.filter((l) => l.status === 'won').length,
    lost: leads.filter((l) => l.status === 'lost').length,
    leadsPerStage: perStage((stage) => leads.filter((l) => l.stage === stage).length),
    conversion,
    medianSecondsInStage: perStage((stage) => median(leads.flatMap((l) => timeInStage(l, stage) ?? []))),
    weightedPipeline: Math.round(leads.reduce((sum, l) => sum + (inPipeline(l) ? l.expectedValue : 0), 0) * 100) / 100,
    walkInsWithoutRecord: walkIns.reduce((sum, w) => sum + w.visitors, 0),
  };
}

/** Until the vehicle is delivered a deal can still fall through: open cycles and signed orders are pipeline. */
const inPipeline = (cycle: FunnelEntry): boolean => cycle.status === 'open' || (cycle.status === 'won' && cycle.stage !== 'delivered');

function timeInStage(lead: FunnelEntry, stage: FunnelStage): number | undefined {
  const entered = lead.stageEnteredAt[stage];
  if (entered === undefined) return undefined;
  const next = FUNNEL_STAGES.slice(stageRank(stage) + 1).map((s) => lead.stageEnteredAt[s]).find((at) => at !== undefined);
  return next === undefined ? undefined : secondsBetween(entered, next);
}

/** One aggregate per key that leads or walk-ins have, sorted by key. */
function aggregateBy(
  leads: readonly FunnelEntry[], walkIns: readonly UnrecordedWalkInView[],
  leadKey: (lead: FunnelEntry) => string, walkInKey: (walkIn: UnrecordedWalkInView) => string,
): Record<string, FunnelAggregate> {
  const leadGroups = groupBy(leads, leadKey);
  const walkInGroups = groupBy(walkIns, walkInKey);
  const keys = [...new Set([...Object.keys(leadGroups), ...Object.keys(walkInGroups)])].sort();
  return Object.fromEntries(keys.map((key) => [key, aggregateFunnel(leadGroups[key] ?? [], walkInGroups[key] ?? [])]));
}

/**
 * The funnel of one dealer for the sales cycles that began in the period (a lead's first at its registration,
 * a repeat purchase when it opened), with the walk-ins without record who came in it.
 */
export function funnelReport(all: readonly FunnelLeadView[], allWalkIns: readonly UnrecordedWalkInView[], period: Period): FunnelReport {
  const leads = all.flatMap(funnelEntries).filter((l) => inPeriod(l.cycleStartedAt, period));
  const walkIns = allWalkIns.filter((w) => inPeriod(w.occurredAt, period));
  return {
    period,
    total: aggregateFunnel(leads, walkIns),
    byConsultant: aggregateBy(leads, walkIns, (l) => l.consultantId ?? UNASSIGNED, (w) => w.consultantId ?? UNASSIGNED),
    byChannel: aggregateBy(leads, walkIns, (l) => l.channel, () => WALK_IN_CHANNEL),
    byPeriod: aggregateBy(leads, walkIns, (l) => l.period, (w) => w.period),
  };
}
