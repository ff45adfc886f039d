import { Actor } from '@crm/kernel';
import { LeadPolicy } from '../policies/lead-policy';
import { AfterSaleFacts } from '../events/lead-events';
import { FirstContactProfile, LeadRegistration, Money } from '../events/lead-values';
import {
  CallDirection, CallOutcome, ComplaintCategory, HandoffReason, InvitationKind, InvitationResponse,
  LostReason, PurchaseTimeframe, ReturnReason, TouchChannel,
} from '../events/lead-vocabulary';
import { TouchCancelled, TouchCompleted, TouchScheduled, EarlyWarningRaised } from '../events/touch-events';

/**
 * What the decider is told besides the command: who acts, the time now (from the clock port), when the
 * interaction happened (occurredAt, possibly back-dated), and the dealer's policy. The decider reads no clock.
 */
export interface CommandContext {
  actor: Actor;
  now: string;
  occurredAt: string;
  policy: LeadPolicy;
}

type Command<Type extends string, Data> = { type: Type; data: Data; context: CommandContext };

export type RegisterLead = Command<'RegisterLead', LeadRegistration>;
export type RecordShowroomVisit = Command<'RecordShowroomVisit', { note?: string; companions?: number }>;
export type LogCall = Command<'LogCall', {
  direction: CallDirection;
  outcome: CallOutcome;
  callbackAt?: string;
  durationSeconds?: number;
  note?: string;
}>;
export type ScheduleTestDrive = Command<'ScheduleTestDrive', { testDriveId: string; model: string; scheduledFor: string }>;
export type CompleteTestDrive = Command<'CompleteTestDrive', { testDriveId: string; feedback?: string }>;
export type RecordTestDriveNoShow = Command<'RecordTestDriveNoShow', { testDriveId: string; note?: string }>;
export type SendInvitation = Command<'SendInvitation', {
  invitationId: string;
  kind: InvitationKind;
  channel: TouchChannel;
  eventName?: string;
  proposedFor?: string;
}>;
export type RecordInvitationAnswer = Command<'RecordInvitationAnswer', { invitationId: string; response: InvitationResponse; note?: string }>;
export type RecordInvitationAttendance = Command<'RecordInvitationAttendance', { invitationId: string }>;
export type AnalyseNeeds = Command<'AnalyseNeeds', {
  intendedModels: string[];
  budget?: { min?: number; max?: number; currency: string };
  payment?: FirstContactProfile['payment'];
  usage?: string;
  priorities?: string[];
  decisionMaker?: string;
  note?: string;
}>;
export type PresentVehicle = Command<'PresentVehicle', { model: string; trim?: string; note?: string }>;
export type GiveQuote = Command<'GiveQuote', {
  quoteId: string;
  model: string;
  quantity: number;
  unitPrice: Money;
  validUntil?: string;
  expectedCloseDate?: string;
}>;
export type AssessPurchaseIntent = Command<'AssessPurchaseIntent', { timeframe: PurchaseTimeframe; note?: string }>;
/**
 * With `handoffId` (an automatic hand-off) it applies once, and only to a lead nobody owns: a consultant assigned
 * meanwhile by hand keeps the lead.
 */
export type AssignConsultant = Command<'AssignConsultant', { consultantId: string; reason: HandoffReason; handoffId?: string }>;
export type ReturnLeadToNurturing = Command<'ReturnLeadToNurturing', { reason: ReturnReason; note?: string }>;
export type WinDeal = Command<'WinDeal', { quoteId?: string; orderRef?: string }>;
export type DeliverVehicle = Command<'DeliverVehicle', { vin?: string; note?: string } & AfterSaleFacts>;
/** Loses the deal, or, where the dealer's policy asks a manager to approve a consultant's loss, requests it. */
export type LoseDeal = Command<'LoseDeal', { requestId: string; reason: LostReason; competitor?: string; note?: string }>;
export type ApproveLoss = Command<'ApproveLoss', { requestId: string; note?: string }>;
export type RejectLoss = Command<'RejectLoss', { requestId: string; note?: string }>;
export type ReopenLead = Command<'ReopenLead', { note?: string }>;
export type ChangeContactDetails = Command<'ChangeContactDetails', { name?: string; phone?: string; email?: string; wechat?: string; birthday?: string }>;
export type ChangeMarketingConsent = Command<'ChangeMarketingConsent', { marketingConsent: boolean }>;
export type FileComplaint = Command<'FileComplaint', { complaintId: string; category: ComplaintCategory; description: string }>;
export type ResolveComplaint = Command<'ResolveComplaint', { complaintId: string; cause: string; remedy: string }>;

export type ScheduleTouch = Command<'ScheduleTouch', TouchScheduled['data']>;
export type CancelTouch = Command<'CancelTouch', TouchCancelled['data']>;
export type RecordTouchSent = Command<'RecordTouchSent', { touchId: string; via: string; attempt: number }>;
/** One failed delivery attempt; with `giveUp` the touch fails for good. */
export type RecordTouchDeliveryFailure = Command<'RecordTouchDeliveryFailure', { touchId: string; attempt: number; error: string; giveUp: boolean }>;
export type CompleteTouch = Command<'CompleteTouch', TouchCompleted['data']>;
export type MarkTouchOverdue = Command<'MarkTouchOverdue', { touchId: string }>;
export type RaiseEarlyWarning = Command<'RaiseEarlyWarning', EarlyWarningRaised['data']>;

export type TouchCommand =
  | ScheduleTouch | CancelTouch | RecordTouchSent | RecordTouchDeliveryFailure | CompleteTouch | MarkTouchOverdue
  | RaiseEarlyWarning;

export type LeadCommand =
  | RegisterLead | RecordShowroomVisit | LogCall
  | ScheduleTestDrive | CompleteTestDrive | RecordTestDriveNoShow
  | SendInvitation | RecordInvitationAnswer | RecordInvitationAttendance
  | AnalyseNeeds | PresentVehicle | GiveQuote | AssessPurchaseIntent
  | AssignConsultant | ReturnLeadToNurturing
  | WinDeal | DeliverVehicle
  | LoseDeal | ApproveLoss | RejectLoss | ReopenLead
  | ChangeContactDetails | ChangeMarketingConsent
  | FileComplaint | ResolveComplaint
  | TouchCommand;

export type LeadCommandType = LeadCommand['type'];
