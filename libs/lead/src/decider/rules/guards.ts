import { assertNever } from '@crm/kernel';
import { CommandContext, LeadCommandType } from '../../commands/lead-commands';
import { LeadErrorCode } from '../../lead.errors';
import { LeadState, RegisteredLeadState, RegisteredLeadStatus } from '../lead-state';
import { opensPurchaseCycle } from './purchase-cycle.rules';
import { HOUR_MS, fail, timeOf } from './values';

/**
 * After-sale care, record keeping and the nurture plan: allowed whatever the lead's status (a won deal gets
 * after-sale touches, a lost one a win-back touch; the plan's own rules live in the touch rules).
 */
const CARE: readonly LeadCommandType[] = [
  'LogCall', 'ChangeContactDetails', 'ChangeMarketingConsent', 'FileComplaint', 'ResolveComplaint',
  'ScheduleTouch', 'CancelTouch', 'RecordTouchSent', 'RecordTouchDeliveryFailure', 'CompleteTouch', 'MarkTouchOverdue',
  'RaiseEarlyWarning',
];
const ALLOWED_WHEN_LOST = new Set<LeadCommandType>([...CARE, 'ReopenLead']);
/** While a manager decides on the loss, the consultant may still call; the sale itself waits. */
const ALLOWED_WHILE_LOSS_PENDING = new Set<LeadCommandType>([...CARE, 'ApproveLoss', 'RejectLoss', 'ReopenLead']);
/** Selling steps that make no sense once the deal is won. */
const CLOSED_BY_WIN = new Set<LeadCommandType>([
  'ScheduleTestDrive', 'AnalyseNeeds', 'PresentVehicle', 'GiveQuote', 'AssessPurchaseIntent',
  'WinDeal', 'LoseDeal', 'ReturnLeadToNurturing',
]);
/**
 * After delivery the sale is over, even recording a test drive that was booked before the win; the selling steps
 * that open the customer's next purchase (purchase-cycle.rules.ts) are allowed and start a new cycle.
 */
const CLOSED_BY_DELIVERY = new Set<LeadCommandType>([
  'LoseDeal', 'ReturnLeadToNurturing', 'CompleteTestDrive', 'RecordTestDriveNoShow', 'DeliverVehicle',
]);
/** Commands whose events change the status: the status history is never rewritten by a back-dated one. */
const STATUS_CHANGING = new Set<LeadCommandType>(['WinDeal', 'DeliverVehicle', 'LoseDeal', 'ApproveLoss', 'RejectLoss', 'ReopenLead']);

export function requireRegistered(state: LeadState): RegisteredLeadState {
  if (state.status === 'unregistered') return fail(LeadErrorCode.LeadNotFound, 'Lead not found');
  return state;
}

/** occurredAt may be back-dated within the dealer's window, never set in the future or before registration. */
export function assertTimely(context: CommandContext, registeredAt?: string): void {
  const occurredAt = timeOf(context.occurredAt, 'occurredAt');
  const now = timeOf(context.now, 'now');
  if (occurredAt > now) {
    fail(LeadErrorCode.OccurredInFuture, 'occurredAt is in the future', 'occurredAt');
  }
  if (occurredAt < now - context.policy.backdateWindowHours * HOUR_MS) {
    fail(
      LeadErrorCode.BackdatedTooFar,
      `occurredAt is more than ${context.policy.backdateWindowHours} hours in the past`,
      'occurredAt',
    );
  }
  if (registeredAt !== undefined && occurredAt < Date.parse(registeredAt)) {
    fail(LeadErrorCode.OccurredBeforeRegistration, 'occurredAt is before the lead was registered', 'occurredAt');
  }
}

/**
 * The decider sees the lead's facts ordered by when they happened, so a back-dated command is judged twice: it
 * must be allowed now (its events join the current state) and by the status the lead had when it says it
 * happened (a quote dated into the days the lead was lost never happened on an open lead). A command that
 * changes the status must not be dated before the last status change, which it would silently undo.
 */
export function assertAllowedAt(type: LeadCommandType, lead: RegisteredLeadState, occurredAt: string): void {
  const then = statusAt(lead, occurredAt);
  if (then !== lead.status) assertStatusAllows(type, then, occurredAt);
  if (!STATUS_CHANGING.has(type) && !opensPurchaseCycle(type, lead)) return;
  const last = lead.statusLog[lead.statusLog.length - 1];
  assertNotBefore(occurredAt, last?.since, `the lead became ${last?.status ?? lead.status}`);
}

/** The status the lead had at a time: the last one it entered at or before then. */
export function statusAt(lead: RegisteredLeadState, occurredAt: string): RegisteredLeadStatus {
  const time = Date.parse(occurredAt);
  let status = lead.statusLog[0]?.status ?? lead.status;
  for (const change of lead.statusLog) {
    if (change.since === undefined || Date.parse(change.since) <= time) status = change.status;
  }
  return status;
}

/** A fact cannot be dated before the fact it follows from (`earlier`, when that one's time is known). */
export function assertNotBefore(occurredAt: string, earlier: string | undefined, what: string): void {
  if (earlier === undefined || Date.parse(occurredAt) >= Date.parse(earlier)) return;
  fail(LeadErrorCode.OccurredBeforePrerequisite, `occurredAt is before ${what} (${earlier})`, 'occurredAt');
}

/** `at` names the time the status is judged at, for a back-dated command; without it, the status now. */
export function assertStatusAllows(type: LeadCommandType, status: RegisteredLeadStatus, at?: string): void {
  const field = at === undefined ? undefined : 'occurredAt';
  const when = at === undefined ? '' : ` (at ${at}, when it says it happened)`;
  switch (status) {
    case 'active':
      return;
    case 'lost':
      if (!ALLOWED_WHEN_LOST.has(type)) fail(LeadErrorCode.LeadIsLost, `${type} is not allowed on a lost lead${when}`, field);
      return;
    case 'loss_pending':
      if (!ALLOWED_WHILE_LOSS_PENDING.has(type)) {
        fail(LeadErrorCode.LossApprovalPending, `${type} waits for the manager's decision on the loss${when}`, field);
      }
      return;
    case 'won':
      if (CLOSED_BY_WIN.has(type)) fail(LeadErrorCode.DealAlreadyWon, `${type} is not allowed once the deal is won${when}`, field);
      return;
    case 'delivered':
      if (CLOSED_BY_DELIVERY.has(type)) {
        fail(LeadErrorCode.VehicleAlreadyDelivered, `${type} is not allowed once the vehicle is delivered${when}`, field);
      }
      return;
    default:
      assertNever(status);
  }
}
