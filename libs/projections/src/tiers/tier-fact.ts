import { IntentTier, LeadEvent } from '@crm/lead';

/** What the tier projection keeps of an order-dependent event in a row's history: only the fields it reads. */
export type TierFact =
  | { type: 'PurchaseIntentAssessed'; tier: IntentTier }
  | { type: 'NeedsAnalysed'; budgetMax: number }
  | { type: 'QuoteGiven'; amount: number }
  | { type: 'DealWon' | 'VehicleDelivered' | 'DealLost' | 'LeadReopened' }
  | { type: 'PurchaseCycleStarted'; cycle: number };

export function tierFactOf(event: LeadEvent): TierFact | undefined {
  switch (event.type) {
    case 'PurchaseIntentAssessed': return { type: event.type, tier: event.data.tier };
    case 'NeedsAnalysed': return event.data.budget?.max === undefined ? undefined : { type: event.type, budgetMax: event.data.budget.max };
    case 'QuoteGiven': return { type: event.type, amount: event.data.totalPrice.amount };
    case 'DealWon': case 'VehicleDelivered': case 'DealLost': case 'LeadReopened': return { type: event.type };
    case 'PurchaseCycleStarted': return { type: event.type, cycle: event.data.cycle };
    default: return undefined;
  }
}
