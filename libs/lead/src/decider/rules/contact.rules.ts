import { LeadErrorCode } from '../../lead.errors';
import { assertNotBefore } from './guards';
import { Rule, checkOptionalTime, compact, fail, timeOf } from './values';

export const recordShowroomVisit: Rule<'RecordShowroomVisit'> = (command) => {
  const { companions } = command.data;
  if (companions !== undefined && !(Number.isInteger(companions) && companions >= 0)) {
    fail(LeadErrorCode.InvalidCompanions, 'companions must be a whole number, 0 or more', 'companions');
  }
  return [{ type: 'ShowroomVisited', data: compact({ ...command.data }) }];
};

/** A requested callback needs a time after the call, so that a touch can be planned for it. */
export const logCall: Rule<'LogCall'> = (command) => {
  const { outcome, callbackAt, durationSeconds } = command.data;
  if (outcome === 'callback_requested') {
    if (callbackAt === undefined) {
      fail(LeadErrorCode.CallbackTimeRequired, 'A requested callback needs callbackAt', 'callbackAt');
    }
    if (timeOf(callbackAt, 'callbackAt') <= timeOf(command.context.occurredAt, 'occurredAt')) {
      fail(LeadErrorCode.CallbackNotAfterCall, 'callbackAt must be after the call', 'callbackAt');
    }
  } else if (callbackAt !== undefined) {
    fail(LeadErrorCode.CallbackTimeUnexpected, 'callbackAt is only for a requested callback', 'callbackAt');
  }
  if (durationSeconds !== undefined && !(Number.isFinite(durationSeconds) && durationSeconds >= 0)) {
    fail(LeadErrorCode.InvalidDuration, 'durationSeconds must be 0 or more', 'durationSeconds');
  }
  return [{ type: 'CallLogged', data: compact({ ...command.data }) }];
};

/** An invitation (showroom, event, test drive) is marketing: without the lead's consent it is refused. */
export const sendInvitation: Rule<'SendInvitation'> = (command, lead) => {
  const { invitationId, proposedFor } = command.data;
  if (lead.invitations[invitationId]) {
    fail(LeadErrorCode.InvitationAlreadySent, `Invitation ${invitationId} was already sent`, 'invitationId');
  }
  if (!lead.marketingConsent) {
    fail(LeadErrorCode.MarketingConsentRequired, 'An invitation needs the lead\'s marketing consent', 'marketingConsent');
  }
  checkOptionalTime(proposedFor, 'proposedFor');
  return [{ type: 'InvitationSent', data: compact({ ...command.data }) }];
};

/** A lead may change the answer; once attended, the invitation is done. */
export const recordInvitationAnswer: Rule<'RecordInvitationAnswer'> = (command, lead) => {
  const { invitationId } = command.data;
  const invitation = lead.invitations[invitationId];
  if (!invitation) fail(LeadErrorCode.InvitationNotFound, `No invitation ${invitationId}`, 'invitationId');
  if (invitation.status === 'attended') {
    fail(LeadErrorCode.InvitationAlreadyAttended, `Invitation ${invitationId} was already attended`, 'invitationId');
  }
  assertNotBefore(command.context.occurredAt, invitation.sentAt, `invitation ${invitationId} was sent`);
  return [{ type: 'InvitationAnswered', data: compact({ ...command.data }) }];
};

/** Attendance counts even without an answer, or after a decline: people come anyway. */
export const recordInvitationAttendance: Rule<'RecordInvitationAttendance'> = (command, lead) => {
  const { invitationId } = command.data;
  const invitation = lead.invitations[invitationId];
  if (!invitation) fail(LeadErrorCode.InvitationNotFound, `No invitation ${invitationId}`, 'invitationId');
  if (invitation.status === 'attended') {
    fail(LeadErrorCode.InvitationAlreadyAttended, `Invitation ${invitationId} was already attended`, 'invitationId');
  }
  assertNotBefore(command.context.occurredAt, invitation.sentAt, `invitation ${invitationId} was sent`);
  return [{ type: 'InvitationAttended', data: { invitationId, kind: invitation.kind } }];
};
