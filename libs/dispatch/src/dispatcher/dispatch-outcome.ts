/** What became of one claimed entry: done (removed from the index) or given back for later. */
export type DispatchOutcome =
  | { done: true; result: 'sent' | 'failed' | 'cancelled' | 'acted' | 'skipped' | 'refused' }
  | { done: false; result: 'postponed' | 'retrying'; at: Date };

export type DispatchResult = DispatchOutcome['result'];

/** One dispatchDue() round, counted by result; `lost` counts entries whose lease had gone to another worker. */
export type DispatchReport = Record<DispatchResult | 'errors' | 'lost', number> & { claimed: number };

export const emptyReport = (): DispatchReport => ({
  claimed: 0, sent: 0, failed: 0, cancelled: 0, acted: 0, skipped: 0, refused: 0, postponed: 0, retrying: 0, errors: 0, lost: 0,
});

export const done = (result: Extract<DispatchOutcome, { done: true }>['result']): DispatchOutcome => ({ done: true, result });
export const later = (result: 'postponed' | 'retrying', at: Date): DispatchOutcome => ({ done: false, result, at });
