import { Injectable } from '@nestjs/common';
import { Clock, IdGenerator } from '@crm/kernel';
import { ApiErrorCode } from '../http/api-error-code';
import { ApiError } from '../http/api-error';
import { toErrorResponse } from '../http/error-response';
import { IdempotencyContext } from './idempotency-context';
import { IdempotencyRecovery } from './idempotency-recovery.port';
import { IdempotencyRecord, IdempotencyStore, StoredResponse } from './idempotency-store.port';

/** An in-progress claim older than this is stale even if this process made it. */
const STALE_AFTER_MS = 60_000;

/**
 * Idempotency-Key on commands: claim, handle, complete. The same key and body replay the stored answer (2xx or
 * 4xx) without appending again; another body is a 422; a claim still in progress is a 409. Only a 5xx releases
 * the claim, so that the client may retry. (A body that fails validation never reaches here: validating it
 * again gives the same 400.)
 */
@Injectable()
export class IdempotentExecutor {
  private readonly owner: string;

  constructor(
    private readonly store: IdempotencyStore,
    private readonly recovery: IdempotencyRecovery,
    private readonly clock: Clock,
    ids: IdGenerator,
  ) {
    this.owner = ids.next();
  }

  async run(context: IdempotencyContext | undefined, work: () => Promise<StoredResponse>): Promise<StoredResponse> {
    if (!context) return work();
    const replay = await this.begin(context);
    if (replay) return replay;
    let answer: StoredResponse;
    try {
      answer = await work();
    } catch (error) {
      const { status, body } = toErrorResponse(error);
      if (status < 500) await this.store.complete(context.scope, context.key, { status, body });
      else await this.store.release(context.scope, context.key);
      throw error;
    }
    await this.store.complete(context.scope, context.key, answer);
    return answer;
  }

  /** Claims the key; returns the answer to replay when the request was already handled. */
  private async begin(context: IdempotencyContext): Promise<StoredResponse | undefined> {
    const { scope, key, requestHash } = context;
    const claimedAt = this.clock.now().toISOString();
    const result = await this.store.claim({ scope, key, requestHash, owner: this.owner, claimedAt });
    if (result.claimed) return undefined;
    const existing = result.existing;
    if (existing.requestHash !== requestHash) {
      throw new ApiError(ApiErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was used with another request body', 'unprocessable', 'Idempotency-Key');
    }
    if (existing.status === 'completed' && existing.response) return { ...existing.response, replayed: true };
    if (!this.isStale(existing)) throw inProgress();
    // The claimer died: if its events were appended (they carry the key), answer as it would have.
    const recovered = await this.recovery.recover(context.recovery);
    if (recovered) {
      await this.store.complete(scope, key, recovered);
      return { ...recovered, replayed: true };
    }
    if (!(await this.store.takeOver(scope, key, existing.owner, this.owner, claimedAt))) throw inProgress();
    return undefined;
  }

  /** Another owner's claim is stale at once only when no other process can hold it (a store of this process alone). */
  private isStale(record: IdempotencyRecord): boolean {
    if (record.owner !== this.owner && !this.store.shared) return true;
    return this.clock.now().getTime() - Date.parse(record.claimedAt) > STALE_AFTER_MS;
  }
}

const inProgress = (): ApiError =>
  new ApiError(ApiErrorCode.IdempotencyRequestInProgress, 'A request with this Idempotency-Key is still in progress', 'conflict', 'Idempotency-Key');
