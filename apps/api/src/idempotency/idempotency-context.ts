import { ApiErrorCode } from '../http/api-error-code';
import { ApiError } from '../http/api-error';
import { ApiRequest, headerValue } from '../http/api-request';
import { RecoveryRequest } from './idempotency-recovery.port';
import { requestHash } from './request-hash';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** What the Idempotency-Key of one request is checked against: its scope and the hash of its body. */
export interface IdempotencyContext {
  key: string;
  /** dealer | actor | method | path: two clients never share a key. */
  scope: string;
  requestHash: string;
  recovery: RecoveryRequest;
}

/** Undefined without the header; a 400 when the key is not 1-200 visible ASCII characters. */
export function idempotencyContext(request: ApiRequest): IdempotencyContext | undefined {
  const key = headerValue(request, 'idempotency-key');
  const actor = request.actor;
  if (key === undefined || !actor) return undefined;
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError(ApiErrorCode.InvalidIdempotencyKey, 'Idempotency-Key must be 1-200 visible ASCII characters', 'invalid', 'Idempotency-Key');
  }
  return {
    key,
    scope: `${actor.dealerId}|${actor.id}|${request.method ?? 'POST'}|${request.path}`,
    requestHash: requestHash(request.body ?? null),
    recovery: { path: request.path, params: { ...request.params }, body: request.body, actor, key },
  };
}
