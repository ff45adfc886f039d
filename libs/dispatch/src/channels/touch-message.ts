import { NurtureChannel, TouchContent, TouchPurpose, TouchState } from '@crm/lead';

/**
 * A touch as every channel carries it (the Kafka touch schema's fields). `touchId` is the idempotency key: a
 * receiver that sees it twice (a worker died between sending and recording) treats the second as a repeat.
 */
export interface TouchMessage {
  touchId: string;
  leadId: string;
  dealerId: string;
  channel: NurtureChannel;
  purpose: TouchPurpose;
  dueAt: string;
  assigneeId?: string;
  content?: TouchContent;
}

export function touchMessage(leadId: string, dealerId: string, touchId: string, touch: TouchState): TouchMessage {
  const { channel, purpose, dueAt, assigneeId, content } = touch;
  return {
    touchId, leadId, dealerId, channel, purpose, dueAt,
    ...(assigneeId !== undefined ? { assigneeId } : {}),
    ...(content !== undefined ? { content } : {}),
  };
}
