import { Injectable } from '@nestjs/common';
import { CommandOrigin } from '@crm/commands';
import { IdGenerator } from '@crm/kernel';
import { CommandRequest } from './command-request';

/** What a request says about a command's origin: the actor, the trace headers, If-Match, back-dating and why. */
@Injectable()
export class CommandOriginFactory {
  constructor(private readonly ids: IdGenerator) {}

  fromRequest(request: CommandRequest, facts: { occurredAt?: string; reason?: string } = {}): CommandOrigin {
    const origin: CommandOrigin = {
      actor: request.actor,
      source: 'api',
      correlationId: request.correlationId ?? this.ids.next(),
      causationId: request.requestId ?? this.ids.next(),
    };
    if (facts.occurredAt !== undefined) origin.occurredAt = facts.occurredAt;
    if (facts.reason !== undefined) origin.reason = facts.reason;
    if (request.idempotencyKey !== undefined) origin.idempotencyKey = request.idempotencyKey;
    if (request.expectedRevision !== undefined) origin.expectedRevision = request.expectedRevision;
    return origin;
  }
}
