/** The channels a touch goes out through (the dispatcher's view; an invitation is its own channel here). */
export const TOUCH_MESSAGE_CHANNELS = ['call', 'sms', 'email', 'wechat', 'invitation'] as const;
export type TouchMessageChannel = (typeof TOUCH_MESSAGE_CHANNELS)[number];

/** A touch due to be sent: what the nurture dispatcher publishes on `lead.touches.v1`. */
export interface TouchMessage {
  /** The idempotency key: the message's CloudEvents id, so a re-send is recognised downstream. */
  touchId: string;
  leadId: string;
  dealerId: string;
  channel: TouchMessageChannel;
  /** Why, as a stable code: `nurture_call`, `after_sale_day_3`, ... */
  purpose: string;
  /** ISO 8601 time the touch is due. */
  dueAt: string;
  assigneeId?: string;
  content?: string;
  /** Traceability, as on every message: the request or event that caused this touch. */
  correlationId: string;
  causationId: string;
  /** When the dispatcher decided it (from its clock). */
  recordedAt: string;
}
