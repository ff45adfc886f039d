import { assertNever } from '@crm/kernel';
import { LeadCommand } from '../commands/lead-commands';
import { LeadEvent } from '../events/lead-events';
import { LeadState, RegisteredLeadState } from './lead-state';
import { fileComplaint, resolveComplaint } from './rules/complaint.rules';
import {
  logCall, recordInvitationAnswer, recordInvitationAttendance, recordShowroomVisit, sendInvitation,
} from './rules/contact.rules';
import { assertAllowedAt, assertStatusAllows, assertTimely, requireRegistered } from './rules/guards';
import { approveLoss, loseDeal, rejectLoss, reopenLead } from './rules/loss.rules';
import { assignConsultant, returnLeadToNurturing } from './rules/ownership.rules';
import { changeContactDetails, changeMarketingConsent, registerLead } from './rules/registration.rules';
import {
  analyseNeeds, assessPurchaseIntent, deliverVehicle, giveQuote, presentVehicle, winDeal,
} from './rules/sales.rules';
import { completeTestDrive, recordTestDriveNoShow, scheduleTestDrive } from './rules/test-drive.rules';

/**
 * Pure: what the command makes happen, given the lead's history folded into state. Time, ids and the dealer's
 * policy arrive in the command; an empty list means the command changes nothing (a safe retry).
 *
 * The state is the lead's facts folded in the order they happened (occurredAt, ties by revision; see
 * `foldLeadHistory`), not the order they were recorded. A back-dated command is decided on that state, must be
 * allowed by the status the lead had at its occurredAt, and may not be dated before the facts it follows from.
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
