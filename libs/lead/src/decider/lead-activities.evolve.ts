import { LeadEvent, LeadEventType } from '../events/lead-events';
import { InvitationState, RegisteredLeadState } from './lead-state';

type EventOf<T extends LeadEventType> = Extract<LeadEvent, { type: T }>;

/** Test drives, invitations and complaints: each keeps when it started, so its follow-ups cannot be dated earlier. */
export function applyTestDrive(
  state: RegisteredLeadState,
  event: EventOf<'TestDriveScheduled' | 'TestDriveCompleted' | 'TestDriveMissed'>,
  at: string | undefined,
): RegisteredLeadState {
  const { testDriveId } = event.data;
  const known = state.testDrives[testDriveId];
  const next =
    event.type === 'TestDriveScheduled'
      ? { model: event.data.model, scheduledFor: event.data.scheduledFor, status: 'scheduled' as const, ...(at ? { bookedAt: at } : {}) }
      : {
          ...known,
          model: event.data.model,
          scheduledFor: known?.scheduledFor ?? '',
          status: event.type === 'TestDriveCompleted' ? ('completed' as const) : ('no_show' as const),
        };
  return { ...state, testDrives: { ...state.testDrives, [testDriveId]: next } };
}

export function applyInvitation(
  state: RegisteredLeadState,
  event: EventOf<'InvitationSent' | 'InvitationAnswered' | 'InvitationAttended'>,
  at: string | undefined,
): RegisteredLeadState {
  const { invitationId } = event.data;
  const next = nextInvitation(state.invitations[invitationId], event, at);
  if (!next) return state;
  return { ...state, invitations: { ...state.invitations, [invitationId]: next } };
}

function nextInvitation(
  known: InvitationState | undefined,
  event: EventOf<'InvitationSent' | 'InvitationAnswered' | 'InvitationAttended'>,
  at: string | undefined,
): InvitationState | undefined {
  switch (event.type) {
    case 'InvitationSent':
      return { kind: event.data.kind, status: 'sent', ...(at ? { sentAt: at } : {}) };
    case 'InvitationAnswered':
      return known && { ...known, status: 'answered', response: event.data.response };
    case 'InvitationAttended':
      return { ...known, kind: event.data.kind, status: 'attended' };
  }
}

export function applyComplaint(
  state: RegisteredLeadState,
  event: EventOf<'ComplaintFiled' | 'ComplaintResolved'>,
  at: string | undefined,
): RegisteredLeadState {
  const { complaintId } = event.data;
  if (event.type === 'ComplaintFiled') {
    const complaint = { category: event.data.category, ...(at ? { filedAt: at } : {}) };
    return { ...state, openComplaints: { ...state.openComplaints, [complaintId]: complaint } };
  }
  const { [complaintId]: _resolved, ...stillOpen } = state.openComplaints;
  return { ...state, openComplaints: stillOpen, resolvedComplaintIds: [...state.resolvedComplaintIds, complaintId] };
}
