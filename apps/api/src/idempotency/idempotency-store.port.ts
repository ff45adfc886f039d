/** A response kept so that a retry with the same key gets the same answer. */
export interface StoredResponse {
  status: number;
  body: unknown;
  etag?: string;
  /** Set on an answer that was replayed rather than produced now; never stored. */
  replayed?: boolean;
}

export interface IdempotencyRecord {
  scope: string;
  key: string;
  requestHash: string;
  status: 'in_progress' | 'completed';
  response?: StoredResponse;
  /** The process instance that claimed the key; another instance's in-progress claim is stale. */
  owner: string;
  claimedAt: string;
}

export type ClaimResult = { claimed: true } | { claimed: false; existing: IdempotencyRecord };

/**
 * Remembers Idempotency-Keys: claim before handling, complete with the response after. The key is scoped by
 * dealer, actor, method and path, so two clients never collide.
 */
export abstract class IdempotencyStore {
  /**
   * Whether other live processes share these keys. When they do not, a claim of another owner was left by an
   * earlier, dead process; when they do, it may be a request still running on another API process.
   */
  abstract readonly shared: boolean;
  abstract claim(record: Omit<IdempotencyRecord, 'status' | 'response'>): Promise<ClaimResult>;
  /** Moves a stale in-progress claim to a new owner; false when someone else did first. */
  abstract takeOver(scope: string, key: string, previousOwner: string, owner: string, claimedAt: string): Promise<boolean>;
  abstract complete(scope: string, key: string, response: StoredResponse): Promise<void>;
  /** Forgets an in-progress claim (after a 5xx) so that the client may retry. */
  abstract release(scope: string, key: string): Promise<void>;
  /** Forgets completed keys claimed before the given time; in-progress claims stay. Returns how many went. */
  abstract forgetCompletedBefore(claimedBefore: string): Promise<number>;
  abstract close(): Promise<void>;
}
