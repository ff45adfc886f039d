import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../../http/api-responses.decorators';
import { ApiResponse } from '../../http/api-request';
import { ApiLeadCommand } from '../api-lead-command.decorator';
import { CommandRequest, CommandRequestParam } from '../command-request';
import { RegisterLeadDto } from '../dto/register-lead.dto';
import { LeadCommandControllerBase } from './lead-command.controller.base';
import { LeadCommandResult } from '../lead-command.result';
import { registerLeadInput } from '../register-lead.mapper';
import { idempotentLeadId } from '../idempotent-lead-id';

@ApiTags('leads')
@ApiAuthenticated()
@Controller('leads')
export class LeadRegistrationController extends LeadCommandControllerBase {
  @Post()
  @ApiLeadCommand('Register a lead (409 PHONE_ALREADY_REGISTERED when the dealer already has this number)', { existingLead: false })
  async register(
    @Body() dto: RegisterLeadDto,
    @CommandRequestParam() request: CommandRequest,
    @Res({ passthrough: true }) response: ApiResponse,
  ): Promise<LeadCommandResult> {
    const derived = request.idempotencyKey === undefined ? undefined : idempotentLeadId(request.actor, request.idempotencyKey);
    const leadId = dto.leadId ?? derived ?? this.ids.next();
    return this.send(response, leadId, registerLeadInput(leadId, dto, request.actor), request);
  }
}
