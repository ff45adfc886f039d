import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import { ErrorBodyView } from '../http/error-body.view';

export interface ReadModelQueryDocs {
  summary: string;
  /** The answer's schema; `isArray` for a list of it. */
  type: Type<unknown>;
  isArray?: boolean;
  /** Takes query parameters (period, filters, minPosition): 400 for a bad one, 409 when minPosition is not reached. */
  query?: boolean;
}

/** The OpenAPI description every read-side query shares: what it answers, and when. */
export function ApiReadModelQuery({ summary, type, isArray = false, query = true }: ReadModelQueryDocs): MethodDecorator {
  const decorators = [
    ApiOperation({ summary }),
    ApiOkResponse({ type, isArray }),
    ApiServiceUnavailableResponse({
      type: ErrorBodyView,
      description: 'READ_MODEL_REBUILDING (a rebuild is switching versions) or READ_STORE_UNAVAILABLE: retry after Retry-After seconds',
      headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } },
    }),
  ];
  if (query) {
    decorators.push(
      ApiBadRequestResponse({ type: ErrorBodyView, description: 'VALIDATION_FAILED naming the parameter, or READ_SIDE_INVALID_PERIOD' }),
      ApiConflictResponse({ type: ErrorBodyView, description: 'READ_MODEL_BEHIND: minPosition not reached within 2 s (the write did happen; retry)' }),
    );
  }
  return applyDecorators(...decorators);
}
