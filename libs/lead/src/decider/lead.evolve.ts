import { assertNever } from '@crm/kernel';
import { LeadEvent, LeadEventType, LeadRegistered } from '../events/lead-events';
import { nextLastInteractionAt } from '../history/customer-interactions';
import { applyComplaint, applyInvitation, applyTestDrive } from './lead-activities.evolve';
import { LastChanges, LeadState, RegisteredLeadState, RegisteredLeadStatus } from './lead-state';
import { applyTouch } from './touch.evolve';

export interface EvolveMeta {
  occurredAt: string;
}

/**
 * Pure: folds one event into the state. It never throws, so that any stored history can be replayed. Callers fold
 * a lead's events in the order they happened (`foldLeadHistory`), which is not always the order they were recorded.
 */
export function evolve(state: LeadState, event: LeadEvent, meta?: EvolveMeta): LeadState {
  if (event.type === 'LeadRegistered') return registered(event, meta);
  // A fact about a lead that was never registered cannot change anything; ignoring it keeps replay total.
  if (state.status === 'unregistered') return state;
  const next = apply(state, event, meta?.occurredAt);
  if (!meta) return next;
  // The same definition the read side uses (libs/lead history/customer-interactions).
  const lastInteractionAt = nextLastInteractionAt(next.lastInteractionAt, event.type, meta.occurredAt);
  return lastInteractionAt === next.lastInteractionAt ? next : { ...next, lastInteractionAt };
}

function registered(event: LeadRegistered, meta: EvolveMeta | undefined): RegisteredLeadState {
  const { data } = event;
  return {
    status: 'active',
    leadId: data.leadId,
    dealerId: data.dealerId,
    channel: data.channel,
    campaign: data.campaign,
    contact: data.contact,
    profile: data.profile,
    marketingConsent: data.marketingConsent,
    testDrives: {},
    invitations: {},
    quotes: {},
    openComplaints: {},
    resolvedComplaintIds: [],
    touches: {},
    warnings: {},
    registeredAt: meta?.occurredAt,
    lastInteractionAt: meta?.occurredAt,
    cycle: 1,
    purchases: 0,
    pastDeals: [],
    statusLog: [{ status: 'active', since: meta?.occurredAt }],
    lastChanges: {},
  };
}

function apply(state: RegisteredLeadState, event: Exclude<LeadEvent, LeadRegistered>, at: string | undefined): RegisteredLeadState {
  switch (event.type) {
    case 'ShowroomVisited':
    case 'CallLogged':
    case 'VehiclePresented':
    case 'LossApproved':
      return state;
    case 'TestDriveScheduled':
    case 'TestDriveCompleted':
    case 'TestDriveMissed':
      return applyTestDrive(state, event, at);
    case 'InvitationSent':
    case 'InvitationAnswered':
    case 'InvitationAttended':
      return applyInvitation(state, event, at);
    case 'NeedsAnalysed':
      return applyNeeds(state, event);
    case 'QuoteGiven': {
      const { quoteId, model, quantity, unitPrice, totalPrice } = event.data;
      const quote = { cycle: state.cycle, model, quantity, unitPrice, totalPrice, ...(at ? { givenAt: at } : {}) };
      return { ...state, quotes: { ...state.quotes, [quoteId]: quote }, latestQuoteId: quoteId };
    }
    case 'PurchaseIntentAssessed':
      return changed({ ...state, tier: event.data.tier, timeframe: event.data.timeframe }, 'assessment', at);
    case 'ConsultantAssigned':
      return changed({ ...applyAssignment(state, event), consultantSince: at }, 'consultant', at);
    case 'LeadReturnedToNurturing':
      return changed({ ...state, consultantId: undefined, consultantSince: undefined, ownershipChanges: (state.ownershipChanges ?? 0) + 1 }, 'consultant', at);
    case 'DealWon':
      return entered({ ...state, deal: { ...event.data } }, 'won', at);
    case 'VehicleDelivered':
      return entered({ ...applyDelivery(state, event, at), purchases: state.purchases + 1 }, 'delivered', at);
    case 'PurchaseCycleStarted':
      return nextCycle(state, event.data.cycle, at);
    case 'LossRequested':
      return entered({ ...state, pendingLossRequest: { ...event.data } }, 'loss_pending', at);
    case 'LossRejected':
      return entered({ ...state, pendingLossRequest: undefined }, 'active', at);
    case 'DealLost':
      return entered({ ...state, lostReason: event.data.reason, pendingLossRequest: undefined }, 'lost', at);
    case 'LeadReopened':
      return entered({ ...state, lostReason: undefined }, 'active', at);
    case 'ContactDetailsChanged':
      return changed(applyContact(state, event), 'contact', at);
    case 'MarketingConsentChanged':
      return changed({ ...state, marketingConsent: event.data.marketingConsent }, 'consent', at);
    case 'ComplaintFiled':
    case 'ComplaintResolved':
      return applyComplaint(state, event, at);
    case 'TouchScheduled':
    case 'TouchCancelled':
    case 'TouchSent':
    case 'TouchDeliveryFailed':
    case 'TouchFailed':
    case 'TouchCompleted':
    case 'TouchOverdue':
    case 'EarlyWarningRaised':
      return applyTouch(state, event);
    default:
      return assertNever(event);
  }
}

