import { LeadEvent } from '../events/lead-events';
import { LeadErrorCode } from '../lead.errors';
import { at, fold, given } from '../testing/decider-specification';
import { command, dealWon, quoteGiven, registeredLeadWith, vehicleDelivered } from '../testing/lead-fixtures';
import { decide } from './lead.decider';

const quote = { quoteId: 'q-2', model: 'EQE', quantity: 1, unitPrice: { amount: 468_000, currency: 'CNY' } };
const cycleStarted = (cycle: number, reason: 'quote' | 'order' | 'purchase_intent'): LeadEvent => ({ type: 'PurchaseCycleStarted', data: { cycle, reason } });
const delivered = (): ReturnType<typeof registeredLeadWith> => registeredLeadWith(quoteGiven('q-1'), dealWon(), vehicleDelivered());

describe('Lead decider: a delivered customer buys again (a new purchase cycle on the same lead)', () => {
  it('opens the next purchase cycle with the first quote after delivery', () => {
    given(delivered())
      .when(command('GiveQuote', quote))
      .then([
        cycleStarted(2, 'quote'),
        { type: 'QuoteGiven', data: { ...quote, totalPrice: { amount: 468_000, currency: 'CNY' } } },
      ]);
  });

  it('opens it with a new purchase intent, or straight with an order', () => {
    given(delivered())
      .when(command('AssessPurchaseIntent', { timeframe: 'in_7_12_months' }))
      .then([cycleStarted(2, 'purchase_intent'), { type: 'PurchaseIntentAssessed', data: { timeframe: 'in_7_12_months', tier: 'T4' } }]);
    given(delivered())
      .when(command('WinDeal', { orderRef: 'SO-2' }))
      .then([cycleStarted(2, 'order'), { type: 'DealWon', data: { orderRef: 'SO-2' } }]);
  });

  it('wins the second purchase on its own quote, never on a quote of the first', () => {
    const second = registeredLeadWith(quoteGiven('q-1'), dealWon(), vehicleDelivered(), cycleStarted(2, 'quote'), quoteGiven('q-2', 468_000));
    given(second)
      .when(command('WinDeal', {}))
      .then([{ type: 'DealWon', data: { quoteId: 'q-2', model: 'Model S', quantity: 1, totalPrice: { amount: 468_000, currency: 'CNY' } } }]);
    given(second)
      .when(command('WinDeal', { quoteId: 'q-1' }))
      .thenThrows(LeadErrorCode.QuoteFromEarlierPurchase, 'quoteId');
  });

  it('counts the purchases and keeps the earlier deals', () => {
    const state = fold(registeredLeadWith(
      quoteGiven('q-1'), dealWon(), vehicleDelivered(), cycleStarted(2, 'quote'), quoteGiven('q-2', 468_000),
      { type: 'DealWon', data: { quoteId: 'q-2' } }, vehicleDelivered(),
    ));
    expect(state).toMatchObject({ status: 'delivered', cycle: 2, purchases: 2, deal: { quoteId: 'q-2' } });
    expect(state.pastDeals).toEqual([expect.objectContaining({ quoteId: 'q-1', vin: 'LVSHFFAL0KF000001' })]);
  });

  it('still refuses a second order before the first car is delivered', () => {
    given(registeredLeadWith(quoteGiven('q-1'), dealWon())).when(command('GiveQuote', quote)).thenThrows(LeadErrorCode.DealAlreadyWon);
  });

  it('does not open a cycle for after-sale care', () => {
    given(delivered())
      .when(command('LogCall', { direction: 'outbound', outcome: 'connected', note: 'day-7 follow-up' }))
      .then([{ type: 'CallLogged', data: { direction: 'outbound', outcome: 'connected', note: 'day-7 follow-up' } }]);
  });

  it('refuses a next purchase dated before the delivery it follows', () => {
    const state = fold(registeredLeadWith(at('2026-01-05T08:10:00.000Z', dealWon()), at('2026-01-05T08:40:00.000Z', vehicleDelivered())));
    expect(() => decide(command('GiveQuote', quote, { occurredAt: '2026-01-05T08:30:00.000Z' }), state))
      .toThrow(expect.objectContaining({ code: LeadErrorCode.DealAlreadyWon, field: 'occurredAt' }));
  });
});
