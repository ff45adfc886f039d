import { DomainError, DomainErrorKind } from '@crm/kernel';
import { ApiErrorCode } from './api-error-code';

/** An error raised by the API layer itself; mapped by the same filter as the domain's errors. */
export class ApiError extends DomainError<ApiErrorCode> {
  constructor(code: ApiErrorCode, message: string, kind: DomainErrorKind, field?: string, details?: Record<string, unknown>) {
    super(code, message, kind, field, details);
    this.name = 'ApiError';
  }
}
