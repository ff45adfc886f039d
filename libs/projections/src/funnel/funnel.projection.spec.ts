import { FunnelProjection } from './funnel.projection';
import { project } from '../testing/projection.harness';
import { quote, registration } from '../testing/lead-events.builder';

const funnel = new FunnelProjection();
const T = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;

describe('FunnelProjection', () => {
  it('starts a registered lead at initial contact with 5 %', () => {
    const view = project(funnel, 'l1', [[T(1), registration('l1', { channel: 'website' })]]);
    expect(view).toMatchObject({
      leadId: 'l1', dealerId: 'dealer-1', channel: 'website', stage: 'initial_contact', status: 'open', probability: 5,
      period: '2026-03', expectedValue: 0, stageEnteredAt: { initial_contact: T(1) },
    });
  });

  it('moves forward through the stages and prices the latest quote', () => {
    const view = project(funnel, 'l1', [
      [T(1), registration('l1')],
      [T(2), { type: 'NeedsAnalysed', data: { intendedModels: ['Model X'] } }],
      [T(3), { type: 'VehiclePresented', data: { model: 'Model X' } }],
      [T(4), { type: 'TestDriveCompleted', data: { testDriveId: 'td', model: 'Model X' } }],
      [T(5), quote('q1', 300_000)],
      [T(6), quote('q2', 400_000, '2026-04-30')],
    ]);
    expect(view).toMatchObject({
      stage: 'quote', probability: 90, expectedValue: 360_000, expectedCloseDate: '2026-04-30', intendedModel: 'Model X',
      firstResponseAt: T(2), lastInteractionAt: T(6),
    });
    expect(view?.stageEnteredAt).toEqual({
      initial_contact: T(1), needs_analysed: T(2), vehicle_presented: T(3), test_drive: T(4), quote: T(5),
    });
  });

  it('never moves a stage back', () => {
    const view = project(funnel, 'l1', [
      [T(1), registration('l1')],
      [T(2), quote('q1', 100_000)],
      [T(3), { type: 'NeedsAnalysed', data: { intendedModels: ['Model S'] } }],
    ]);
    expect(view).toMatchObject({ stage: 'quote', probability: 90 });
  });

  it('treats a signed order (won) as 90 % until delivery, and 100 % once delivered', () => {
    const won = project(funnel, 'l1', [
      [T(1), registration('l1')], [T(2), quote('q1', 200_000)], [T(3), { type: 'DealWon', data: {} }],
      [T(4), { type: 'NeedsAnalysed', data: { intendedModels: [] } }],
    ]);
    expect(won).toMatchObject({ status: 'won', stage: 'quote', probability: 90, expectedValue: 180_000, wonAt: T(3) });
    const delivered = project(funnel, 'l1', [
      [T(1), registration('l1')], [T(2), quote('q1', 200_000)], [T(3), { type: 'DealWon', data: {} }],
      [T(5), { type: 'VehicleDelivered', data: {} }],
    ]);
    expect(delivered).toMatchObject({ stage: 'delivered', probability: 100, expectedValue: 200_000, stageEnteredAt: expect.objectContaining({ delivered: T(5) }) });
  });

  it('drops a lost lead to 0 % and restores its stage on reopening', () => {
    const events: Array<[string, Parameters<typeof project>[2][number][1]]> = [
      [T(1), registration('l1')], [T(2), { type: 'VehiclePresented', data: { model: 'S' } }],
      [T(3), { type: 'DealLost', data: { reason: 'price', competitor: 'BrandB' } }],
      [T(4), quote('q-ignored', 100_000)],
    ];
    expect(project(funnel, 'l1', events)).toMatchObject({
      status: 'lost', probability: 0, lostReason: 'price', competitor: 'BrandB', stage: 'vehicle_presented', quote: null,
    });
    const reopened = project(funnel, 'l1', [...events, [T(5), { type: 'LeadReopened', data: {} }]]);
    expect(reopened).toMatchObject({ status: 'open', probability: 35, lostReason: null, stage: 'vehicle_presented' });
  });

  it('tracks the consultant, and ignores events of an unknown lead', () => {
    const view = project(funnel, 'l1', [
      [T(1), registration('l1')],
      [T(2), { type: 'ConsultantAssigned', data: { consultantId: 'c7', reason: 'walk_in' } }],
    ]);
    expect(view?.consultantId).toBe('c7');
    expect(project(funnel, 'l2', [[T(1), quote('q', 1)]])).toBeUndefined();
  });

  it('counts a test drive completed before the win but recorded after it (facts fold in the order they happened)', () => {
    const won = project(funnel, 'l1', [
      [T(1), registration('l1')],
      [T(2), { type: 'VehiclePresented', data: { model: 'Model S' } }],
      [T(5), { type: 'DealWon', data: {} }],
      [T(4), { type: 'TestDriveCompleted', data: { testDriveId: 'td', model: 'Model S' } }],
    ]);
    expect(won).toMatchObject({ status: 'won', stage: 'test_drive', wonAt: T(5) });
    expect(won?.stageEnteredAt).toMatchObject({ vehicle_presented: T(2), test_drive: T(4) });
  });

  it('gives the same row whatever order the facts were recorded in', () => {
    const facts: Array<[string, Parameters<typeof project>[2][number][1]]> = [
      [T(2), { type: 'NeedsAnalysed', data: { intendedModels: ['Model X'] } }],
      [T(3), quote('q1', 300_000)],
      [T(4), { type: 'DealLost', data: { reason: 'price' } }],
      [T(5), { type: 'LeadReopened', data: {} }],
      [T(6), quote('q2', 200_000)],
    ];
    const { history: _h1, ...inOrder } = project(funnel, 'l1', [[T(1), registration('l1')], ...facts]) ?? {};
    const { history: _h2, ...reversed } = project(funnel, 'l1', [[T(1), registration('l1')], ...[...facts].reverse()]) ?? {};
    expect(reversed).toEqual(inOrder);
    expect(inOrder).toMatchObject({ status: 'open', stage: 'quote', quote: { quoteId: 'q2' } });
  });

  it('shows the won quote when the deal was won on an earlier one: model, quantity and amount all from it', () => {
    const view = project(funnel, 'l1', [
      [T(1), registration('l1')],
      [T(2), { type: 'QuoteGiven', data: {
        quoteId: 'q1', model: 'EQE', quantity: 2, unitPrice: { amount: 400_000, currency: 'CNY' },
        totalPrice: { amount: 800_000, currency: 'CNY' }, expectedCloseDate: '2026-04-30',
      } }],
      [T(3), quote('q2', 300_000, '2026-05-31')],
      [T(4), { type: 'DealWon', data: { quoteId: 'q1', model: 'EQE', quantity: 2, totalPrice: { amount: 800_000, currency: 'CNY' } } }],
    ]);
    expect(view?.quote).toEqual({ quoteId: 'q1', model: 'EQE', quantity: 2, amount: 800_000, currency: 'CNY', expectedCloseDate: '2026-04-30' });
    expect(view).toMatchObject({ status: 'won', expectedCloseDate: '2026-04-30' });
  });

  it('starts the next purchase of a delivered customer as a new cycle, keeping the finished one', () => {
    const view = project(funnel, 'l1', [
      [T(1), registration('l1')], [T(2), quote('q1', 200_000)], [T(3), { type: 'DealWon', data: { quoteId: 'q1' } }],
      [T(4), { type: 'VehicleDelivered', data: {} }],
      [T(20), { type: 'PurchaseCycleStarted', data: { cycle: 2, reason: 'quote' } }], [T(20), quote('q2', 468_000)],
    ]);
    expect(view).toMatchObject({
      cycle: 2, cycleStartedAt: T(20), purchases: 1, stage: 'quote', status: 'open', quote: { quoteId: 'q2' },
      stageEnteredAt: { initial_contact: T(20), quote: T(20) }, wonAt: null, registeredAt: T(1),
    });
    expect(view?.previousCycles).toEqual([expect.objectContaining({
      cycle: 1, cycleStartedAt: T(1), stage: 'delivered', status: 'won', wonAt: T(3), quote: expect.objectContaining({ quoteId: 'q1' }),
    })]);
  });
});
