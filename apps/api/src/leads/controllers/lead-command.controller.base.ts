import { Injectable } from '@nestjs/common';
import { IdGenerator } from '@crm/kernel';
import { ApiResponse } from '../../http/api-request';
import { IdempotentExecutor } from '../../idempotency/idempotent-executor';
import { CommandRequest } from '../command-request';
import { reply, toAnswer } from '../command-reply';
import { LeadCommandHandler, LeadCommandInput } from '../lead-command.handler';
import { LeadCommandResult } from '../lead-command.result';

/** What every command controller does: hand the input to the handler (once per Idempotency-Key) and answer. */
@Injectable()
export abstract class LeadCommandControllerBase {
  constructor(
    private readonly handler: LeadCommandHandler,
    private readonly idempotency: IdempotentExecutor,
    protected readonly ids: IdGenerator,
  ) {}

  protected async send(response: ApiResponse, leadId: string, input: LeadCommandInput, request: CommandRequest): Promise<LeadCommandResult> {
    const answer = await this.idempotency.run(request.idempotency, async () => toAnswer(await this.handler.execute(leadId, input, request)));
    return reply(response, answer);
  }
}
