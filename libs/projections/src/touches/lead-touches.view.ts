import { NurtureChannel, TouchContent, TouchOutcome, TouchPurpose, TouchStatus } from '@crm/lead';

/** One touch as staff see it on their to-do list. */
export interface TouchItemView {
  touchId: string;
  purpose: TouchPurpose;
  channel: NurtureChannel;
  dueAt: string;
  marketing: boolean;
  content: TouchContent | null;
  /** The agent or consultant the plan named; null: whoever holds the lead. */
  assigneeId: string | null;
  rule: string;
  status: TouchStatus;
  overdue: boolean;
  attempts: number;
  /** The channel it went out through (`tasks`: it waits on the to-do list to be done). */
  via: string | null;
  outcome: TouchOutcome | null;
}

/** A lead's touches, with what staff need to act on them (whom to call, who holds the lead). */
export interface LeadTouchesView {
  leadId: string;
  dealerId: string;
  name: string;
  phone: string;
  consultantId: string | null;
  touches: Record<string, TouchItemView>;
}
