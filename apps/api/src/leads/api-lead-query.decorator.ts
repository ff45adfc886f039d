import { applyDecorators, Type } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ErrorBodyView } from '../http/error-body.view';

/** The OpenAPI description every read of one lead's stream shares: what it answers, and when. */
export function ApiLeadQuery(summary: string, type: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiOkResponse({ type }),
    ApiBadRequestResponse({ type: ErrorBodyView, description: 'VALIDATION_FAILED: the id is not a UUID, or a query parameter is invalid' }),
    ApiNotFoundResponse({ type: ErrorBodyView, description: "LEAD_NOT_FOUND: no such lead, or another dealer's" }),
  );
}
