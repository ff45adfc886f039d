import { assertNever } from '@crm/kernel';
import { LeadEvent, LeadEventType, LeadRegistered } from '../events/lead-events';
import { InvitationState, LeadState, RegisteredLeadState } from './lead-state';
import { applyTouch } from './touch.evolve';

export interface EvolveMeta {
  occurredAt: string;
}

/** Contacts with the customer; administrative facts (hand-offs, consent, loss approval) do not count. */
const INTERACTIONS: ReadonlySet<LeadEventType> = new Set<LeadEventType>([
  'LeadRegistered', 'ShowroomVisited', 'CallLogged', 'TestDriveScheduled', 'TestDriveCompleted',
  'InvitationSent', 'InvitationAnswered', 'InvitationAttended', 'NeedsAnalysed', 'VehiclePresented',
  'QuoteGiven', 'PurchaseIntentAssessed', 'DealWon', 'VehicleDelivered', 'ComplaintFiled',
]);

/** Pure: folds one event into the state. It never throws, so that any stored history can be replayed. */
export function evolve(state: LeadState, event: LeadEvent, meta?: EvolveMeta): LeadState {
  if (event.type === 'LeadRegistered') return registered(event, meta);
  // A fact about a lead that was never registered cannot change anything; ignoring it keeps replay total.
  if (state.status === 'unregistered') return state;
  const next = withTimes(apply(state, event), event, meta);
  if (!meta || !INTERACTIONS.has(event.type)) return next;
  return { ...next, lastInteractionAt: later(next.lastInteractionAt, meta.occurredAt) };
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
  };
}

function apply(state: RegisteredLeadState, event: Exclude<LeadEvent, LeadRegistered>): RegisteredLeadState {
  switch (event.type) {
    case 'ShowroomVisited':
    case 'CallLogged':
    case 'VehiclePresented':
    case 'LossApproved':
      return state;
    case 'TestDriveScheduled':
    case 'TestDriveCompleted':
    case 'TestDriveMissed':
      return applyTestDrive(state, event);
    case 'InvitationSent':
    case 'InvitationAnswered':
    case 'InvitationAttended':
      return applyInvitation(state, event);
    case 'NeedsAnalysed':
      return applyNeeds(state, event);
    case 'QuoteGiven': {
      const { quoteId, model, quantity, unitPrice, totalPrice } = event.data;
      const quotes = { ...state.quotes, [quoteId]: { model, quantity, unitPrice, totalPrice } };
      return { ...state, quotes, latestQuoteId: quoteId };
    }
    case 'PurchaseIntentAssessed':
      return { ...state, tier: event.data.tier, timeframe: event.data.timeframe };
    case 'ConsultantAssigned':
      return { ...state, consultantId: event.data.consultantId };
    case 'LeadReturnedToNurturing':
      return { ...state, consultantId: undefined, consultantSince: undefined };
    case 'DealWon':
      return { ...state, status: 'won', deal: { ...event.data } };
    case 'VehicleDelivered':
      return { ...state, status: 'delivered', deal: { ...state.deal, vin: event.data.vin ?? state.deal?.vin } };
    case 'LossRequested':
      return { ...state, status: 'loss_pending', pendingLossRequest: { ...event.data } };
    case 'LossRejected':
      return { ...state, status: 'active', pendingLossRequest: undefined };
    case 'DealLost':
      return { ...state, status: 'lost', lostReason: event.data.reason, pendingLossRequest: undefined };
    case 'LeadReopened':
      return { ...state, status: 'active', lostReason: undefined };
    case 'ContactDetailsChanged':
      return applyContact(state, event);
    case 'MarketingConsentChanged':
      return { ...state, marketingConsent: event.data.marketingConsent };
    case 'ComplaintFiled':
    case 'ComplaintResolved':
      return applyComplaint(state, event);
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

type EventOf<T extends LeadEventType> = Extract<LeadEvent, { type: T }>;

function applyTestDrive(
  state: RegisteredLeadState,
  event: EventOf<'TestDriveScheduled' | 'TestDriveCompleted' | 'TestDriveMissed'>,
): RegisteredLeadState {
  const { testDriveId } = event.data;
  const known = state.testDrives[testDriveId];
  const next =
    event.type === 'TestDriveScheduled'
      ? { model: event.data.model, scheduledFor: event.data.scheduledFor, status: 'scheduled' as const }
      : {
          model: event.data.model,
          scheduledFor: known?.scheduledFor ?? '',
          status: event.type === 'TestDriveCompleted' ? ('completed' as const) : ('no_show' as const),
        };
  return { ...state, testDrives: { ...state.testDrives, [testDriveId]: next } };
}

function applyInvitation(
  state: RegisteredLeadState,
  event: EventOf<'InvitationSent' | 'InvitationAnswered' | 'InvitationAttended'>,
): RegisteredLeadState {
  const { invitationId } = event.data;
  const next = nextInvitation(state.invitations[invitationId], event);
  if (!next) return state;
  return { ...state, invitations: { ...state.invitations, [invitationId]: next } };
}

function nextInvitation(
  known: InvitationState | undefined,
  event: EventOf<'InvitationSent' | 'InvitationAnswered' | 'InvitationAttended'>,
): InvitationState | undefined {
  switch (event.type) {
    case 'InvitationSent':
      return { kind: event.data.kind, status: 'sent' };
    case 'InvitationAnswered':
      return known && { ...known, status: 'answered', response: event.data.response };
    case 'InvitationAttended':
      return { ...known, kind: event.data.kind, status: 'attended' };
  }
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
  const { name, phone, email, wechat } = event.data;
  const contact = {
    name: name ?? state.contact.name,
    phone: phone ?? state.contact.phone,
    email: email ?? state.contact.email,
    wechat: wechat ?? state.contact.wechat,
  };
  return { ...state, contact };
}

function applyComplaint(
  state: RegisteredLeadState,
  event: EventOf<'ComplaintFiled' | 'ComplaintResolved'>,
): RegisteredLeadState {
  const { complaintId } = event.data;
  if (event.type === 'ComplaintFiled') {
    return { ...state, openComplaints: { ...state.openComplaints, [complaintId]: event.data.category } };
  }
  const { [complaintId]: _resolved, ...stillOpen } = state.openComplaints;
  return { ...state, openComplaints: stillOpen, resolvedComplaintIds: [...state.resolvedComplaintIds, complaintId] };
}

/** When the current consultant took the lead over: a stalled follow-up is counted from then at the earliest. */
function withTimes(state: RegisteredLeadState, event: LeadEvent, meta: EvolveMeta | undefined): RegisteredLeadState {
  if (event.type !== 'ConsultantAssigned' || !meta) return state;
  return { ...state, consultantSince: meta.occurredAt };
}

/** Back-dated events must not move the last interaction backwards. */
function later(current: string | undefined, candidate: string): string {
  if (current === undefined) return candidate;
  return Date.parse(candidate) > Date.parse(current) ? candidate : current;
}
