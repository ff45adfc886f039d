/** One caller's share of a committed batch: its own result or its own error. */
export type BatchOutcome<Result> = { ok: true; value: Result } | { ok: false; error: unknown };

/**
 * Writes a batch in one transaction and returns one outcome per request, in order. Throwing fails every request
 * of the batch with that error (the transaction as a whole did not commit).
 */
export type CommitBatch<Request, Result> = (batch: Request[]) => Promise<BatchOutcome<Result>[]> | BatchOutcome<Result>[];

interface Pending<Request, Result> {
  request: Request;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

const DEFAULT_MAX_BATCH_SIZE = 500;

/**
 * Group commit: appends submitted in the same turn of the event loop, or while a batch is being committed, are
 * handed together to `commitBatch`, so that many concurrent callers share one transaction and one fsync, while one
 * caller alone still gets a prompt commit (the next turn of the loop). One batch is in flight at a time and batches
 * keep submission order, so requests commit in the order they were submitted.
 */
export class GroupCommitter<Request, Result> {
  private queue: Pending<Request, Result>[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly commitBatch: CommitBatch<Request, Result>,
    private readonly maxBatchSize = DEFAULT_MAX_BATCH_SIZE,
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.schedule();
    });
  }

  /** Commits everything queued so far and waits for it (used before closing the connection). */
  async drain(): Promise<void> {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    while (this.inFlight || this.queue.length > 0) {
      await (this.inFlight ?? this.runNext());
    }
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = setImmediate(() => {
      this.scheduled = undefined;
      void this.runNext();
    });
  }

  private async runNext(): Promise<void> {
    const batch = this.queue.splice(0, this.maxBatchSize);
    if (batch.length === 0) return;
    const committing = this.commit(batch);
    this.inFlight = committing;
    await committing;
    this.inFlight = undefined;
    // Whatever arrived during the commit forms the next batch.
    if (this.queue.length > 0) this.schedule();
  }

  private async commit(batch: Pending<Request, Result>[]): Promise<void> {
    let outcomes: BatchOutcome<Result>[];
    try {
      outcomes = await this.commitBatch(batch.map((pending) => pending.request));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (!outcome) pending.reject(new Error('group commit returned no outcome for this append'));
      else if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }
}
