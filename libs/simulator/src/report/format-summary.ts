import { FUNNEL_STAGES } from '@crm/projections';
import { INTENT_TIERS } from '@crm/lead';
import { SimulationSummary, SimulationTiming } from './simulation-summary';

const pct = (rate: number | null): string => (rate === null ? '-' : `${(rate * 100).toFixed(1)}%`);
const table = (rows: string[][]): string[] => {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  '));
};

/** The summary as a person reads it at the end of `simulate`. */
export function formatSummary(s: SimulationSummary, t: SimulationTiming): string {
  const f = s.funnel.total;
  const lines: string[] = [
    `Simulated ${s.leads} leads over ${s.months} months (${s.from} .. ${s.to}), seed ${s.seed}`,
    `Dealer ${s.dealer.dealerId}: ${s.dealer.consultants} consultants, ${s.dealer.crmAgents} CRM agents, ${s.dealer.timeZone}, quiet hours ${s.dealer.quietHours}`,
    '',
    `Funnel (read side, GET /funnel): ${f.leads} leads, ${f.cycles} cycles, ${f.open} open, ${f.won} won, ${f.lost} lost, ${f.invalid} invalid; walk-ins without record ${f.walkInsWithoutRecord}`,
    ...table([
      ['stage', 'now in stage', 'reached', 'to next', 'rate'],
      ...FUNNEL_STAGES.map((stage, i) => {
        const c = f.conversion[i];
        return [stage, String(f.leadsPerStage[stage]), String(c?.reached ?? f.leadsPerStage[stage]), c ? String(c.converted) : '', c ? pct(c.rate) : ''];
      }),
    ]).map((l) => `  ${l}`),
    `  close rate (won / decided) ${pct(s.closeRate.rate)} (${s.closeRate.won} won, ${s.closeRate.lost} lost); weighted pipeline ${f.weightedPipeline.toLocaleString('en-US')} CNY`,
    `  walk-ins: ${s.walkInCloseRate.walkIns} (${s.walkInCloseRate.unrecorded} left no record), record rate ${pct(s.walkInCloseRate.recordRate)}, close rate over every walk-in ${pct(s.walkInCloseRate.closeRate)}`,
    `  by channel: ${Object.entries(s.funnel.byChannel).map(([channel, a]) => `${channel} ${a.won}/${a.cycles}`).join(', ')} (won/cycles)`,
    `  lost reasons: ${Object.entries(s.lostReasons).map(([reason, n]) => `${reason} ${n}`).join(', ')}`,
    '',
    `Tier migration (from -> to): ${s.tierMigration.total} moves, ${s.tierMigration.hotter} hotter, ${s.tierMigration.cooledDown} cooler, ${s.tierMigration.warmedUp} warmed up to T1 (the nurture KPI)`,
    ...table([['from\\to', ...INTENT_TIERS], ...INTENT_TIERS.map((from) => [from, ...INTENT_TIERS.map((to) => String(s.tierMigration.matrix[from][to]))])]).map((l) => `  ${l}`),
    '',
    `Touch compliance: ${s.touches.scheduled} scheduled; ${s.touches.completed} completed, ${s.touches.sent} sent (on the to-do list), ${s.touches.pending} not yet due,`
      + ` ${s.touches.cancelled} cancelled, ${s.touches.failed} failed, ${s.touches.overdue} overdue`,
    `  on time ${pct(s.touches.onTimeRate)}; sent in quiet hours ${s.touches.sentInQuietHours}; marketing sent without consent ${s.touches.marketingSentWithoutConsent}`,
    '',
    `Commands: ${s.commands.commands} generated commands taken, refused ${Object.values(s.commands.refused).reduce((a, b) => a + b, 0)}`
      + `${Object.keys(s.commands.refused).length ? ` (${Object.entries(s.commands.refused).map(([code, n]) => `${code} ${n}`).join(', ')})` : ''}`,
    `Events appended: ${s.events.appended}; elapsed ${t.elapsedSeconds.toFixed(1)} s; ${t.eventsPerSecond} events/s; ${t.clockSteps} clock steps`,
  ];
  return `${lines.join('\n')}\n`;
}