/** The customer's next purchase: the last deal moves to the past ones, and the sale starts over on the same lead. */
function nextCycle(state: RegisteredLeadState, cycle: number, at: string | undefined): RegisteredLeadState {
  const pastDeals = state.deal ? [...state.pastDeals, state.deal] : state.pastDeals;
  const next = { ...state, cycle, pastDeals, deal: undefined, latestQuoteId: undefined, lostReason: undefined, pendingLossRequest: undefined };
  return entered(next, 'active', at);
}

/** A new status, logged with the time it began. */
function entered(state: RegisteredLeadState, status: RegisteredLeadStatus, at: string | undefined): RegisteredLeadState {
  return { ...state, status, statusLog: [...state.statusLog, { status, since: at }] };
}

function changed(state: RegisteredLeadState, value: keyof LastChanges, at: string | undefined): RegisteredLeadState {
  return at === undefined ? state : { ...state, lastChanges: { ...state.lastChanges, [value]: at } };
}

type EventOf<T extends LeadEventType> = Extract<LeadEvent, { type: T }>;

function applyAssignment(state: RegisteredLeadState, event: EventOf<'ConsultantAssigned'>): RegisteredLeadState {
  const { consultantId, handoffId } = event.data;
  const next: RegisteredLeadState = {
    ...state, consultantId, lastConsultantId: consultantId, ownershipChanges: (state.ownershipChanges ?? 0) + 1,
  };
  if (handoffId !== undefined) next.handoffIds = { ...state.handoffIds, [handoffId]: consultantId };
  return next;
}

/** The delivery date is the event's occurredAt; the after-sale facts come with the event. */
function applyDelivery(state: RegisteredLeadState, event: EventOf<'VehicleDelivered'>, at: string | undefined): RegisteredLeadState {
  const { vin, odometerKm, insuranceExpiresOn, inspectionDueOn } = event.data;
  const deal = compactDeal({
    ...state.deal, vin: vin ?? state.deal?.vin, deliveredAt: at, odometerKm, insuranceExpiresOn, inspectionDueOn,
  });
  return { ...state, deal };
}

function compactDeal<T extends object>(deal: T): T {
  return Object.fromEntries(Object.entries(deal).filter(([, value]) => value !== undefined)) as T;
}

function applyNeeds(state: RegisteredLeadState, event: EventOf<'NeedsAnalysed'>): RegisteredLeadState {
  const { intendedModels, budget, payment, decisionMaker } = event.data;
  const profile = {
    ...state.profile,
    intendedModels,
    budget: budget ?? state.profile.budget,
    payment: payment ?? state.profile.payment,
    decisionMaker: decisionMaker ?? state.profile.decisionMaker,
  };
  return { ...state, profile };
}

function applyContact(state: RegisteredLeadState, event: EventOf<'ContactDetailsChanged'>): RegisteredLeadState {
  const { name, phone, email, wechat, birthday } = event.data;
  const contact = {
    name: name ?? state.contact.name,
    phone: phone ?? state.contact.phone,
    email: email ?? state.contact.email,
    wechat: wechat ?? state.contact.wechat,
  };
  const known = birthday ?? state.contact.birthday;
  return { ...state, contact: known === undefined ? contact : { ...contact, birthday: known } };
}
