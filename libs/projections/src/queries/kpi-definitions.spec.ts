import { LeadEvent, LostReason } from '@crm/lead';
import { FunnelProjection } from '../funnel/funnel.projection';
import { FunnelLeadView } from '../funnel/funnel-lead.view';
import { quote, registration, walkInCounted } from '../testing/lead-events.builder';
import { project } from '../testing/projection.harness';
import { TierProjection } from '../tiers/tier.projection';
import { TierLeadView } from '../tiers/tier-lead.view';
import { funnelReport } from './funnel-report';
import { kpiReport } from './kpi-report';
import { migrationMatrix } from './tier-report';

const T = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;
type History = Array<[string, LeadEvent]>;
const lost = (reason: LostReason): LeadEvent => ({ type: 'DealLost', data: { reason } });
const assessed = (tier: 'T1' | 'T2' | 'T3' | 'T4' | 'T5'): LeadEvent => ({ type: 'PurchaseIntentAssessed', data: { timeframe: 'in_2_3_months', tier } });
const funnelOf = (id: string, events: History): FunnelLeadView => project(new FunnelProjection(), id, events) as FunnelLeadView;
const tiersOf = (id: string, events: History): TierLeadView => project(new TierProjection(), id, events) as TierLeadView;

describe('KPI definitions (README, "KPI definitions")', () => {
  const histories: Record<string, History> = {
    invalid: [[T(1), registration('invalid', { channel: 'website' })], [T(2), lost('invalid_lead')]],
    duplicate: [[T(1), registration('duplicate')], [T(2), lost('duplicate_lead')]],
    won: [[T(1), registration('won')], [T(2), quote('q', 300_000)], [T(3), { type: 'DealWon', data: { quoteId: 'q' } }]],
    lost: [[T(1), registration('lost')], [T(3), lost('price')]],
  };
  const funnel = Object.entries(histories).map(([id, events]) => funnelOf(id, events));
  const tiers = Object.entries(histories).map(([id, events]) => tiersOf(id, events));

  it('leaves leads closed as invalid or duplicate out of every rate, and counts them apart', () => {
    const kpis = kpiReport(funnel, tiers, {});
    expect(kpis).toMatchObject({ leads: 2, cycles: 2, invalid: 2, closeRate: { won: 1, lost: 1, rate: 0.5 } });
    expect(kpis.conversionByChannel).toEqual({ walk_in: { leads: 2, won: 1, rate: 0.5 } });
    expect(kpis.lostReasons).toEqual({ duplicate_lead: 1, invalid_lead: 1, price: 1 });
    const { total } = funnelReport(funnel, [], {});
    expect(total).toMatchObject({ leads: 2, invalid: 2, lost: 1, won: 1 });
    expect(total.conversion[0]).toMatchObject({ reached: 2 });
  });

  it("gives the guide's close rate: closes over every walk-in, the unrecorded ones in the base", () => {
    const walkIns = [walkInCounted('dealer-1', 5), walkInCounted('dealer-1', 1)].map((event, i) => ({
      eventId: `w${i}`, dealerId: 'dealer-1', visitors: event.data.visitors, consultantId: null, intendedModel: null, occurredAt: T(2), period: '2026-03',
    }));
    // Walk-in leads: duplicate (left out), won, lost; the website lead is not showroom traffic.
    expect(kpiReport(funnel, tiers, {}, walkIns).walkInCloseRate).toEqual({
      walkIns: 8, unrecorded: 6, recorded: 2, closes: 1, recordRate: 0.25, closeRate: 0.125,
    });
  });

  it('counts as warmed up a T3-T5 lead reaching T1 (through T2 or not), once per climb; T2 to T1 is only hotter', () => {
    const leads = [
      tiersOf('a', [[T(1), registration('a', { intendedPurchase: 'in_7_12_months' })], [T(2), assessed('T2')], [T(3), assessed('T1')]]),
      tiersOf('b', [[T(1), registration('b', { intendedPurchase: 'in_2_3_months' })], [T(2), assessed('T1')]]),
      tiersOf('c', [[T(1), registration('c', { intendedPurchase: 'over_12_months' })], [T(2), assessed('T1')], [T(3), assessed('T4')], [T(4), assessed('T1')]]),
      tiersOf('d', [[T(1), registration('d', { intendedPurchase: 'in_4_6_months' })], [T(2), assessed('T4')]]),
    ];
    expect(migrationMatrix(leads, {})).toMatchObject({ total: 7, warmedUp: 3, hotter: 5, cooledDown: 2 });
    // Only the move into T1 on day 4 is in this window; c was back in T4 since day 3.
    expect(migrationMatrix(leads, { from: T(4), to: T(5) })).toMatchObject({ total: 1, warmedUp: 1 });
  });
});
