/** Codes the API itself answers with (the domain's codes come from each capability's own enum). */
export enum ApiErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  MalformedJson = 'MALFORMED_JSON',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  Unauthenticated = 'UNAUTHENTICATED',
  NotFound = 'NOT_FOUND',
  InvalidIfMatch = 'INVALID_IF_MATCH',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  IdempotencyRequestInProgress = 'IDEMPOTENCY_REQUEST_IN_PROGRESS',
  InvalidIdempotencyKey = 'INVALID_IDEMPOTENCY_KEY',
  Internal = 'INTERNAL',
}
