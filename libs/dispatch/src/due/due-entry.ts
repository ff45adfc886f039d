/**
 * What the due index holds: work that falls due at a time. A touch to send, or a deadline of a time-based rule
 * to check. Everything in it is derived from the lead's stream and the dealer's settings.
 */
export const DUE_KINDS = [
  'touch', 'first_contact_late', 'going_cold', 'touch_overdue', 'follow_up_stalled', 'churn_risk',
] as const;
export type DueKind = (typeof DUE_KINDS)[number];

/** The kinds that are deadlines of a time-based rule (all but sending a touch). */
export type DeadlineKind = Exclude<DueKind, 'touch'>;

export interface DueEntry {
  /** Stable: `<kind>:<leadId>` for a lead's deadline, `<kind>:<touchId>` for a touch's. */
  id: string;
  kind: DueKind;
  leadId: string;
  dealerId: string;
  /** ISO-8601 UTC. */
  dueAt: string;
  touchId?: string;
  /** When the rule's clock started (the last interaction, the registration, the hand-off); not for touches. */
  basis?: string;
}

/** The index's entries of one lead, replacing whatever it held for the lead before. */
export interface LeadDueEntries {
  leadId: string;
  dealerId: string;
  entries: DueEntry[];
}

export const isDeadline = (entry: DueEntry): entry is DueEntry & { kind: DeadlineKind } => entry.kind !== 'touch';
