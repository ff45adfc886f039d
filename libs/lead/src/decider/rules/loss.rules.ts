import { Actor } from '@crm/kernel';
import { LeadErrorCode } from '../../lead.errors';
import { PendingLossRequest, RegisteredLeadState } from '../lead-state';
import { Rule, compact, fail } from './values';

/** 战败审核: where the dealer asks for it, a consultant's loss is a request that a manager decides. */
export const loseDeal: Rule<'LoseDeal'> = (command) => {
  const { requestId, reason, competitor, note } = command.data;
  const { actor, policy } = command.context;
  if (policy.lossRequiresApproval && actor.role === 'consultant') {
    return [{ type: 'LossRequested', data: compact({ requestId, reason, competitor, note }) }];
  }
  return [{ type: 'DealLost', data: compact({ reason, competitor, note }) }];
};

export const approveLoss: Rule<'ApproveLoss'> = (command, lead) => {
  const request = decidableRequest(command.context.actor, lead, command.data.requestId);
  const { requestId, reason, competitor, note } = request;
  return [
    { type: 'LossApproved', data: compact({ requestId, note: command.data.note }) },
    { type: 'DealLost', data: compact({ reason, competitor, note, requestId }) },
  ];
};

/** A rejected loss goes back to the consultant's follow-up. */
export const rejectLoss: Rule<'RejectLoss'> = (command, lead) => {
  const { requestId } = decidableRequest(command.context.actor, lead, command.data.requestId);
  return [{ type: 'LossRejected', data: compact({ requestId, note: command.data.note }) }];
};

export const reopenLead: Rule<'ReopenLead'> = (command, lead) => {
  if (lead.status !== 'lost') fail(LeadErrorCode.LeadNotLost, 'Only a lost lead can be reopened');
  return [{ type: 'LeadReopened', data: compact({ ...command.data }) }];
};

function decidableRequest(actor: Actor, lead: RegisteredLeadState, requestId: string): PendingLossRequest {
  if (actor.role !== 'manager' && actor.role !== 'admin') {
    fail(LeadErrorCode.LossApprovalForbidden, 'Only a manager decides on a loss request');
  }
  const request = lead.pendingLossRequest;
  if (!request || request.requestId !== requestId) {
    fail(LeadErrorCode.NoLossRequest, `No pending loss request ${requestId}`, 'requestId');
  }
  return request;
}
