import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, DomainErrorKind } from '@crm/kernel';
import { ApiErrorCode } from './api-error-code';

export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
}

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  precondition_failed: HttpStatus.PRECONDITION_FAILED,
  forbidden: HttpStatus.FORBIDDEN,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

const CODE_BY_HTTP_STATUS: Partial<Record<number, ApiErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ApiErrorCode.ValidationFailed,
  [HttpStatus.UNAUTHORIZED]: ApiErrorCode.Unauthenticated,
  [HttpStatus.NOT_FOUND]: ApiErrorCode.NotFound,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ApiErrorCode.PayloadTooLarge,
};

/**
 * The one mapping from a thrown value to an HTTP answer. Shared by the exception filter and the idempotency
 * interceptor, which stores 4xx answers so that a retry with the same key gets the same answer.
 */
export function toErrorResponse(exception: unknown): ErrorResponse {
  if (exception instanceof DomainError) {
    const body: ErrorBody = { code: exception.code, message: exception.message };
    if (exception.field !== undefined) body.field = exception.field;
    if (exception.details !== undefined) body.details = exception.details;
    return { status: STATUS_BY_KIND[exception.kind], body };
  }
  if (exception instanceof HttpException) return fromHttpException(exception);
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { code: ApiErrorCode.Internal, message: 'Internal error' } };
}

function fromHttpException(exception: HttpException): ErrorResponse {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (isErrorBody(response)) return { status, body: response };
  const code = CODE_BY_HTTP_STATUS[status] ?? (status >= 500 ? ApiErrorCode.Internal : `HTTP_${status}`);
  return { status, body: { code, message: exception.message } };
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ErrorBody).code === 'string'
    && typeof (value as ErrorBody).message === 'string';
}
