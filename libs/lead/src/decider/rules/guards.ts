import { assertNever } from '@crm/kernel';
import { CommandContext, LeadCommandType } from '../../commands/lead-commands';
import { LeadErrorCode } from '../../lead.errors';
import { LeadState, RegisteredLeadState, RegisteredLeadStatus } from '../lead-state';
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
/** After delivery even recording a test drive that was booked before the win is over. */
const CLOSED_BY_DELIVERY = new Set<LeadCommandType>([
  ...CLOSED_BY_WIN, 'CompleteTestDrive', 'RecordTestDriveNoShow', 'DeliverVehicle',
]);

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

export function assertStatusAllows(type: LeadCommandType, status: RegisteredLeadStatus): void {
  switch (status) {
    case 'active':
      return;
    case 'lost':
      if (!ALLOWED_WHEN_LOST.has(type)) fail(LeadErrorCode.LeadIsLost, `${type} is not allowed on a lost lead`);
      return;
    case 'loss_pending':
      if (!ALLOWED_WHILE_LOSS_PENDING.has(type)) {
        fail(LeadErrorCode.LossApprovalPending, `${type} waits for the manager's decision on the loss`);
      }
      return;
    case 'won':
      if (CLOSED_BY_WIN.has(type)) fail(LeadErrorCode.DealAlreadyWon, `${type} is not allowed once the deal is won`);
      return;
    case 'delivered':
      if (CLOSED_BY_DELIVERY.has(type)) {
        fail(LeadErrorCode.VehicleAlreadyDelivered, `${type} is not allowed once the vehicle is delivered`);
      }
      return;
    default:
      assertNever(status);
  }
}
