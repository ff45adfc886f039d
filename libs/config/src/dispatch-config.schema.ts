import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number({ invalid_type_error: 'must be a number' }).int().min(min).max(max);

/** The due index, the dispatcher and the touch channels (issue 11). */
export const dispatchSettings = {
  /** Where the due index and its leases live; default: the same kind as READ_STORE. */
  DUE_STORE: z.enum(['sqlite', 'redis']).optional(),
  TOUCH_DELIVERY: z.enum(['tasks', 'webhook', 'kafka']).default('tasks'),
  TOUCH_WEBHOOK_URL: z.string().url().optional(),
  TOUCH_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  TOUCH_WEBHOOK_TIMEOUT_MS: int(100, 60_000).default(5_000),
  /** Quick retries inside one delivery attempt (timeouts, 408, 429, 5xx). */
  TOUCH_WEBHOOK_RETRIES: int(0, 5).default(2),
  /** Delivery attempts before a touch fails for good. */
  TOUCH_MAX_ATTEMPTS: int(1, 20).default(5),
  /** Wait before the second attempt; doubled for each further one (capped at 6 hours). */
  TOUCH_RETRY_BASE_MS: int(1_000, 24 * 3_600_000).default(60_000),
  DISPATCH_LEASE_MS: int(1_000, 3_600_000).default(60_000),
  DISPATCH_BATCH_SIZE: int(1, 1_000).default(100),
  DISPATCH_CONCURRENCY: int(1, 64).default(8),
  /** How often the dispatcher looks for due work; 0 leaves it to whoever calls dispatchDue() (tests, simulator). */
  DISPATCH_INTERVAL_MS: int(0, 3_600_000).default(5_000),
};

const dispatchObject = z.object(dispatchSettings);
type DispatchInput = z.output<typeof dispatchObject> & { READ_STORE: 'sqlite' | 'redis' };

/** Settings that only make sense together; each problem names the variable to fix. */
export function dispatchProblems(env: DispatchInput): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  if (env.TOUCH_DELIVERY === 'webhook') {
    if (!env.TOUCH_WEBHOOK_URL) problems.push({ path: 'TOUCH_WEBHOOK_URL', message: 'is required when TOUCH_DELIVERY=webhook' });
    if (!env.TOUCH_WEBHOOK_SECRET) problems.push({ path: 'TOUCH_WEBHOOK_SECRET', message: 'is required when TOUCH_DELIVERY=webhook' });
    // A lease that ran out mid-send would let a second worker send the same touch at the same time.
    const longestSend = env.TOUCH_WEBHOOK_TIMEOUT_MS * (env.TOUCH_WEBHOOK_RETRIES + 1) + 1_000 * 2 ** env.TOUCH_WEBHOOK_RETRIES;
    if (env.DISPATCH_LEASE_MS <= longestSend) {
      problems.push({ path: 'DISPATCH_LEASE_MS', message: `must exceed the longest webhook send (${longestSend} ms with these timeouts and retries)` });
    }
  }
  return problems;
}

/** DUE_STORE defaults to READ_STORE: production keeps both in Redis, the embedded profile both in SQLite. */
export const dueStoreOf = (env: DispatchInput): 'sqlite' | 'redis' => env.DUE_STORE ?? env.READ_STORE;
