export class SubscriptionWaitTimeoutError extends Error {
  constructor(readonly position: number, readonly checkpoint: number, timeoutMs: number) {
    super(`Subscription did not reach position ${position} within ${timeoutMs} ms (checkpoint ${checkpoint})`);
    this.name = 'SubscriptionWaitTimeoutError';
  }
}

export class SubscriptionStoppedError extends Error {
  constructor(readonly position: number, readonly checkpoint: number, cause?: unknown) {
    super(`Subscription stopped at checkpoint ${checkpoint} before reaching position ${position}`, { cause });
    this.name = 'SubscriptionStoppedError';
  }
}
