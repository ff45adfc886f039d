import { SubscriptionStoppedError, SubscriptionWaitTimeoutError } from './subscription-errors';

interface Waiter {
  position: number;
  settle(error?: Error): void;
}

/** Callers waiting for a follower of the log to reach a position: settled as it advances, failed when it stops. */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();

  /** Resolves once `reached()` reports `position` or beyond; rejects after `timeoutMs` with where it stood. */
  wait(position: number, timeoutMs: number, current: () => number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        settle: (error) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          if (error) reject(error);
          else resolve();
        },
      };
      const timer = setTimeout(() => waiter.settle(new SubscriptionWaitTimeoutError(position, current(), timeoutMs)), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  reached(position: number): void {
    for (const waiter of [...this.waiters]) if (position >= waiter.position) waiter.settle();
  }

  /** Fails every wait: the follower stopped (at `checkpoint`, because of `cause` if it failed). */
  stopped(checkpoint: number, cause?: unknown): void {
    for (const waiter of [...this.waiters]) waiter.settle(new SubscriptionStoppedError(waiter.position, checkpoint, cause));
  }
}
