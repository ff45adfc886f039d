import { LeadEvent, LostReason, Money } from '@crm/lead';
import { FunnelQuote } from './funnel-lead.view';

/**
 * What the funnel keeps of an order-dependent event in a row's history: only the fields it reads (no notes, no
 * contact details but the name), so documents stay small and a late entry can still re-derive the row.
 */
export type FunnelFact =
  | { type: 'NeedsAnalysed'; model: string | null }
  | { type: 'VehiclePresented' | 'TestDriveCompleted' | 'VehicleDelivered' | 'LeadReopened' | 'LeadReturnedToNurturing' }
  | { type: 'QuoteGiven'; quote: FunnelQuote }
  | { type: 'DealWon'; quoteId?: string; model?: string; quantity?: number; totalPrice?: Money }
  | { type: 'DealLost'; reason: LostReason; competitor: string | null }
  | { type: 'ConsultantAssigned'; consultantId: string }
  | { type: 'ContactDetailsChanged'; name: string }
  | { type: 'PurchaseCycleStarted'; cycle: number };

export function funnelFactOf(event: LeadEvent): FunnelFact | undefined {
  switch (event.type) {
    case 'NeedsAnalysed': return { type: event.type, model: event.data.intendedModels[0] ?? null };
    case 'VehiclePresented': case 'TestDriveCompleted': case 'VehicleDelivered': case 'LeadReopened': case 'LeadReturnedToNurturing':
      return { type: event.type };
    case 'QuoteGiven': {
      const { data } = event;
      const quote: FunnelQuote = {
        quoteId: data.quoteId, model: data.model, quantity: data.quantity, amount: data.totalPrice.amount,
        currency: data.totalPrice.currency, expectedCloseDate: data.expectedCloseDate ?? data.validUntil ?? null,
      };
      return { type: event.type, quote };
    }
    case 'DealWon': {
      const { quoteId, model, quantity, totalPrice } = event.data;
      return { type: event.type, ...(quoteId !== undefined ? { quoteId } : {}), ...(model !== undefined ? { model } : {}),
        ...(quantity !== undefined ? { quantity } : {}), ...(totalPrice ? { totalPrice } : {}) };
    }
    case 'DealLost': return { type: event.type, reason: event.data.reason, competitor: event.data.competitor ?? null };
    case 'ConsultantAssigned': return { type: event.type, consultantId: event.data.consultantId };
    case 'ContactDetailsChanged': return event.data.name === undefined ? undefined : { type: event.type, name: event.data.name };
    case 'PurchaseCycleStarted': return { type: event.type, cycle: event.data.cycle };
    default: return undefined;
  }
}
