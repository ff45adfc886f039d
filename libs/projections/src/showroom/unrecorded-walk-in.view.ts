/** One count of walk-ins who left no record (未留档), as the funnel report sums them. */
export interface UnrecordedWalkInView {
  eventId: string;
  dealerId: string;
  visitors: number;
  consultantId: string | null;
  intendedModel: string | null;
  occurredAt: string;
  /** Month of occurrence, YYYY-MM. */
  period: string;
}
