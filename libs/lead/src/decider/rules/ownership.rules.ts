import { LeadErrorCode } from '../../lead.errors';
import { Rule, compact, fail } from './values';

/** Assigning the owner again is a no-op, so a retried hand-off records nothing twice. */
export const assignConsultant: Rule<'AssignConsultant'> = (command, lead) => {
  const { consultantId, reason } = command.data;
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
  return [{ type: 'LeadReturnedToNurturing', data: compact({ consultantId, ...command.data }) }];
};
