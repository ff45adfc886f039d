import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse,
  ApiOperation, ApiPreconditionFailedResponse,
} from '@nestjs/swagger';
import { ApiIdempotentCommand, ApiJsonBodyErrors } from '../http/api-responses.decorators';
import { ErrorBodyView } from '../http/error-body.view';
import { LeadCommandResult } from './lead-command.result';

export interface LeadCommandDocs {
  /** Routes under /leads/:id answer 404 for a lead that does not exist (or is another dealer's); registration does not. */
  existingLead?: boolean;
  /** Only a manager may decide: the route answers 403 to anyone else. */
  managerOnly?: boolean;
}

/** The OpenAPI description every lead command route shares: what it answers, and when. */
export function ApiLeadCommand(summary: string, { existingLead = true, managerOnly = false }: LeadCommandDocs = {}): MethodDecorator {
  const decorators = [
    ApiOperation({ summary }),
    ApiHeader({ name: 'If-Match', required: false, description: 'Expected stream revision (the ETag); 412 when stale.' }),
    ApiIdempotentCommand(),
    ApiCreatedResponse({ type: LeadCommandResult, description: 'Events appended; ETag is the new revision.' }),
    ApiOkResponse({ type: LeadCommandResult, description: 'Nothing to change; ETag is the current revision.' }),
    ApiJsonBodyErrors('VALIDATION_FAILED (the field is named), INVALID_IF_MATCH or a rule of the lead (INVALID_PHONE, BACKDATED_TOO_FAR, ...)'),
    ApiConflictResponse({ type: ErrorBodyView, description: "The lead's state refuses the command (LEAD_IS_LOST, DEAL_ALREADY_WON, ...) or PHONE_ALREADY_REGISTERED" }),
    ApiPreconditionFailedResponse({ type: ErrorBodyView, description: 'If-Match is not the current revision' }),
  ];
  if (existingLead) {
    decorators.push(
      ApiBadRequestResponse({ type: ErrorBodyView, description: 'A path id that is not a UUID (VALIDATION_FAILED naming it)' }),
      ApiNotFoundResponse({ type: ErrorBodyView, description: 'LEAD_NOT_FOUND, or an unknown sub-entity (TEST_DRIVE_NOT_FOUND, ...)' }),
    );
  }
  if (managerOnly) decorators.push(ApiForbiddenResponse({ type: ErrorBodyView, description: 'LOSS_APPROVAL_FORBIDDEN: only a manager decides' }));
  return applyDecorators(...decorators);
}
