import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent } from '@crm/event-store';
import { isQuiet } from '@crm/nurture';
import { defaultProjections, StoredDoc } from '@crm/projections';
import { Simulation, SimulationResult } from './engine/simulation';

const SIZE = { leads: 200, months: 3 };

async function simulate(seed: string, keepOpen = false): Promise<{ result: SimulationResult; simulation: Simulation; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-sim-spec-'));
  const simulation = await Simulation.start({ ...SIZE, seed, dataDir: dir });
  const result = await simulation.run();
  if (!keepOpen) {
    await simulation.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { result, simulation, dir };
}

describe('a simulated dealership (200 leads, 3 months) through the real command path', () => {
  let first: Awaited<ReturnType<typeof simulate>>;
  let log: RecordedEvent[];
  const count = (type: string): number => log.filter((e) => e.type === type).length;

  beforeAll(async () => {
    first = await simulate('spec-7', true);
    log = await first.simulation.system.store.readAll();
  }, 120_000);
  afterAll(async () => {
    await first.simulation.close();
    rmSync(first.dir, { recursive: true, force: true });
  });

  it('is a function of its seed: the same seed gives the same summary, another seed another one', async () => {
    const again = await simulate('spec-7');
    expect(again.result.summary).toEqual(first.result.summary);
    const other = await simulate('spec-8');
    expect(other.result.summary.funnel.total).not.toEqual(first.result.summary.funnel.total);
  }, 120_000);

  it('exercises the whole lifecycle: registrations, hand-offs, test drives, quotes, wins, losses, deliveries, touches', () => {
    for (const type of ['LeadRegistered', 'ConsultantAssigned', 'TestDriveCompleted', 'QuoteGiven', 'DealWon', 'LossRequested', 'LossApproved',
      'DealLost', 'VehicleDelivered', 'PurchaseIntentAssessed', 'TouchScheduled', 'TouchSent', 'TouchCompleted', 'TouchCancelled',
      'TouchOverdue', 'EarlyWarningRaised', 'MarketingConsentChanged', 'LeadReturnedToNurturing', 'UnrecordedWalkInCounted']) {
      expect([type, count(type) > 0]).toEqual([type, true]);
    }
    expect(first.result.summary.commands.commands).toBeGreaterThan(SIZE.leads);
  });

  it('reports funnel counts that equal a fold of the event log', () => {
    const { summary } = first.result;
    const f = summary.funnel.total;
    expect(summary.events.appended).toBe(log.length);
    expect(count('LeadRegistered')).toBe(SIZE.leads);
    expect(f.cycles + f.invalid).toBe(count('LeadRegistered') + count('PurchaseCycleStarted'));
    expect(f.won).toBe(count('DealWon'));
    expect(f.lost + f.invalid).toBe(count('DealLost') - count('LeadReopened'));
    expect(f.leadsPerStage.delivered).toBe(count('VehicleDelivered'));
    expect(f.invalid).toBe(log.filter((e) => e.type === 'DealLost' && (e.data as { reason: string }).reason === 'invalid_lead').length);
    expect(summary.tierMigration.total).toBe(log.filter((e) => {
      const data = e.data as { tier: string; previousTier?: string };
      return e.type === 'PurchaseIntentAssessed' && data.previousTier !== undefined && data.previousTier !== data.tier;
    }).length);
  });

  it('sends no touch in the dealer\'s quiet hours and no marketing touch without consent', () => {
    const { dealer } = first.simulation;
    const sent = log.filter((e) => e.type === 'TouchSent');
    expect(sent.length).toBeGreaterThan(50);
    const quiet = sent.filter((e) => isQuiet(Date.parse(e.metadata.occurredAt), { timeZone: dealer.timeZone, quietHours: dealer.quietHours }));
    expect(quiet).toEqual([]);
    expect(first.result.summary.touches.sentInQuietHours).toBe(0);
    expect(first.result.summary.touches.marketingSentWithoutConsent).toBe(0);
    // Withdrawn consent was exercised: pending marketing touches were cancelled for it.
    expect(log.filter((e) => e.type === 'TouchCancelled' && (e.data as { reason: string }).reason === 'consent_withdrawn').length).toBeGreaterThan(0);
  });

  it('loses no due touch: every touch due a day before the end was sent, completed, cancelled or marked overdue', async () => {
    const { simulation } = first;
    const page = await simulation.system.queries.touches(simulation.dealer.dealerId, { status: 'all', page: 1, pageSize: 100_000 });
    const dayBeforeEnd = new Date(Date.parse(simulation.period.to) - 86_400_000).toISOString();
    const due = page.items.filter((t) => t.dueAt < dayBeforeEnd);
    expect(due.length).toBeGreaterThan(50);
    expect(due.filter((t) => t.status === 'scheduled' && !t.overdue)).toEqual([]);
    const c = first.result.summary.touches;
    expect(c.pending + c.sent + c.completed + c.cancelled + c.failed).toBe(c.scheduled);
    expect(c.scheduled).toBe(count('TouchScheduled'));
  });

  it('holds read models equal to a rebuild from position 0', async () => {
    const { readStore, rebuilder } = first.simulation.system;
    for (const projection of defaultProjections()) {
      const live = await readStore.liveVersion(projection.name);
      const before: StoredDoc[] = await readStore.dump(projection.name, live as number);
      const rebuilt = await rebuilder.rebuild(projection);
      expect([projection.name, await readStore.dump(projection.name, rebuilt.version)]).toEqual([projection.name, before]);
      expect(before.length).toBeGreaterThan(0);
    }
  }, 60_000);
});
