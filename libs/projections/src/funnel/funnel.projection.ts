import { assertNever } from '@crm/kernel';
import { CUSTOMER_INTERACTIONS, LeadEvent, LeadRegistered } from '@crm/lead';
import { decodeLeadEvent, firstResponse, lastInteraction, LeadEnvelope, Projection, periodOf } from '../projection';
import { DEFAULT_FUNNEL_POLICY, FunnelPolicy, FunnelStage, stageRank } from './funnel.policy';
import { FunnelLeadView } from './funnel-lead.view';

export const FUNNEL_PROJECTION = 'funnel';

/** Events that can change a funnel document; the others leave it as it is (and unwritten). */
const RELEVANT: ReadonlySet<LeadEvent['type']> = new Set<LeadEvent['type']>([
  ...CUSTOMER_INTERACTIONS, 'TestDriveCompleted', 'VehicleDelivered', 'ConsultantAssigned', 'LeadReturnedToNurturing',
  'DealWon', 'DealLost', 'LeadReopened', 'ContactDetailsChanged',
]);

/**
 * The sales funnel per lead. Stages only move forward; won and lost are terminal until a reopening, which
 * returns the lead to the stage it had reached (its history of stage entries is kept).
 */
export class FunnelProjection implements Projection<FunnelLeadView, LeadEnvelope> {
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
    const { event } = envelope;
    if (event.type === 'LeadRegistered') return current ?? this.registered(event, envelope);
    if (!current || !RELEVANT.has(event.type)) return current;
    // One fresh copy per event, changed in place below: the caller's document is never touched.
    const next: FunnelLeadView = { ...current };
    next.firstResponseAt = firstResponse(current.firstResponseAt, current.registeredAt, envelope);
    next.lastInteractionAt = lastInteraction(current.lastInteractionAt, envelope);
    this.advance(next, envelope);
    this.applyFacts(next, envelope);
    this.price(next);
    return next;
  }

  private registered(event: LeadRegistered, envelope: LeadEnvelope): FunnelLeadView {
    const { data } = event;
    const view: FunnelLeadView = {
      leadId: data.leadId, dealerId: data.dealerId, channel: data.channel, campaign: data.campaign ?? null,
      name: data.contact.name, intendedModel: data.profile.intendedModels[0] ?? null, consultantId: null,
      registeredAt: envelope.occurredAt, period: periodOf(envelope.occurredAt),
      stage: 'initial_contact', status: 'open', probability: 0, quote: null, expectedValue: 0, expectedCloseDate: null,
      stageEnteredAt: { initial_contact: envelope.occurredAt },
      firstResponseAt: null, lastInteractionAt: envelope.occurredAt, wonAt: null, lostAt: null, lostReason: null, competitor: null,
    };
    this.price(view);
    return view;
  }

  private advance(view: FunnelLeadView, envelope: LeadEnvelope): void {
    const target: FunnelStage | undefined = this.policy.stageByEvent[envelope.event.type];
    if (!target || stageRank(target) <= stageRank(view.stage)) return;
    const mayMove = view.status === 'open' || (view.status === 'won' && target === 'delivered');
    if (!mayMove) return;
    view.stage = target;
    view.stageEnteredAt = { ...view.stageEnteredAt, [target]: envelope.occurredAt };
  }

  private applyFacts(view: FunnelLeadView, envelope: LeadEnvelope): void {
    const { event, occurredAt } = envelope;
    switch (event.type) {
      case 'NeedsAnalysed':
        view.intendedModel = event.data.intendedModels[0] ?? view.intendedModel;
        return;
      case 'QuoteGiven': {
        if (view.status !== 'open') return;
        const { data } = event;
        view.quote = {
          quoteId: data.quoteId, model: data.model, quantity: data.quantity, amount: data.totalPrice.amount,
          currency: data.totalPrice.currency, expectedCloseDate: data.expectedCloseDate ?? data.validUntil ?? null,
        };
        return;
      }
      case 'ConsultantAssigned':
        view.consultantId = event.data.consultantId;
        return;
      case 'LeadReturnedToNurturing':
        view.consultantId = null;
        return;
      case 'DealWon': {
        if (view.status !== 'open') return;
        const price = event.data.totalPrice;
        if (price && view.quote) view.quote = { ...view.quote, amount: price.amount, currency: price.currency };
        view.status = 'won';
        view.wonAt = occurredAt;
        return;
      }
      case 'DealLost':
        if (view.status !== 'open') return;
        Object.assign(view, { status: 'lost', lostAt: occurredAt, lostReason: event.data.reason, competitor: event.data.competitor ?? null });
        return;
      case 'LeadReopened':
        if (view.status !== 'lost') return;
        Object.assign(view, { status: 'open', lostAt: null, lostReason: null, competitor: null });
        return;
      case 'ContactDetailsChanged':
        if (event.data.name !== undefined) view.name = event.data.name;
        return;
      case 'LeadRegistered': case 'ShowroomVisited': case 'CallLogged': case 'TestDriveScheduled':
      case 'TestDriveCompleted': case 'TestDriveMissed': case 'InvitationSent': case 'InvitationAnswered':
      case 'InvitationAttended': case 'VehiclePresented': case 'PurchaseIntentAssessed': case 'VehicleDelivered':
      case 'LossRequested': case 'LossApproved': case 'LossRejected': case 'MarketingConsentChanged':
      case 'ComplaintFiled': case 'ComplaintResolved':
        return;
      default:
        assertNever(event);
    }
  }

  private price(view: FunnelLeadView): void {
    view.probability = view.status === 'lost' ? 0
      : view.status === 'won' ? Math.max(this.policy.wonProbability, this.policy.probabilityByStage[view.stage])
        : this.policy.probabilityByStage[view.stage];
    view.expectedValue = view.quote ? Math.round(view.quote.amount * view.probability) / 100 : 0;
    view.expectedCloseDate = view.quote?.expectedCloseDate ?? null;
  }
}
