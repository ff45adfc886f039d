import { VirtualClock } from '@crm/kernel';
import { LeadEvent, leadStreamId, showroomStreamId } from '@crm/lead';
import { defaultProjections } from '../projections.registry';
import { InMemoryEventStoreFake } from '../testing/in-memory-event-store.fake';
import { metadataFor, quote, registration, walkInCounted } from '../testing/lead-events.builder';
import { openSqliteHarness } from '../testing/read-store.harness';
import { ReadStoreHarness } from '../read-store/read-store.contract';
import { ProjectionRunner } from '../runner/projection-runner';
import { ReadModelQueries } from './read-model.queries';

const at = (day: number, hour = 10): string => `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const assessed = (tier: 'T1' | 'T3' | 'T5'): LeadEvent => ({ type: 'PurchaseIntentAssessed', data: { timeframe: 'in_2_3_months', tier } });

describe('ReadModelQueries', () => {
  let harness: ReadStoreHarness;
  let queries: ReadModelQueries;
  const clock = new VirtualClock(at(30));

  beforeAll(async () => {
    harness = await openSqliteHarness();
    const events = new InMemoryEventStoreFake();
    const history: Array<[string, string, LeadEvent]> = [
      ['a', at(1), registration('a', { channel: 'website', intendedPurchase: 'over_12_months' })],
      ['a', at(1, 12), { type: 'CallLogged', data: { direction: 'outbound', outcome: 'connected' } }],
      ['a', at(2), { type: 'NeedsAnalysed', data: { intendedModels: ['S'] } }],
      ['a', at(4), quote('q', 500_000)],
      ['a', at(5), assessed('T1')],
      ['a', at(6), { type: 'ConsultantAssigned', data: { consultantId: 'c1', reason: 'hot_tier' } }],
      ['b', at(2), registration('b', { channel: 'walk_in', intendedPurchase: 'in_4_6_months' })],
      ['b', at(3), { type: 'NeedsAnalysed', data: { intendedModels: ['S'] } }],
      ['b', at(7), { type: 'DealLost', data: { reason: 'price' } }],
      ['c', at(3), registration('c', { channel: 'walk_in', intendedPurchase: 'within_1_month' })],
      ['c', at(3, 14), quote('q', 300_000)],
      ['c', at(5), { type: 'DealWon', data: {} }],
      ['c', at(9), assessed('T3')],
      ['x', at(3), registration('x', { dealerId: 'dealer-2' })],
    ];
    for (const [lead, time, event] of history) {
      const dealer = lead === 'x' ? 'dealer-2' : 'dealer-1';
      await events.append(leadStreamId(lead), [{ type: event.type, data: event.data, metadata: metadataFor(event, time, dealer) }], 'any');
    }
    const walkIns: Array<[string, string, number, string?]> = [
      ['dealer-1', at(2), 3, 'c1'], ['dealer-1', at(3, 15), 2], ['dealer-1', at(9), 4], ['dealer-2', at(3), 7],
    ];
    for (const [dealer, time, visitors, consultant] of walkIns) {
      const event = walkInCounted(dealer, visitors, consultant);
      await events.append(showroomStreamId(dealer, time), [{ type: event.type, data: event.data, metadata: metadataFor(event, time, dealer) }], 'any');
    }
    for (const projection of defaultProjections()) {
      await new ProjectionRunner({ eventStore: events, readStore: harness.store, projection }).catchUp();
    }
    queries = new ReadModelQueries(harness.store, clock);
  });
  afterAll(async () => harness.cleanup());

  it('aggregates the funnel: stages, conversion, time in stage and weighted pipeline', async () => {
    const { total, byChannel, byConsultant } = await queries.funnel('dealer-1', {});
    // a: 90 % of 500,000 (open quote); c: 90 % of 300,000 (signed, not delivered yet: still pipeline).
    expect(total).toMatchObject({ leads: 3, cycles: 3, open: 1, won: 1, lost: 1, invalid: 0, weightedPipeline: 720_000 });
    expect(total.leadsPerStage).toMatchObject({ initial_contact: 0, needs_analysed: 1, quote: 2 });
    expect(total.conversion[0]).toEqual({ from: 'initial_contact', to: 'needs_analysed', reached: 3, converted: 3, rate: 1 });
    expect(total.conversion[1]).toEqual({ from: 'needs_analysed', to: 'vehicle_presented', reached: 3, converted: 2, rate: 0.6667 });
    // a: 1 day from contact to needs analysed; b: 1 day; c: 4 hours straight to a quote.
    expect(total.medianSecondsInStage.initial_contact).toBe(86_400);
    expect(total.medianSecondsInStage.needs_analysed).toBe(172_800);
    expect(Object.keys(byChannel)).toEqual(['walk_in', 'website']);
    expect(byConsultant.c1?.leads).toBe(1);
  });

  it('filters by period of registration', async () => {
    expect((await queries.funnel('dealer-1', { from: at(2), to: at(3) })).total.leads).toBe(1);
  });

  it("counts the dealer's walk-ins without record per consultant, channel and month of the visit", async () => {
    const all = await queries.funnel('dealer-1', {});
    expect(all.total.walkInsWithoutRecord).toBe(9);
    expect(all.byConsultant.c1).toMatchObject({ leads: 1, walkInsWithoutRecord: 3 });
    expect(all.byConsultant.unassigned).toMatchObject({ leads: 2, walkInsWithoutRecord: 6 });
    expect(all.byChannel.walk_in).toMatchObject({ leads: 2, walkInsWithoutRecord: 9 });
    expect(all.byChannel.website?.walkInsWithoutRecord).toBe(0);
    expect(all.byPeriod['2026-03']?.walkInsWithoutRecord).toBe(9);
    const window = await queries.funnel('dealer-1', { from: at(3), to: at(4) });
    expect(window.total).toMatchObject({ leads: 1, walkInsWithoutRecord: 2 });
    const onlyWalkIns = await queries.funnel('dealer-1', { from: at(9), to: at(10) });
    expect(onlyWalkIns.total).toMatchObject({ leads: 0, walkInsWithoutRecord: 4 });
    expect(Object.keys(onlyWalkIns.byConsultant)).toEqual(['unassigned']);
  });

  it('reports tiers, judging at risk at query time', async () => {
    const report = await queries.tiers('dealer-1', {});
    expect(report.byTier).toMatchObject({ T1: 1, T3: 2, T5: 0 });
    expect(report.byLifecycle).toMatchObject({ at_risk: 1, customer: 1, lost: 1 });
  });

  it('counts tier migrations in the period', async () => {
    const march = await queries.migrations('dealer-1', { from: at(1), to: at(31) });
    expect(march).toMatchObject({ total: 2, warmedUp: 1, hotter: 1, cooledDown: 1 });
    expect(march.matrix.T5.T1).toBe(1);
    expect(march.matrix.T1.T3).toBe(1);
    expect((await queries.migrations('dealer-1', { from: at(6), to: at(31) })).total).toBe(1);
  });

  it('computes KPIs', async () => {
    const kpis = await queries.kpis('dealer-1', {});
    expect(kpis.closeRate).toEqual({ won: 1, lost: 1, rate: 0.5 });
    // Walk-in leads b (lost) and c (won), and 9 visitors who left no record: 1 close in 11 walk-ins.
    expect(kpis.walkInCloseRate).toEqual({ walkIns: 11, unrecorded: 9, recorded: 2, closes: 1, recordRate: 0.1818, closeRate: 0.0909 });
    expect(kpis.lostReasons).toEqual({ price: 1 });
    expect(kpis.conversionByTier.T1).toEqual({ leads: 1, won: 1, rate: 1 });
    expect(kpis.firstResponse).toEqual({ responded: 3, unanswered: 0, medianSeconds: 14_400, averageSeconds: 36_000 });
  });

  it('lists leads sorted and paged, scoped to the dealer', async () => {
    const page = await queries.leads('dealer-1', { sort: 'expectedValue', order: 'desc', page: 1, pageSize: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((r) => [r.leadId, r.expectedValue])).toEqual([['a', 450_000], ['c', 270_000]]);
    expect((await queries.leads('dealer-2', { sort: 'name', order: 'asc', page: 1, pageSize: 10 })).items.map((r) => r.leadId)).toEqual(['x']);
  });
});
