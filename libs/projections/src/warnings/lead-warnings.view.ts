import { WarningKind } from '@crm/lead';

export interface WarningItemView {
  warningId: string;
  kind: WarningKind;
  /** When the rule was broken. */
  deadline: string;
  /** When the warning was raised (the event's occurrence). */
  raisedAt: string;
  touchId: string | null;
  detail: string | null;
}

/** A lead's early warnings, with its name for the list. */
export interface LeadWarningsView {
  leadId: string;
  dealerId: string;
  name: string;
  consultantId: string | null;
  warnings: Record<string, WarningItemView>;
}
