import { CUSTOMER_INTERACTIONS, IntentTier, LeadEvent, LeadRegistered } from '@crm/lead';
import { decodeLeadEvent, lastInteraction, LeadEnvelope, Projection, periodOf } from '../projection';
import { DEFAULT_TIER_POLICY, TierPolicy } from './tier.policy';
import { TierLeadView } from './tier-lead.view';

export const TIER_PROJECTION = 'tiers';

/** Events that can change a tier document; the others leave it as it is (and unwritten). */
const RELEVANT: ReadonlySet<LeadEvent['type']> = new Set<LeadEvent['type']>([
  ...CUSTOMER_INTERACTIONS, 'PurchaseIntentAssessed', 'DealWon', 'VehicleDelivered', 'DealLost', 'LeadReopened',
]);

/**
 * Intent tier from the latest assessment (the registration's intended purchase time counts as the first one),
 * temperature, value tier and lifecycle category from the policy tables, and the lead's tier migrations.
 */
export class TierProjection implements Projection<TierLeadView, LeadEnvelope> {
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
    const { event, occurredAt } = envelope;
    if (event.type === 'LeadRegistered') return current ?? this.classify(this.registered(event, occurredAt));
    if (!current || !RELEVANT.has(event.type)) return current;
    // One fresh copy per event, changed in place below: the caller's document is never touched.
    const next: TierLeadView = { ...current };
    next.lastInteractionAt = lastInteraction(current.lastInteractionAt, envelope);
    switch (event.type) {
      case 'PurchaseIntentAssessed':
        this.assess(next, event.data.tier, occurredAt);
        break;
      case 'NeedsAnalysed':
        if (event.data.budget?.max !== undefined) next.budgetMax = event.data.budget.max;
        break;
      case 'QuoteGiven':
        next.latestQuoteAmount = event.data.totalPrice.amount;
        break;
      case 'DealWon':
        // A second win counts only after the first deal was delivered: a repeat purchase, not a duplicate.
        if (next.status !== 'won' || next.deliveries >= next.wins) {
          next.status = 'won';
          next.wins += 1;
        }
        break;
      case 'VehicleDelivered':
        next.deliveries += 1;
        break;
      case 'DealLost':
        if (next.status === 'open') next.status = 'lost';
        break;
      case 'LeadReopened':
        if (next.status === 'lost') next.status = 'open';
        break;
      default:
        break;
    }
    return this.classify(next);
  }

  private registered(event: LeadRegistered, occurredAt: string): TierLeadView {
    const { data } = event;
    const timeframe = data.profile.intendedPurchase;
    const tier = timeframe ? this.policy.tierByTimeframe[timeframe] : null;
    return {
      leadId: data.leadId, dealerId: data.dealerId, channel: data.channel,
      registeredAt: occurredAt, period: periodOf(occurredAt),
      tier, firstTier: tier, temperature: tier ? this.policy.temperatureByTier[tier] : null, assessedAt: tier ? occurredAt : null,
      budgetMax: data.profile.budget?.max ?? null, latestQuoteAmount: null,
      status: 'open', wins: 0, deliveries: 0, valueTier: 'low', lifecycle: 'potential', lastInteractionAt: occurredAt, migrations: [],
    };
  }

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
      : view.wins >= this.policy.loyalWins ? 'loyal'
        : view.wins >= 1 ? 'customer'
          : tier !== null && this.policy.intendingTiers.includes(tier) ? 'intending'
            : 'potential';
    return view;
  }
}
