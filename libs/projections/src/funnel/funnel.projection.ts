import { assertNever } from '@crm/kernel';
import { CUSTOMER_INTERACTIONS, LeadEventType, LeadRegistered } from '@crm/lead';
import { evolveInOccurrenceOrder, findBefore, HistoryEntry, OccurrenceFold } from '../history/occurrence-history';
import { decodeLeadEvent, firstResponse, lastInteraction, LeadEnvelope, Projection, periodOf } from '../projection';
import { FunnelFact, funnelFactOf } from './funnel-fact';
import { DEFAULT_FUNNEL_POLICY, FunnelPolicy, FunnelStage, stageRank } from './funnel.policy';
import { FunnelCycleView, FunnelLeadView, FunnelQuote } from './funnel-lead.view';

export const FUNNEL_PROJECTION = 'funnel';

/** Events whose effect on the row depends on their order: kept as facts in the row's history. */
const ORDERED: ReadonlySet<LeadEventType> = new Set<LeadEventType>([
  'NeedsAnalysed', 'VehiclePresented', 'TestDriveCompleted', 'QuoteGiven', 'VehicleDelivered',
  'DealWon', 'DealLost', 'LeadReopened', 'ConsultantAssigned', 'LeadReturnedToNurturing', 'ContactDetailsChanged',
  'PurchaseCycleStarted',
]);

type Entry = HistoryEntry<FunnelFact>;
type Identity = Pick<FunnelLeadView, 'leadId' | 'dealerId' | 'channel' | 'campaign' | 'registeredAt' | 'origin'>;

/**
 * The sales funnel per lead, folded in the order facts happened whatever order they were recorded in. Stages
 * only move forward; won and lost are terminal until a reopening, which returns the lead to the stage it had
 * reached (its history of stage entries is kept). A purchase after a delivery starts a new cycle at initial
 * contact; the finished one is kept in `previousCycles`, so the funnel counts each purchase.
 */
export class FunnelProjection implements Projection<FunnelLeadView, LeadEnvelope>, OccurrenceFold<FunnelLeadView, FunnelFact> {
  readonly name = FUNNEL_PROJECTION;
  readonly collection = 'leads';
  readonly decode = decodeLeadEvent;

  constructor(private readonly policy: FunnelPolicy = DEFAULT_FUNNEL_POLICY) {}

  documentId(envelope: LeadEnvelope): string {
    return envelope.leadId;
  }

  partitionOf(doc: FunnelLeadView): string {
    return doc.dealerId;
  }

  evolve(current: FunnelLeadView | undefined, envelope: LeadEnvelope): FunnelLeadView | undefined {
    const { type } = envelope.event;
    if (current && type !== 'LeadRegistered' && !ORDERED.has(type) && !CUSTOMER_INTERACTIONS.has(type)) return current;
    return evolveInOccurrenceOrder(this, current, envelope);
  }

  factOf(envelope: LeadEnvelope): FunnelFact | undefined {
    return ORDERED.has(envelope.event.type) ? funnelFactOf(envelope.event) : undefined;
  }

  start({ data }: LeadRegistered, envelope: LeadEnvelope): FunnelLeadView {
    return this.initial({
      leadId: data.leadId, dealerId: data.dealerId, channel: data.channel, campaign: data.campaign ?? null,
      registeredAt: envelope.occurredAt, origin: { name: data.contact.name, intendedModel: data.profile.intendedModels[0] ?? null },
    });
  }

  restart({ leadId, dealerId, channel, campaign, registeredAt, origin }: FunnelLeadView): FunnelLeadView {
    return this.initial({ leadId, dealerId, channel, campaign, registeredAt, origin });
  }

  private initial(lead: Identity): FunnelLeadView {
    const at = lead.registeredAt;
    const view: FunnelLeadView = {
      ...lead, name: lead.origin.name, intendedModel: lead.origin.intendedModel, consultantId: null,
      period: periodOf(at), cycle: 1, cycleStartedAt: at, purchases: 0, previousCycles: [],
      stage: 'initial_contact', status: 'open', probability: 0, quote: null, expectedValue: 0, expectedCloseDate: null,
      stageEnteredAt: { initial_contact: at },
      firstResponseAt: null, lastInteractionAt: at, wonAt: null, lostAt: null, lostReason: null, competitor: null,
      history: [],
    };
    this.price(view);
    return view;
  }

  observe(view: FunnelLeadView, envelope: LeadEnvelope): void {
    view.firstResponseAt = firstResponse(view.firstResponseAt, view.registeredAt, envelope);
    view.lastInteractionAt = lastInteraction(view.lastInteractionAt, envelope);
  }

  carry(from: FunnelLeadView, into: FunnelLeadView): void {
    into.firstResponseAt = from.firstResponseAt;
    into.lastInteractionAt = from.lastInteractionAt;
  }

