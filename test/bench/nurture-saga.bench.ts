/**
 * Nurture saga catch-up: BENCH_LEADS leads' histories (registration with a tier; a third won and delivered, a
 * quarter lost on price, walk-ins among them) are appended straight to a SQLite store while the saga is stopped;
 * then the saga starts and the time until it has handled the whole log (its own events included) is measured.
 * Real parts: SQLite event and read stores, the CommandBus and the command handlers; a virtual clock.
 * Run: bash test/bench/run.sh nurture-saga
 */
import { performance } from 'node:perf_hooks';
import { LeadEvent, PurchaseTimeframe, leadStreamId } from '@crm/lead';
import { registration, toAppend } from '../../libs/projections/src/testing/lead-events.builder';
import { DEALER, startSagaApp } from '../../libs/nurture/src/nest/testing/saga-test-app';

const LEADS = Number(process.env.BENCH_LEADS ?? 2000);
const TIMEFRAMES: PurchaseTimeframe[] = ['within_1_month', 'in_2_3_months', 'in_4_6_months', 'in_7_12_months', 'over_12_months'];
const TIERS = ['T1', 'T2', 'T3', 'T4', 'T5'] as const;

function history(n: number): LeadEvent[] {
  const leadId = leadIdOf(n);
  const events: LeadEvent[] = [
    { ...registration(leadId, { dealerId: DEALER, channel: n % 5 === 0 ? 'walk_in' : 'website' }) },
    { type: 'PurchaseIntentAssessed', data: { timeframe: TIMEFRAMES[n % 5] as PurchaseTimeframe, tier: TIERS[n % 5] as (typeof TIERS)[number] } },
  ];
  if (n % 3 === 0) {
    events.push({ type: 'DealWon', data: {} }, { type: 'VehicleDelivered', data: { odometerKm: 20, insuranceExpiresOn: '2027-03-01' } });
  } else if (n % 4 === 0) {
    events.push({ type: 'DealLost', data: { reason: 'price' } });
  }
  return events;
}

const leadIdOf = (n: number): string => `0d0d0d0d-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

async function main(): Promise<void> {
  const t = await startSagaApp('2026-02-01T02:00:00.000Z');
  try {
    await t.dealer({ type: 'AddConsultant', data: { consultantId: 'c-li', name: 'Li Na' } });
    await t.dealer({ type: 'AddConsultant', data: { consultantId: 'c-zhao', name: 'Zhao Lei' } });
    await t.runner.settle();
    await t.runner.stop();
    for (let n = 0; n < LEADS; n += 1) {
      const occurredAt = new Date(Date.parse('2026-01-05T02:00:00.000Z') + n * 60_000).toISOString();
      const events = history(n).map((event) => {
        const appended = toAppend({ leadId: leadIdOf(n), event, occurredAt }, DEALER);
        return { ...appended, metadata: { ...appended.metadata, actor: { id: n % 2 ? 'c-li' : 'agent-1', role: n % 2 ? 'consultant' as const : 'crm_agent' as const, dealerId: DEALER } } };
      });
      await t.store.append(leadStreamId(leadIdOf(n)), events, 'no_stream');
    }
    const backlog = await t.store.headPosition();
    const from = t.runner.position;
    const started = performance.now();
    t.runner.start();
    await t.runner.settle(600_000);
    const seconds = (performance.now() - started) / 1000;
    const head = await t.store.headPosition();
    const handled = head - from;
    const appended = head - backlog;
    process.stdout.write([
      `nurture saga catch-up, ${LEADS} leads (${backlog - from} events waiting)`,
      `  ${handled} events handled (the saga's own included) in ${seconds.toFixed(2)} s: ${Math.round(handled / seconds)} events/s`,
      `  ${appended} events appended by its commands: ${Math.round(appended / seconds)}/s; ${Math.round(LEADS / seconds)} leads/s`,
      '',
    ].join('\n'));
  } finally {
    await t.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
