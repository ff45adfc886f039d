import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@crm/kernel';
import { ApiRequest, headerValue } from '../http/api-request';
import { IdempotencyContext, idempotencyContext } from '../idempotency/idempotency-context';
import { parseIfMatch } from './if-match';

/** What a command carries from the HTTP request besides its body. */
export interface CommandRequest {
  actor: Actor;
  expectedRevision?: number;
  idempotencyKey?: string;
  idempotency?: IdempotencyContext;
  correlationId?: string;
  requestId?: string;
}

export const CommandRequestParam = createParamDecorator((_data: unknown, context: ExecutionContext): CommandRequest => {
  const request = context.switchToHttp().getRequest<ApiRequest>();
  if (!request.actor) throw new Error('CommandRequestParam used on a route without authentication');
  const idempotency = idempotencyContext(request);
  return {
    actor: request.actor,
    idempotency,
    expectedRevision: parseIfMatch(headerValue(request, 'if-match')),
    idempotencyKey: headerValue(request, 'idempotency-key'),
    correlationId: headerValue(request, 'x-correlation-id'),
    requestId: headerValue(request, 'x-request-id'),
  };
});
