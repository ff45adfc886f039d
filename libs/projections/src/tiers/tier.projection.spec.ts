import { TierProjection } from './tier.projection';
import { project } from '../testing/projection.harness';
import { quote, registration } from '../testing/lead-events.builder';

const tiers = new TierProjection();
const T = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;
const assessed = (tier: 'T1' | 'T2' | 'T3' | 'T4' | 'T5') => ({
  type: 'PurchaseIntentAssessed' as const, data: { timeframe: 'within_1_month' as const, tier },
});

describe('TierProjection', () => {
  it('takes the first tier from the registration and classifies the lead', () => {
    expect(project(tiers, 'l1', [[T(1), registration('l1', { intendedPurchase: 'in_7_12_months' })]])).toMatchObject({
      tier: 'T4', firstTier: 'T4', temperature: 'cold', valueTier: 'low', lifecycle: 'potential', migrations: [],
    });
    expect(project(tiers, 'l2', [[T(1), registration('l2')]])).toMatchObject({ tier: null, temperature: null, lifecycle: 'potential' });
  });

  it('records each tier change as a migration and follows the latest assessment', () => {
    const view = project(tiers, 'l1', [
      [T(1), registration('l1', { intendedPurchase: 'over_12_months' })],
      [T(2), assessed('T3')], [T(3), assessed('T3')], [T(4), assessed('T1')],
    ]);
    expect(view).toMatchObject({ tier: 'T1', firstTier: 'T5', temperature: 'hot', lifecycle: 'intending', valueTier: 'medium' });
    expect(view?.migrations).toEqual([{ from: 'T5', to: 'T3', at: T(2) }, { from: 'T3', to: 'T1', at: T(4) }]);
  });

  it('makes a lead high value by budget, or by a quote while hot', () => {
    expect(project(tiers, 'l1', [[T(1), registration('l1', { budgetMax: 450_000 })]])?.valueTier).toBe('high');
    expect(project(tiers, 'l2', [[T(1), registration('l2')], [T(2), assessed('T2')], [T(3), quote('q', 150_000)]])?.valueTier).toBe('high');
    expect(project(tiers, 'l3', [[T(1), registration('l3')], [T(2), quote('q', 250_000)]])?.valueTier).toBe('medium');
  });

  it('moves through customer, loyal and lost', () => {
    const base: Parameters<typeof project>[2] = [[T(1), registration('l1')], [T(2), { type: 'DealWon', data: {} }]];
    expect(project(tiers, 'l1', base)?.lifecycle).toBe('customer');
    const second: Parameters<typeof project>[2] = [
      ...base, [T(3), { type: 'VehicleDelivered', data: {} }],
      [T(8), { type: 'PurchaseCycleStarted', data: { cycle: 2, reason: 'quote' } }], [T(9), { type: 'DealWon', data: {} }],
    ];
    // The second order is signed: still a customer; loyal once the second car is delivered.
    expect(project(tiers, 'l1', second)).toMatchObject({ lifecycle: 'customer', wins: 2, deliveries: 1, cycle: 2, valueTier: 'high' });
    expect(project(tiers, 'l1', [...second, [T(10), { type: 'VehicleDelivered', data: {} }]])).toMatchObject({ lifecycle: 'loyal', deliveries: 2 });
    const lost = project(tiers, 'l2', [[T(1), registration('l2')], [T(2), { type: 'DealLost', data: { reason: 'price' } }]]);
    expect(lost?.lifecycle).toBe('lost');
  });

  it('dates a late assessment when it happened and moves from the tier the lead was in then', () => {
    // Registered T2; T5 assessed on day 5; a T4 assessment of day 3 recorded after it.
    const view = project(tiers, 'l1', [
      [T(1), registration('l1', { intendedPurchase: 'in_2_3_months' })],
      [T(5), assessed('T5')],
      [T(3), assessed('T4')],
    ]);
    expect(view).toMatchObject({ tier: 'T5', firstTier: 'T2', assessedAt: T(5) });
    expect(view?.migrations).toEqual([{ from: 'T2', to: 'T4', at: T(3) }, { from: 'T4', to: 'T5', at: T(5) }]);
  });
});
