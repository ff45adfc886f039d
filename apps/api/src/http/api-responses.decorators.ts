import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiHeader, ApiPayloadTooLargeResponse, ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse, ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { ErrorBodyView } from './error-body.view';

/**
 * The answers every route of a kind shares, declared once. openapi-documented-statuses.spec.ts checks that each
 * operation carries the ones its kind needs; the e2e fixture checks every answer the tests get against them.
 */

/** A controller whose every route needs a bearer token: documents the scheme and the 401 on each route. */
export function ApiAuthenticated(): ClassDecorator {
  return applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorBodyView, description: 'UNAUTHENTICATED: no bearer token, or an invalid or expired one' }),
  );
}

/** A route that reads a JSON body: the body parser answers before the route does. */
export function ApiJsonBodyErrors(badRequest: string): MethodDecorator {
  return applyDecorators(
    ApiBadRequestResponse({ type: ErrorBodyView, description: `${badRequest}; MALFORMED_JSON when the body is not a JSON object` }),
    ApiPayloadTooLargeResponse({ type: ErrorBodyView, description: 'PAYLOAD_TOO_LARGE: the body is over BODY_LIMIT' }),
    ApiUnsupportedMediaTypeResponse({ type: ErrorBodyView, description: 'MALFORMED_JSON: an unsupported charset or content encoding' }),
  );
}

/** A command route that honours Idempotency-Key (and carries the tracing headers). */
export function ApiIdempotentCommand(): MethodDecorator {
  return applyDecorators(
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body: the same answer, appended once.' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false }),
    ApiHeader({ name: 'X-Request-Id', required: false, description: "Becomes the events' causation id." }),
    ApiBadRequestResponse({ type: ErrorBodyView, description: 'INVALID_IDEMPOTENCY_KEY: not 1-200 visible ASCII characters' }),
    ApiConflictResponse({ type: ErrorBodyView, description: 'IDEMPOTENCY_REQUEST_IN_PROGRESS: a request with this Idempotency-Key is still running' }),
    ApiUnprocessableEntityResponse({ type: ErrorBodyView, description: 'IDEMPOTENCY_KEY_REUSED: this Idempotency-Key came with another body' }),
  );
}
