export interface RetryPolicy {
  /** Attempts before a touch fails for good (TouchFailed). */
  maxAttempts: number;
  /** Wait after the first failed attempt; doubled after each further one. */
  baseMs: number;
  maxMs: number;
}

/** When the next attempt may be made after `attempt` failed. */
export function nextAttemptAt(now: Date, attempt: number, policy: RetryPolicy): Date {
  const wait = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return new Date(now.getTime() + wait);
}
