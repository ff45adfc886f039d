import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ExecuteLeadCommand } from '@crm/commands';
import { IdGenerator } from '@crm/kernel';
import { ApiResponse } from '../../http/api-request';
import { IdempotentExecutor } from '../../idempotency/idempotent-executor';
import { ApiLeadCommand } from '../command-input';
import { CommandOriginFactory } from '../command-origin.factory';
import { CommandRequest } from '../command-request';
import { reply, toAnswer } from '../command-reply';
import { LeadCommandResult } from '../lead-command.result';

/** What every command controller does: send the command on the bus (once per Idempotency-Key) and answer. */
@Injectable()
export abstract class LeadCommandControllerBase {
  constructor(
    private readonly commands: CommandBus,
    private readonly origins: CommandOriginFactory,
    private readonly idempotency: IdempotentExecutor,
    protected readonly ids: IdGenerator,
  ) {}

  protected async send(response: ApiResponse, leadId: string, input: ApiLeadCommand, request: CommandRequest): Promise<LeadCommandResult> {
    const origin = this.origins.fromRequest(request, input);
    const answer = await this.idempotency.run(request.idempotency, async () =>
      toAnswer(await this.commands.execute(new ExecuteLeadCommand(leadId, input.command, origin))));
    return reply(response, answer);
  }
}
