import { FunnelAggregate, KpiReport, MigrationMatrix, ReadModelQueries, TouchRow } from '@crm/projections';
import { SimulatedDealership } from '../model/dealership';
import { ExecutionCounts } from '../engine/action-executor';
import { LogAuditResult } from './log-audit';

/** Touch compliance: where every touch planned during the run ended up, from the touches read model. */
export interface TouchCompliance {
  scheduled: number;
  /** Still planned (not yet due, or due and held back by quiet hours at the very end). */
  pending: number;
  /** On the to-do list, not done yet. */
  sent: number;
  completed: number;
  cancelled: number;
  failed: number;
  /** Flagged overdue at some point (done late, or still not done). */
  overdue: number;
  /** Completed without ever being overdue, over every touch that was completed or went overdue. */
  onTimeRate: number | null;
  sentInQuietHours: number;
  marketingSentWithoutConsent: number;
}

export interface SimulationSummary {
  seed: string;
  leads: number;
  months: number;
  from: string;
  to: string;
  dealer: { dealerId: string; timeZone: string; quietHours: string; consultants: number; crmAgents: number };
  /** The read side's funnel report (GET /funnel): every lead's cycles, in total and by channel. */
  funnel: { total: FunnelAggregate; byChannel: Record<string, FunnelAggregate> };
  closeRate: { won: number; lost: number; rate: number | null };
  /** The dealer guide's close rate: closes over everyone who walked in, recorded or not (KPI report). */
  walkInCloseRate: KpiReport['walkInCloseRate'];
  lostReasons: Record<string, number>;
  tierMigration: Omit<MigrationMatrix, 'period'>;
  touches: TouchCompliance;
  commands: ExecutionCounts;
  events: { appended: number; byType: Record<string, number> };
}

/** How long it took: kept apart from the summary, which is a function of the seed and the sizes alone. */
export interface SimulationTiming {
  elapsedSeconds: number;
  eventsPerSecond: number;
  clockSteps: number;
}

export interface SummaryInputs {
  seed: string;
  leads: number;
  months: number;
  from: string;
  to: string;
  dealer: SimulatedDealership;
  queries: ReadModelQueries;
  audit: LogAuditResult;
  commands: ExecutionCounts;
}

const ALL_TOUCHES = { status: 'all' as const, page: 1, pageSize: Number.MAX_SAFE_INTEGER };

/** Reads the figures the way a dealer's manager would: through the read side's queries, not by recounting events. */
export async function buildSummary(input: SummaryInputs): Promise<SimulationSummary> {
  const { dealer, queries, audit } = input;
  const [funnel, kpis, migrations, touches] = await Promise.all([
    queries.funnel(dealer.dealerId, {}), queries.kpis(dealer.dealerId, {}), queries.migrations(dealer.dealerId, {}),
    queries.touches(dealer.dealerId, ALL_TOUCHES),
  ]);
  const { period: _period, ...tierMigration } = migrations;
  return {
    seed: input.seed, leads: input.leads, months: input.months, from: input.from, to: input.to,
    dealer: {
      dealerId: dealer.dealerId, timeZone: dealer.timeZone, quietHours: `${dealer.quietHours.start}-${dealer.quietHours.end}`,
      consultants: dealer.consultants.length, crmAgents: dealer.crmAgents.length,
    },
    funnel: { total: funnel.total, byChannel: funnel.byChannel },
    closeRate: kpis.closeRate,
    walkInCloseRate: kpis.walkInCloseRate,
    lostReasons: kpis.lostReasons,
    tierMigration,
    touches: compliance(touches.items, audit),
    commands: { commands: input.commands.commands, refused: sortKeys(input.commands.refused) },
    events: { appended: audit.events, byType: audit.byType },
  };
}

function compliance(rows: readonly TouchRow[], audit: LogAuditResult): TouchCompliance {
  const count = (status: string): number => rows.filter((r) => r.status === status).length;
  const onTime = rows.filter((r) => r.status === 'completed' && !r.overdue).length;
  const judged = rows.filter((r) => r.status === 'completed' || r.overdue).length;
  return {
    scheduled: rows.length, pending: count('scheduled'), sent: count('sent'), completed: count('completed'),
    cancelled: count('cancelled'), failed: count('failed'), overdue: rows.filter((r) => r.overdue).length,
    onTimeRate: judged === 0 ? null : Math.round((onTime / judged) * 10_000) / 10_000,
    sentInQuietHours: audit.sentInQuietHours, marketingSentWithoutConsent: audit.marketingSentWithoutConsent,
  };
}

const sortKeys = <V>(record: Record<string, V>): Record<string, V> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
