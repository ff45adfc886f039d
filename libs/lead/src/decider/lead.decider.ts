import { assertNever } from '@crm/kernel';
import { LeadCommand } from '../commands/lead-commands';
import { LeadEvent } from '../events/lead-events';
import { LeadState, RegisteredLeadState } from './lead-state';
import { fileComplaint, resolveComplaint } from './rules/complaint.rules';
import {
  logCall, recordInvitationAnswer, recordInvitationAttendance, recordShowroomVisit, sendInvitation,
} from './rules/contact.rules';
import { assertStatusAllows, assertTimely, requireRegistered } from './rules/guards';
import { approveLoss, loseDeal, rejectLoss, reopenLead } from './rules/loss.rules';
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
 */
export function decide(command: LeadCommand, state: LeadState): LeadEvent[] {
  switch (command.type) {
    case 'RegisterLead': return registerLead(command, state);
    case 'RecordShowroomVisit': return recordShowroomVisit(command, admit(command, state));
    case 'LogCall': return logCall(command, admit(command, state));
    case 'ScheduleTestDrive': return scheduleTestDrive(command, admit(command, state));
    case 'CompleteTestDrive': return completeTestDrive(command, admit(command, state));
    case 'RecordTestDriveNoShow': return recordTestDriveNoShow(command, admit(command, state));
    case 'SendInvitation': return sendInvitation(command, admit(command, state));
    case 'RecordInvitationAnswer': return recordInvitationAnswer(command, admit(command, state));
    case 'RecordInvitationAttendance': return recordInvitationAttendance(command, admit(command, state));
    case 'AnalyseNeeds': return analyseNeeds(command, admit(command, state));
    case 'PresentVehicle': return presentVehicle(command, admit(command, state));
    case 'GiveQuote': return giveQuote(command, admit(command, state));
    case 'AssessPurchaseIntent': return assessPurchaseIntent(command, admit(command, state));
    case 'AssignConsultant': return assignConsultant(command, admit(command, state));
    case 'ReturnLeadToNurturing': return returnLeadToNurturing(command, admit(command, state));
    case 'WinDeal': return winDeal(command, admit(command, state));
    case 'DeliverVehicle': return deliverVehicle(command, admit(command, state));
    case 'LoseDeal': return loseDeal(command, admit(command, state));
    case 'ApproveLoss': return approveLoss(command, admit(command, state));
    case 'RejectLoss': return rejectLoss(command, admit(command, state));
    case 'ReopenLead': return reopenLead(command, admit(command, state));
    case 'ChangeContactDetails': return changeContactDetails(command, admit(command, state));
    case 'ChangeMarketingConsent': return changeMarketingConsent(command, admit(command, state));
    case 'FileComplaint': return fileComplaint(command, admit(command, state));
    case 'ResolveComplaint': return resolveComplaint(command, admit(command, state));
    case 'ScheduleTouch': return scheduleTouch(command, admit(command, state));
    case 'CancelTouch': return cancelTouch(command, admit(command, state));
    case 'RecordTouchSent': return recordTouchSent(command, admit(command, state));
    case 'RecordTouchDeliveryFailure': return recordTouchDeliveryFailure(command, admit(command, state));
    case 'CompleteTouch': return completeTouch(command, admit(command, state));
    case 'MarkTouchOverdue': return markTouchOverdue(command, admit(command, state));
    case 'RaiseEarlyWarning': return raiseEarlyWarning(command, admit(command, state));
    default: return assertNever(command);
  }
}

/** Checks every command on an existing lead passes first: it exists, its time is plausible, its status allows it. */
function admit(command: LeadCommand, state: LeadState): RegisteredLeadState {
  const lead = requireRegistered(state);
  assertTimely(command.context, lead.registeredAt);
  assertStatusAllows(command.type, lead.status);
  return lead;
}
