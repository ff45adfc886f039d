import { LeadErrorCode } from '../../lead.errors';
import { RegisteredLeadState, TouchState } from '../lead-state';
import { Rule, compact, fail, timeOf } from './values';

/**
 * The nurture plan's commands. They come from sagas and the dispatcher with ids derived from the event that caused
 * them, so each is idempotent: scheduling a touch that exists, cancelling one that is closed, recording a send
 * twice all record nothing.
 */
export const scheduleTouch: Rule<'ScheduleTouch'> = (command, lead) => {
  const { touchId, dueAt, marketing } = command.data;
  if (lead.touches[touchId]) return [];
  timeOf(dueAt, 'dueAt');
  if (marketing && !lead.marketingConsent) {
    fail(LeadErrorCode.MarketingConsentRequired, 'A marketing touch needs the lead\'s consent', 'marketing');
  }
  return [{ type: 'TouchScheduled', data: compact({ ...command.data }) }];
};

export const cancelTouch: Rule<'CancelTouch'> = (command, lead) => {
  const touch = knownTouch(lead, command.data.touchId);
  if (!isOpen(touch)) return [];
  return [{ type: 'TouchCancelled', data: { ...command.data } }];
};

export const recordTouchSent: Rule<'RecordTouchSent'> = (command, lead) => {
  const { touchId, via, attempt } = command.data;
  const touch = knownTouch(lead, touchId);
  if (touch.status !== 'scheduled') return [];
  return [{ type: 'TouchSent', data: { touchId, channel: touch.channel, via, attempt } }];
};

export const recordTouchDeliveryFailure: Rule<'RecordTouchDeliveryFailure'> = (command, lead) => {
  const { touchId, attempt, error, giveUp } = command.data;
  const touch = knownTouch(lead, touchId);
  if (touch.status !== 'scheduled' || attempt <= touch.attempts) return [];
  if (giveUp) return [{ type: 'TouchFailed', data: { touchId, attempts: attempt, error } }];
  return [{ type: 'TouchDeliveryFailed', data: { touchId, attempt, error } }];
};

/** Staff (or the lead's answer) complete a touch; a cancelled or failed one can no longer be completed. */
export const completeTouch: Rule<'CompleteTouch'> = (command, lead) => {
  const touch = knownTouch(lead, command.data.touchId);
  if (touch.status === 'completed') return [];
  if (!isOpen(touch)) fail(LeadErrorCode.TouchNotOpen, `Touch ${command.data.touchId} is ${touch.status}`, 'touchId');
  return [{ type: 'TouchCompleted', data: compact({ ...command.data }) }];
};

export const markTouchOverdue: Rule<'MarkTouchOverdue'> = (command, lead) => {
  const { touchId } = command.data;
  const touch = knownTouch(lead, touchId);
  if (!isOpen(touch) || touch.overdue) return [];
  return [{ type: 'TouchOverdue', data: { touchId, dueAt: touch.dueAt } }];
};

export const raiseEarlyWarning: Rule<'RaiseEarlyWarning'> = (command, lead) => {
  if (lead.warnings[command.data.warningId]) return [];
  timeOf(command.data.deadline, 'deadline');
  return [{ type: 'EarlyWarningRaised', data: compact({ ...command.data }) }];
};

const isOpen = (touch: TouchState): boolean => touch.status === 'scheduled' || touch.status === 'sent';

function knownTouch(lead: RegisteredLeadState, touchId: string): TouchState {
  const touch = lead.touches[touchId];
  if (!touch) fail(LeadErrorCode.TouchNotFound, `No touch ${touchId}`, 'touchId');
  return touch;
}
