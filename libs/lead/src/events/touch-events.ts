import {
  NurtureChannel, TouchCancelReason, TouchContent, TouchOutcome, TouchPurpose, WarningKind,
} from './touch-vocabulary';

type Event<Type extends string, Data> = { type: Type; data: Data };

/**
 * A touch planned for the lead. `rule` names the cadence rule that planned it, so an auditor sees why; `marketing`
 * touches need the lead's consent; `assigneeId` is the consultant or agent who owns it, when someone does.
 */
export type TouchScheduled = Event<'TouchScheduled', {
  touchId: string;
  purpose: TouchPurpose;
  channel: NurtureChannel;
  dueAt: string;
  marketing: boolean;
  rule: string;
  content?: TouchContent;
  assigneeId?: string;
}>;
export type TouchCancelled = Event<'TouchCancelled', { touchId: string; reason: TouchCancelReason }>;
/** Handed to the channel (the touch id is the channel's idempotency key). */
export type TouchSent = Event<'TouchSent', { touchId: string; channel: NurtureChannel; via: string; attempt: number }>;
/** One delivery attempt failed; the dispatcher tries again later. */
export type TouchDeliveryFailed = Event<'TouchDeliveryFailed', { touchId: string; attempt: number; error: string }>;
/** The dispatcher gave up on the touch. */
export type TouchFailed = Event<'TouchFailed', { touchId: string; attempts: number; error: string }>;
export type TouchCompleted = Event<'TouchCompleted', { touchId: string; outcome: TouchOutcome; note?: string }>;
/** Not completed `days` after it was due (the touch stays open). */
export type TouchOverdue = Event<'TouchOverdue', { touchId: string; dueAt: string }>;
export type EarlyWarningRaised = Event<'EarlyWarningRaised', {
  warningId: string;
  kind: WarningKind;
  /** The moment the rule was broken (a deadline), so the warning can be dated and not repeated. */
  deadline: string;
  touchId?: string;
  detail?: string;
}>;

export type TouchEvent =
  | TouchScheduled | TouchCancelled | TouchSent | TouchDeliveryFailed | TouchFailed | TouchCompleted | TouchOverdue
  | EarlyWarningRaised;
