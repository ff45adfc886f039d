import { LeadErrorCode } from '../../lead.errors';
import { assertNotBefore } from './guards';
import { Rule, compact, fail } from './values';

/**
 * Assigning the owner again is a no-op, so a retried hand-off records nothing twice. An automatic hand-off (with a
 * `handoffId`) applies once, and only to a lead nobody owns: whoever took the lead meanwhile keeps it.
 */
export const assignConsultant: Rule<'AssignConsultant'> = (command, lead) => {
  const { consultantId, reason, handoffId } = command.data;
  assertNotBefore(command.context.occurredAt, lead.lastChanges.consultant, 'the last change of consultant');
  if (consultantId === lead.consultantId) return [];
  if (handoffId !== undefined && (lead.handoffIds?.[handoffId] !== undefined || lead.consultantId !== undefined)) return [];
  return [
    { type: 'ConsultantAssigned', data: compact({ consultantId, reason, previousConsultantId: lead.consultantId, handoffId }) },
  ];
};

export const returnLeadToNurturing: Rule<'ReturnLeadToNurturing'> = (command, lead) => {
  const { consultantId } = lead;
  if (consultantId === undefined) {
    fail(LeadErrorCode.NoConsultantAssigned, 'The lead has no consultant to return it from');
  }
  assertNotBefore(command.context.occurredAt, lead.lastChanges.consultant, 'the last change of consultant');
  return [{ type: 'LeadReturnedToNurturing', data: compact({ consultantId, ...command.data }) }];
};
