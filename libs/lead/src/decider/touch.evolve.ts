import { TouchEvent } from '../events/touch-events';
import { RegisteredLeadState, TouchState } from './lead-state';

/** Folds the nurture plan's events into the lead's touches and warnings. */
export function applyTouch(state: RegisteredLeadState, event: TouchEvent): RegisteredLeadState {
  if (event.type === 'EarlyWarningRaised') {
    return { ...state, warnings: { ...state.warnings, [event.data.warningId]: event.data.kind } };
  }
  const { touchId } = event.data;
  if (event.type === 'TouchScheduled') {
    const { purpose, channel, dueAt, marketing, assigneeId, content } = event.data;
    const touch: TouchState = { purpose, channel, dueAt, marketing, status: 'scheduled', overdue: false, attempts: 0 };
    if (assigneeId !== undefined) touch.assigneeId = assigneeId;
    if (content !== undefined) touch.content = content;
    return withTouch(state, touchId, touch);
  }
  const known = state.touches[touchId];
  if (!known) return state;
  switch (event.type) {
    case 'TouchCancelled': return withTouch(state, touchId, { ...known, status: 'cancelled' });
    case 'TouchSent': return withTouch(state, touchId, { ...known, status: 'sent', attempts: event.data.attempt });
    case 'TouchDeliveryFailed': return withTouch(state, touchId, { ...known, attempts: event.data.attempt });
    case 'TouchFailed': return withTouch(state, touchId, { ...known, status: 'failed', attempts: event.data.attempts });
    case 'TouchCompleted': return withTouch(state, touchId, { ...known, status: 'completed' });
    case 'TouchOverdue': return withTouch(state, touchId, { ...known, overdue: true });
  }
}

const withTouch = (state: RegisteredLeadState, touchId: string, touch: TouchState): RegisteredLeadState =>
  ({ ...state, touches: { ...state.touches, [touchId]: touch } });
