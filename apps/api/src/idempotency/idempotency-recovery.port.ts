import { Actor } from '@crm/kernel';
import { StoredResponse } from './idempotency-store.port';

export interface RecoveryRequest {
  path: string;
  params: Record<string, string | undefined>;
  body: unknown;
  actor: Actor;
  key: string;
}

/**
 * Finds the answer to a request whose events were appended but whose completion was never written (a crash
 * between the two): the capability that appends knows where its events carry the key.
 */
export abstract class IdempotencyRecovery {
  abstract recover(request: RecoveryRequest): Promise<StoredResponse | undefined>;
}
