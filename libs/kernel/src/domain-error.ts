/**
 * An error a client can act on. Each capability declares its own enum of stable codes; the API's single
 * exception filter maps `kind` to an HTTP status. Clients and tests match on `code`, never on the message.
 */
export type DomainErrorKind =
  | 'invalid' | 'not_found' | 'conflict' | 'precondition_failed' | 'forbidden' | 'unprocessable'
  /** A part the answer depends on is away or rebuilding: retry later (503). */
  | 'unavailable';

export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly kind: DomainErrorKind = 'conflict',
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
