import { assertNever } from '@crm/kernel';
import { LeadCommand, RegisterLead } from '../commands/lead-commands';
import { LeadEvent } from '../events/lead-events';
import { LeadState, RegisteredLeadState } from './lead-state';
import { fileComplaint, resolveComplaint } from './rules/complaint.rules';
import {
  logCall, recordInvitationAnswer, recordInvitationAttendance, recordShowroomVisit, sendInvitation,
} from './rules/contact.rules';
import { assertAllowedAt, assertStatusAllows, assertTimely, requireRegistered } from './rules/guards';
import { approveLoss, loseDeal, rejectLoss, reopenLead } from './rules/loss.rules';
import { openPurchaseCycle } from './rules/purchase-cycle.rules';
import { assignConsultant, returnLeadToNurturing } from './rules/ownership.rules';
import { changeContactDetails, changeMarketingConsent, registerLead } from './rules/registration.rules';
import {
  analyseNeeds, assessPurchaseIntent, deliverVehicle, giveQuote, presentVehicle, winDeal,
} from './rules/sales.rules';
import { completeTestDrive, recordTestDriveNoShow, scheduleTestDrive } from './rules/test-drive.rules';

import {
  cancelTouch, completeTouch, markTouchOverdue, raiseEarlyWarning, recordTouchDeliveryFailure, recordTouchSent, scheduleTouch,
} from './rules/touch.rules';
/**
 * Pure: what the command makes happen, given the lead's history folded into state. Time, ids and the dealer's
 * policy arrive in the command; an empty list means the command changes nothing (a safe retry).
 *
 * The state is the lead's facts folded in the order they happened (occurredAt, ties by revision; see
 * `foldLeadHistory`), not the order they were recorded. A back-dated command is decided on that state, must be
 * allowed by the status the lead had at its occurredAt, and may not be dated before the facts it follows from.
 * After a delivery, a selling step opens the customer's next purchase: PurchaseCycleStarted, then its own events.
 */
export function decide(command: LeadCommand, state: LeadState): LeadEvent[] {
  if (command.type === 'RegisterLead') return registerLead(command, state);
  const { opened, lead } = openPurchaseCycle(command, admit(command, state));
  return [...opened, ...decideOn(command, lead)];
}

function decideOn(command: Exclude<LeadCommand, RegisterLead>, lead: RegisteredLeadState): LeadEvent[] {
  switch (command.type) {
    case 'RecordShowroomVisit': return recordShowroomVisit(command, lead);
    case 'LogCall': return logCall(command, lead);
    case 'ScheduleTestDrive': return scheduleTestDrive(command, lead);
    case 'CompleteTestDrive': return completeTestDrive(command, lead);
    case 'RecordTestDriveNoShow': return recordTestDriveNoShow(command, lead);
    case 'SendInvitation': return sendInvitation(command, lead);
    case 'RecordInvitationAnswer': return recordInvitationAnswer(command, lead);
    case 'RecordInvitationAttendance': return recordInvitationAttendance(command, lead);
    case 'AnalyseNeeds': return analyseNeeds(command, lead);
    case 'PresentVehicle': return presentVehicle(command, lead);
    case 'GiveQuote': return giveQuote(command, lead);
    case 'AssessPurchaseIntent': return assessPurchaseIntent(command, lead);
    case 'AssignConsultant': return assignConsultant(command, lead);
    case 'ReturnLeadToNurturing': return returnLeadToNurturing(command, lead);
    case 'WinDeal': return winDeal(command, lead);
    case 'DeliverVehicle': return deliverVehicle(command, lead);
    case 'LoseDeal': return loseDeal(command, lead);
    case 'ApproveLoss': return approveLoss(command, lead);
    case 'RejectLoss': return rejectLoss(command, lead);
    case 'ReopenLead': return reopenLead(command, lead);
    case 'ChangeContactDetails': return changeContactDetails(command, lead);
    case 'ChangeMarketingConsent': return changeMarketingConsent(command, lead);
    case 'FileComplaint': return fileComplaint(command, lead);
    case 'ResolveComplaint': return resolveComplaint(command, lead);
    case 'ScheduleTouch': return scheduleTouch(command, lead);
    case 'CancelTouch': return cancelTouch(command, lead);
    case 'RecordTouchSent': return recordTouchSent(command, lead);
    case 'RecordTouchDeliveryFailure': return recordTouchDeliveryFailure(command, lead);
    case 'CompleteTouch': return completeTouch(command, lead);
    case 'MarkTouchOverdue': return markTouchOverdue(command, lead);
    case 'RaiseEarlyWarning': return raiseEarlyWarning(command, lead);
    default: return assertNever(command);
  }
}

/**
 * Checks every command on an existing lead passes first: it exists, its time is plausible, its status allows it
 * now and at the time it says it happened.
 */
function admit(command: LeadCommand, state: LeadState): RegisteredLeadState {
  const lead = requireRegistered(state);
  assertTimely(command.context, lead.registeredAt);
  assertStatusAllows(command.type, lead.status);
  assertAllowedAt(command.type, lead, command.context.occurredAt);
  return lead;
}
