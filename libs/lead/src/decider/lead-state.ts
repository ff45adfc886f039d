import { LeadRegistration, Money } from '../events/lead-values';
import {
  ComplaintCategory, IntentTier, InvitationKind, InvitationResponse, LostReason, PurchaseTimeframe,
} from '../events/lead-vocabulary';
import { NurtureChannel, TouchContent, TouchPurpose, TouchStatus, WarningKind } from '../events/touch-vocabulary';

export type LeadStatus = 'unregistered' | 'active' | 'loss_pending' | 'won' | 'delivered' | 'lost';
export type RegisteredLeadStatus = Exclude<LeadStatus, 'unregistered'>;

export type TestDriveStatus = 'scheduled' | 'completed' | 'no_show';
export interface TestDriveState {
  model: string;
  scheduledFor: string;
  status: TestDriveStatus;
  /** When it was booked (occurred-at of the scheduling): its outcome cannot be dated earlier. */
  bookedAt?: string;
}

export type InvitationStatus = 'sent' | 'answered' | 'attended';
export interface InvitationState {
  kind: InvitationKind;
  status: InvitationStatus;
  response?: InvitationResponse;
  /** Its answer and attendance cannot be dated earlier. */
  sentAt?: string;
}

export interface QuoteState {
  /** The purchase cycle it was given in: a deal is won on a quote of its own cycle. */
  cycle?: number;
  model: string;
  quantity: number;
  unitPrice: Money;
  totalPrice: Money;
  /** A deal won on this quote cannot be dated earlier. */
  givenAt?: string;
}

export interface OpenComplaint {
  category: ComplaintCategory;
  filedAt?: string;
}

/** One status the lead entered and since when (occurred-at); the lead's status at any time is read from these. */
export interface StatusChange {
  status: RegisteredLeadStatus;
  since?: string;
}

/**
 * When each value that the lead holds as "current" last changed (occurred-at). A change dated before the last
 * one would be folded under it and silently lost, so the decider refuses it (the assessment is the exception:
 * a late assessment is history, not a correction of the current tier).
 */
export interface LastChanges {
  contact?: string;
  consent?: string;
  consultant?: string;
  assessment?: string;
}

export interface PendingLossRequest {
  requestId: string;
  reason: LostReason;
  competitor?: string;
  note?: string;
}

export interface DealState {
  quoteId?: string;
  model?: string;
  quantity?: number;
  totalPrice?: Money;
  orderRef?: string;
  vin?: string;
  /** After-sale facts recorded at delivery (the after-sale plan reads them). */
  deliveredAt?: string;
  odometerKm?: number;
  insuranceExpiresOn?: string;
  inspectionDueOn?: string;
}

export interface TouchState {
  purpose: TouchPurpose;
  channel: NurtureChannel;
  dueAt: string;
  marketing: boolean;
  status: TouchStatus;
  overdue: boolean;
  attempts: number;
  assigneeId?: string;
  /** What the message is about, as planned: the dispatcher hands it to the channel. */
  content?: TouchContent;
}

export interface RegisteredLeadState extends LeadRegistration {
  status: RegisteredLeadStatus;
  /** Latest assessment; undefined until the first one. */
  tier?: IntentTier;
  timeframe?: PurchaseTimeframe;
  /** The owning consultant; undefined while the lead is nurtured by CRM agents. */
  consultantId?: string;
  /** The consultant who served the lead last, kept when it returns to nurturing (a hand-off prefers them). */
  lastConsultantId?: string;
  /** How many times the owner changed (assigned or returned): hand-offs between two changes are one hand-off. */
  ownershipChanges?: number;
  /** Automatic hand-offs applied, by id, so that handling their cause again records nothing. */
  handoffIds?: Readonly<Record<string, string>>;
  /** When the owning consultant was assigned (from event metadata); undefined while CRM agents nurture the lead. */
  consultantSince?: string;
  testDrives: Readonly<Record<string, TestDriveState>>;
  invitations: Readonly<Record<string, InvitationState>>;
  quotes: Readonly<Record<string, QuoteState>>;
  latestQuoteId?: string;
  /** The deal of the current purchase cycle. */
  deal?: DealState;
  /** The current purchase cycle: 1 from registration, one more for each purchase after a delivery. */
  cycle: number;
  /** Vehicles delivered: completed purchases. */
  purchases: number;
  /** The deals of earlier cycles, oldest first. */
  pastDeals: readonly DealState[];
  pendingLossRequest?: PendingLossRequest;
  lostReason?: LostReason;
  openComplaints: Readonly<Record<string, OpenComplaint>>;
  resolvedComplaintIds: readonly string[];
  /** The nurture plan: every touch planned for the lead, by id, with where it stands. */
  touches: Readonly<Record<string, TouchState>>;
  /** Early warnings raised, by id (each deadline warns once). */
  warnings: Readonly<Record<string, WarningKind>>;
  /** From event metadata; undefined when the history was folded without it. */
  registeredAt?: string;
  lastInteractionAt?: string;
  /** Every status the lead entered, in the order it happened; the last one is `status`. */
  statusLog: readonly StatusChange[];
  lastChanges: LastChanges;
}

/**
 * A lead nobody registered yet. It names the registered fields as absent, so that callers can read
 * `state.contact?.phone` without narrowing first, while `status` still narrows to the full shape.
 */
export type UnregisteredLeadState = { status: 'unregistered' } & {
  readonly [Field in Exclude<keyof RegisteredLeadState, 'status'>]?: undefined;
};

export type LeadState = UnregisteredLeadState | RegisteredLeadState;

export const initialLeadState: LeadState = { status: 'unregistered' };
