import { assertNever } from '@crm/kernel';
import { CUSTOMER_INTERACTIONS, IntentTier, LeadEventType, LeadRegistered } from '@crm/lead';
import { evolveInOccurrenceOrder, HistoryEntry, OccurrenceFold } from '../history/occurrence-history';
import { TierFact, tierFactOf } from './tier-fact';
import { decodeLeadEvent, lastInteraction, LeadEnvelope, Projection, periodOf } from '../projection';
import { DEFAULT_TIER_POLICY, TierPolicy } from './tier.policy';
import { TierLeadView } from './tier-lead.view';

export const TIER_PROJECTION = 'tiers';

/** Events whose effect on the row depends on their order: kept as facts in the row's history. */
const ORDERED: ReadonlySet<LeadEventType> = new Set<LeadEventType>([
  'PurchaseIntentAssessed', 'NeedsAnalysed', 'QuoteGiven', 'DealWon', 'VehicleDelivered', 'DealLost', 'LeadReopened',
  'PurchaseCycleStarted',
]);

/**
 * Intent tier from the latest assessment in time (the registration's intended purchase time counts as the first
 * one), temperature, value tier and lifecycle category from the policy tables, and the lead's tier migrations.
 */
export class TierProjection implements Projection<TierLeadView, LeadEnvelope>, OccurrenceFold<TierLeadView, TierFact> {
  readonly name = TIER_PROJECTION;
  readonly collection = 'leads';
  readonly decode = decodeLeadEvent;

  constructor(private readonly policy: TierPolicy = DEFAULT_TIER_POLICY) {}

  documentId(envelope: LeadEnvelope): string {
    return envelope.leadId;
  }

  partitionOf(doc: TierLeadView): string {
    return doc.dealerId;
  }

  evolve(current: TierLeadView | undefined, envelope: LeadEnvelope): TierLeadView | undefined {
    if (current && envelope.event.type !== 'LeadRegistered' && !ORDERED.has(envelope.event.type) && !CUSTOMER_INTERACTIONS.has(envelope.event.type)) {
      return current;
    }
    return evolveInOccurrenceOrder(this, current, envelope);
  }

  factOf(envelope: LeadEnvelope): TierFact | undefined {
    return ORDERED.has(envelope.event.type) ? tierFactOf(envelope.event) : undefined;
  }

  start({ data }: LeadRegistered, envelope: LeadEnvelope): TierLeadView {
    const timeframe = data.profile.intendedPurchase;
    const origin = { tier: timeframe ? this.policy.tierByTimeframe[timeframe] : null, budgetMax: data.profile.budget?.max ?? null };
    return this.initial({ leadId: data.leadId, dealerId: data.dealerId, channel: data.channel, registeredAt: envelope.occurredAt, origin });
  }

  restart({ leadId, dealerId, channel, registeredAt, origin }: TierLeadView): TierLeadView {
    return this.initial({ leadId, dealerId, channel, registeredAt, origin });
  }

  private initial(lead: Pick<TierLeadView, 'leadId' | 'dealerId' | 'channel' | 'registeredAt' | 'origin'>): TierLeadView {
    const at = lead.registeredAt;
    const { tier, budgetMax } = lead.origin;
    return this.classify({
      ...lead, period: periodOf(at),
      tier, firstTier: tier, temperature: tier ? this.policy.temperatureByTier[tier] : null, assessedAt: tier ? at : null,
      budgetMax, latestQuoteAmount: null,
      status: 'open', cycle: 1, wins: 0, deliveries: 0, valueTier: 'low', lifecycle: 'potential', lastInteractionAt: at, migrations: [],
      history: [],
    });
  }

  observe(view: TierLeadView, envelope: LeadEnvelope): void {
    view.lastInteractionAt = lastInteraction(view.lastInteractionAt, envelope);
  }

  carry(from: TierLeadView, into: TierLeadView): void {
    into.lastInteractionAt = from.lastInteractionAt;
  }

  step(view: TierLeadView, { fact, occurredAt }: HistoryEntry<TierFact>): void {
    switch (fact.type) {
      case 'PurchaseIntentAssessed':
        this.assess(view, fact.tier, occurredAt);
        break;
      case 'NeedsAnalysed':
        view.budgetMax = fact.budgetMax;
        break;
      case 'QuoteGiven':
        view.latestQuoteAmount = fact.amount;
        break;
      case 'DealWon':
        // One order per cycle: a repeat purchase comes with a new cycle (PurchaseCycleStarted), not a second win.
        if (view.status === 'open') {
          view.status = 'won';
          view.wins += 1;
        }
        break;
      case 'VehicleDelivered':
        if (view.status === 'won' && view.deliveries < view.wins) view.deliveries += 1;
        break;
      case 'PurchaseCycleStarted':
        view.cycle = fact.cycle;
        view.status = 'open';
        break;
      case 'DealLost':
        if (view.status === 'open') view.status = 'lost';
        break;
      case 'LeadReopened':
        if (view.status === 'lost') view.status = 'open';
        break;
      default:
        assertNever(fact);
    }
    this.classify(view);
  }

  /** A move goes from the tier the lead was in when the assessment happened, dated when it happened. */
  private assess(view: TierLeadView, tier: IntentTier, at: string): void {
    if (view.tier !== null && view.tier !== tier) view.migrations = [...view.migrations, { from: view.tier, to: tier, at }];
    view.tier = tier;
    view.firstTier = view.firstTier ?? tier;
    view.temperature = this.policy.temperatureByTier[tier];
    view.assessedAt = at;
  }

  /** Sets value tier and lifecycle on a document this projection has just built or copied. */
  private classify(view: TierLeadView): TierLeadView {
    const { value } = this.policy;
    const amount = Math.max(view.budgetMax ?? 0, view.latestQuoteAmount ?? 0);
    const tier = view.tier;
    view.valueTier = amount >= value.highAmount || view.wins >= value.highWins
      || (tier !== null && view.latestQuoteAmount !== null && value.highTiersWithQuote.includes(tier)) ? 'high'
      : amount >= value.mediumAmount || view.wins >= 1 || (tier !== null && value.mediumTiers.includes(tier)) ? 'medium'
        : 'low';
    view.lifecycle = view.status === 'lost' ? 'lost'
      : view.deliveries >= this.policy.loyalPurchases ? 'loyal'
        : view.wins >= 1 ? 'customer'
          : tier !== null && this.policy.intendingTiers.includes(tier) ? 'intending'
            : 'potential';
    return view;
  }
}