  step(view: FunnelLeadView, entry: Entry): void {
    const before = view.stage;
    this.advance(view, entry);
    if (view.stage === 'delivered' && before !== 'delivered') view.purchases += 1;
    this.applyFact(view, entry);
    this.price(view);
  }

  private advance(view: FunnelLeadView, entry: Entry): void {
    const target: FunnelStage | undefined = this.policy.stageByEvent[entry.fact.type];
    if (!target || stageRank(target) <= stageRank(view.stage)) return;
    const mayMove = view.status === 'open' || (view.status === 'won' && target === 'delivered');
    if (!mayMove) return;
    view.stage = target;
    view.stageEnteredAt = { ...view.stageEnteredAt, [target]: entry.occurredAt };
  }

  private applyFact(view: FunnelLeadView, entry: Entry): void {
    const { fact, occurredAt } = entry;
    switch (fact.type) {
      case 'NeedsAnalysed':
        view.intendedModel = fact.model ?? view.intendedModel;
        return;
      case 'QuoteGiven':
        if (view.status === 'open') view.quote = fact.quote;
        return;
      case 'ConsultantAssigned':
        view.consultantId = fact.consultantId;
        return;
      case 'LeadReturnedToNurturing':
        view.consultantId = null;
        return;
      case 'DealWon':
        if (view.status !== 'open') return;
        view.quote = wonQuote(view, fact, entry);
        view.status = 'won';
        view.wonAt = occurredAt;
        return;
      case 'DealLost':
        if (view.status !== 'open') return;
        Object.assign(view, { status: 'lost', lostAt: occurredAt, lostReason: fact.reason, competitor: fact.competitor });
        return;
      case 'LeadReopened':
        if (view.status !== 'lost') return;
        Object.assign(view, { status: 'open', lostAt: null, lostReason: null, competitor: null });
        return;
      case 'ContactDetailsChanged':
        view.name = fact.name;
        return;
      case 'PurchaseCycleStarted':
        this.nextCycle(view, fact.cycle, occurredAt);
        return;
      case 'VehiclePresented': case 'TestDriveCompleted': case 'VehicleDelivered':
        return;
      default:
        assertNever(fact);
    }
  }

  /** The finished cycle goes to `previousCycles`; the row starts the next one at initial contact. */
  private nextCycle(view: FunnelLeadView, cycle: number, at: string): void {
    const finished: FunnelCycleView = {
      cycle: view.cycle, cycleStartedAt: view.cycleStartedAt, consultantId: view.consultantId, stage: view.stage, status: view.status,
      probability: view.probability, quote: view.quote, expectedValue: view.expectedValue, expectedCloseDate: view.expectedCloseDate,
      stageEnteredAt: view.stageEnteredAt, wonAt: view.wonAt, lostAt: view.lostAt, lostReason: view.lostReason, competitor: view.competitor,
    };
    Object.assign(view, {
      previousCycles: [...view.previousCycles, finished], cycle, cycleStartedAt: at, stage: 'initial_contact', status: 'open',
      quote: null, stageEnteredAt: { initial_contact: at }, wonAt: null, lostAt: null, lostReason: null, competitor: null,
    });
  }

  private price(view: FunnelLeadView): void {
    view.probability = view.status === 'lost' ? 0
      : view.status === 'won' ? Math.max(this.policy.wonProbability, this.policy.probabilityByStage[view.stage])
        : this.policy.probabilityByStage[view.stage];
    view.expectedValue = view.quote ? Math.round(view.quote.amount * view.probability) / 100 : 0;
    view.expectedCloseDate = view.quote?.expectedCloseDate ?? null;
  }
}

/**
 * What was sold: the quote the deal names, with the deal's model, quantity and price (never the latest quote's
 * when an earlier one was won); a deal naming no quote keeps the latest quote, at the deal's price if it has one.
 */
function wonQuote(view: FunnelLeadView, won: Extract<FunnelFact, { type: 'DealWon' }>, entry: Entry): FunnelQuote | null {
  const { quoteId, model, quantity, totalPrice } = won;
  const named = quoteId === undefined ? undefined
    : findBefore(view.history, entry, (fact): fact is Extract<FunnelFact, { type: 'QuoteGiven' }> => fact.type === 'QuoteGiven' && fact.quote.quoteId === quoteId);
  const base = named ? named.quote : quoteId === undefined || quoteId === view.quote?.quoteId ? view.quote : null;
  if (!base) {
    if (quoteId === undefined || model === undefined || quantity === undefined || !totalPrice) return view.quote;
    return { quoteId, model, quantity, amount: totalPrice.amount, currency: totalPrice.currency, expectedCloseDate: null };
  }
  return {
    ...base,
    model: model ?? base.model,
    quantity: quantity ?? base.quantity,
    amount: totalPrice?.amount ?? base.amount,
    currency: totalPrice?.currency ?? base.currency,
  };
}
