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
}

export type InvitationStatus = 'sent' | 'answered' | 'attended';
export interface InvitationState {
  kind: InvitationKind;
  status: InvitationStatus;
  response?: InvitationResponse;
}

export interface QuoteState {
  model: string;
  quantity: number;
  unitPrice: Money;
  totalPrice: Money;
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
  /** When the owning consultant was assigned (from event metadata); undefined while CRM agents nurture the lead. */
  consultantSince?: string;
  testDrives: Readonly<Record<string, TestDriveState>>;
  invitations: Readonly<Record<string, InvitationState>>;
  quotes: Readonly<Record<string, QuoteState>>;
  latestQuoteId?: string;
  deal?: DealState;
  pendingLossRequest?: PendingLossRequest;
  lostReason?: LostReason;
  openComplaints: Readonly<Record<string, ComplaintCategory>>;
  resolvedComplaintIds: readonly string[];
  /** The nurture plan: every touch planned for the lead, by id, with where it stands. */
  touches: Readonly<Record<string, TouchState>>;
  /** Early warnings raised, by id (each deadline warns once). */
  warnings: Readonly<Record<string, WarningKind>>;
  /** From event metadata; undefined when the history was folded without it. */
  registeredAt?: string;
  lastInteractionAt?: string;
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
