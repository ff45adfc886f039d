import { FirstContactProfile, LeadRegistration, Money } from './lead-values';
import { TouchEvent } from './touch-events';
import {
  CallDirection, CallOutcome, ComplaintCategory, HandoffReason, IntentTier, InvitationKind,
  InvitationResponse, LostReason, PurchaseCycleReason, PurchaseTimeframe, ReturnReason, TouchChannel,
} from './lead-vocabulary';

/** An event as the decider produces it: a past-tense fact. Metadata is added by the handler that appends it. */
type Event<Type extends string, Data> = { type: Type; data: Data };

export type LeadRegistered = Event<'LeadRegistered', LeadRegistration>;
export type ShowroomVisited = Event<'ShowroomVisited', { note?: string; companions?: number }>;
export type CallLogged = Event<'CallLogged', {
  direction: CallDirection;
  outcome: CallOutcome;
  /** Present when outcome is callback_requested. */
  callbackAt?: string;
  durationSeconds?: number;
  note?: string;
}>;
export type TestDriveScheduled = Event<'TestDriveScheduled', { testDriveId: string; model: string; scheduledFor: string }>;
export type TestDriveCompleted = Event<'TestDriveCompleted', { testDriveId: string; model: string; feedback?: string }>;
export type TestDriveMissed = Event<'TestDriveMissed', { testDriveId: string; model: string; note?: string }>;
export type InvitationSent = Event<'InvitationSent', {
  invitationId: string;
  kind: InvitationKind;
  channel: TouchChannel;
  eventName?: string;
  proposedFor?: string;
}>;
export type InvitationAnswered = Event<'InvitationAnswered', { invitationId: string; response: InvitationResponse; note?: string }>;
export type InvitationAttended = Event<'InvitationAttended', { invitationId: string; kind: InvitationKind }>;
export type NeedsAnalysed = Event<'NeedsAnalysed', {
  intendedModels: string[];
  budget?: { min?: number; max?: number; currency: string };
  payment?: FirstContactProfile['payment'];
  usage?: string;
  priorities?: string[];
  decisionMaker?: string;
  note?: string;
}>;
export type VehiclePresented = Event<'VehiclePresented', { model: string; trim?: string; note?: string }>;
export type QuoteGiven = Event<'QuoteGiven', {
  quoteId: string;
  model: string;
  quantity: number;
  unitPrice: Money;
  totalPrice: Money;
  validUntil?: string;
  expectedCloseDate?: string;
}>;
export type PurchaseIntentAssessed = Event<'PurchaseIntentAssessed', {
  timeframe: PurchaseTimeframe;
  tier: IntentTier;
  previousTier?: IntentTier;
  note?: string;
}>;
/** `handoffId` marks an automatic hand-off (the nurture saga's), so that handling its cause again records nothing. */
export type ConsultantAssigned = Event<'ConsultantAssigned', {
  consultantId: string;
  reason: HandoffReason;
  previousConsultantId?: string;
  handoffId?: string;
}>;
export type LeadReturnedToNurturing = Event<'LeadReturnedToNurturing', { consultantId: string; reason: ReturnReason; note?: string }>;
export type DealWon = Event<'DealWon', { quoteId?: string; model?: string; quantity?: number; totalPrice?: Money; orderRef?: string }>;
/** What the after-sale plan needs besides the delivery date (the event's occurredAt); dates are YYYY-MM-DD. */
export interface AfterSaleFacts {
  /** The odometer at delivery: the first service is estimated from it. */
  odometerKm?: number;
  insuranceExpiresOn?: string;
  inspectionDueOn?: string;
}
export type VehicleDelivered = Event<'VehicleDelivered', { vin?: string; model?: string; note?: string } & AfterSaleFacts>;
/**
 * A delivered customer's next purchase begins: a new sales cycle on the same lead (cycle 1 is the registration's).
 * The decider records it before the selling step that opened it, in the same append.
 */
export type PurchaseCycleStarted = Event<'PurchaseCycleStarted', { cycle: number; reason: PurchaseCycleReason }>;
export type LossRequested = Event<'LossRequested', { requestId: string; reason: LostReason; competitor?: string; note?: string }>;
export type LossApproved = Event<'LossApproved', { requestId: string; note?: string }>;
export type LossRejected = Event<'LossRejected', { requestId: string; note?: string }>;
export type DealLost = Event<'DealLost', { reason: LostReason; competitor?: string; note?: string; requestId?: string }>;
export type LeadReopened = Event<'LeadReopened', { note?: string }>;
export type ContactDetailsChanged = Event<'ContactDetailsChanged', {
  name?: string;
  phone?: string;
  previousPhone?: string;
  email?: string;
  wechat?: string;
  birthday?: string;
}>;
export type MarketingConsentChanged = Event<'MarketingConsentChanged', { marketingConsent: boolean }>;
export type ComplaintFiled = Event<'ComplaintFiled', { complaintId: string; category: ComplaintCategory; description: string }>;
export type ComplaintResolved = Event<'ComplaintResolved', { complaintId: string; cause: string; remedy: string }>;

export type LeadEvent =
  | LeadRegistered | ShowroomVisited | CallLogged
  | TestDriveScheduled | TestDriveCompleted | TestDriveMissed
  | InvitationSent | InvitationAnswered | InvitationAttended
  | NeedsAnalysed | VehiclePresented | QuoteGiven | PurchaseIntentAssessed
  | ConsultantAssigned | LeadReturnedToNurturing
  | DealWon | VehicleDelivered | PurchaseCycleStarted
  | LossRequested | LossApproved | LossRejected | DealLost | LeadReopened
  | ContactDetailsChanged | MarketingConsentChanged
  | ComplaintFiled | ComplaintResolved
  | TouchEvent;

export type LeadEventType = LeadEvent['type'];
