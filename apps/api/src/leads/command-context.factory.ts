import { Inject, Injectable } from '@nestjs/common';
import { Clock, IdGenerator } from '@crm/kernel';
import { CommandContext, LeadPolicy } from '@crm/lead';
import { CommandRequest } from './command-request';
import { LEAD_POLICY } from './lead-policy.provider';

/** The per-request facts every appended event's metadata repeats. */
export interface CommandTrace {
  correlationId: string;
  causationId: string;
  reason?: string;
  idempotencyKey?: string;
}

/** Builds what the decider is told besides the command: actor, the clock's now, occurredAt and policy. */
@Injectable()
export class CommandContextFactory {
  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    @Inject(LEAD_POLICY) private readonly policy: LeadPolicy,
  ) {}

  context(request: CommandRequest, occurredAt: string | undefined): CommandContext {
    const now = this.clock.now().toISOString();
    return { actor: request.actor, now, occurredAt: occurredAt ?? now, policy: this.policy };
  }

  trace(request: CommandRequest, reason: string | undefined): CommandTrace {
    const trace: CommandTrace = {
      correlationId: request.correlationId ?? this.ids.next(),
      causationId: request.requestId ?? this.ids.next(),
    };
    if (reason !== undefined) trace.reason = reason;
    if (request.idempotencyKey !== undefined) trace.idempotencyKey = request.idempotencyKey;
    return trace;
  }
}
