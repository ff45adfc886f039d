import { LeadErrorCode } from '../../lead.errors';
import { assertNotBefore } from './guards';
import { Rule, fail } from './values';

export const fileComplaint: Rule<'FileComplaint'> = (command, lead) => {
  const { complaintId } = command.data;
  if (lead.openComplaints[complaintId] !== undefined || lead.resolvedComplaintIds.includes(complaintId)) {
    fail(LeadErrorCode.ComplaintAlreadyFiled, `Complaint ${complaintId} was already filed`, 'complaintId');
  }
  return [{ type: 'ComplaintFiled', data: { ...command.data } }];
};

/** Resolving records the cause and the remedy (domain.md: follow up until resolved; record the cause). */
export const resolveComplaint: Rule<'ResolveComplaint'> = (command, lead) => {
  const { complaintId } = command.data;
  if (lead.resolvedComplaintIds.includes(complaintId)) {
    fail(LeadErrorCode.ComplaintAlreadyResolved, `Complaint ${complaintId} is already resolved`, 'complaintId');
  }
  const complaint = lead.openComplaints[complaintId];
  if (complaint === undefined) fail(LeadErrorCode.ComplaintNotFound, `No complaint ${complaintId}`, 'complaintId');
  assertNotBefore(command.context.occurredAt, complaint.filedAt, `complaint ${complaintId} was filed`);
  return [{ type: 'ComplaintResolved', data: { ...command.data } }];
};
