import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation,
  ApiPayloadTooLargeResponse, ApiPreconditionFailedResponse, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorBodyView } from '../http/error-body.view';
import { LeadCommandResult } from './lead-command.result';

/** The request headers of any command route: idempotency and tracing. */
export function ApiCommandTraceHeaders(): MethodDecorator {
  return applyDecorators(
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body: the same answer, appended once.' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false }),
    ApiHeader({ name: 'X-Request-Id', required: false, description: "Becomes the events' causation id." }),
  );
}

/** The OpenAPI description every lead command route shares. */
export function ApiLeadCommand(summary: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiHeader({ name: 'If-Match', required: false, description: 'Expected stream revision (the ETag); 412 when stale.' }),
    ApiCommandTraceHeaders(),
    ApiCreatedResponse({ type: LeadCommandResult, description: 'Events appended; ETag is the new revision.' }),
    ApiOkResponse({ type: LeadCommandResult, description: 'Nothing to change; ETag is the current revision.' }),
    ApiBadRequestResponse({ type: ErrorBodyView, description: 'VALIDATION_FAILED, MALFORMED_JSON, INVALID_IF_MATCH or a domain rule' }),
    ApiUnauthorizedResponse({ type: ErrorBodyView, description: 'UNAUTHENTICATED' }),
    ApiNotFoundResponse({ type: ErrorBodyView, description: 'LEAD_NOT_FOUND or an unknown sub-entity' }),
    ApiConflictResponse({ type: ErrorBodyView, description: 'A domain conflict, PHONE_ALREADY_REGISTERED or IDEMPOTENCY_REQUEST_IN_PROGRESS' }),
    ApiPreconditionFailedResponse({ type: ErrorBodyView, description: 'If-Match is not the current revision' }),
    ApiPayloadTooLargeResponse({ type: ErrorBodyView, description: 'PAYLOAD_TOO_LARGE' }),
    ApiUnprocessableEntityResponse({ type: ErrorBodyView, description: 'IDEMPOTENCY_KEY_REUSED' }),
  );
}
