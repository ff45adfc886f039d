import { LeadErrorCode } from '../../lead.errors';
import { assertNotBefore } from './guards';
import { Rule, compact, fail } from './values';

/** Assigning the owner again is a no-op, so a retried hand-off records nothing twice. */
export const assignConsultant: Rule<'AssignConsultant'> = (command, lead) => {
  const { consultantId, reason } = command.data;
  assertNotBefore(command.context.occurredAt, lead.lastChanges.consultant, 'the last change of consultant');
  if (consultantId === lead.consultantId) return [];
  return [
    { type: 'ConsultantAssigned', data: compact({ consultantId, reason, previousConsultantId: lead.consultantId }) },
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
