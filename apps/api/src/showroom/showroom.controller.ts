import { Body, Controller, HttpStatus, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import { CountUnrecordedWalkInCommand } from '@crm/commands';
import { CountUnrecordedWalkIn } from '@crm/lead';
import { ErrorBodyView } from '../http/error-body.view';
import { ApiResponse } from '../http/api-request';
import { IdempotentExecutor } from '../idempotency/idempotent-executor';
import { ApiCommandTraceHeaders } from '../leads/api-lead-command.decorator';
import { timedInput } from '../leads/command-input';
import { reply } from '../leads/command-reply';
import { CommandRequest, CommandRequestParam } from '../leads/command-request';
import { CountUnrecordedWalkInDto } from './dto/count-unrecorded-walk-in.dto';
import { CommandOriginFactory } from '../leads/command-origin.factory';
import { ShowroomCommandResult } from './showroom-command.result';

/** The sales floor's own records, outside any lead: the door count of walk-ins who left no record (未留档). */
@ApiTags('showroom')
@ApiBearerAuth()
@Controller('showroom')
export class ShowroomController {
  constructor(
    private readonly commands: CommandBus,
    private readonly origins: CommandOriginFactory,
    private readonly idempotency: IdempotentExecutor,
  ) {}

  @Post('unrecorded-walk-ins')
  @ApiOperation({ summary: "Count walk-ins who left without giving their details (the caller's dealer)" })
  @ApiCommandTraceHeaders()
  @ApiCreatedResponse({ type: ShowroomCommandResult, description: 'Counted; `position` is for GET /funnel?minPosition=' })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'VALIDATION_FAILED, MALFORMED_JSON, INVALID_VISITOR_COUNT, OCCURRED_IN_FUTURE or BACKDATED_TOO_FAR' })
  @ApiUnauthorizedResponse({ type: ErrorBodyView, description: 'UNAUTHENTICATED' })
  @ApiConflictResponse({ type: ErrorBodyView, description: 'IDEMPOTENCY_REQUEST_IN_PROGRESS' })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyView, description: 'IDEMPOTENCY_KEY_REUSED' })
  async countUnrecordedWalkIn(@Body() dto: CountUnrecordedWalkInDto, @CommandRequestParam() request: CommandRequest,
    @Res({ passthrough: true }) res: ApiResponse): Promise<ShowroomCommandResult> {
    const { data, ...facts } = timedInput<CountUnrecordedWalkIn['data']>(dto);
    const origin = this.origins.fromRequest(request, facts);
    const answer = await this.idempotency.run(request.idempotency, async () => {
      const { position, events } = await this.commands.execute(new CountUnrecordedWalkInCommand(data, origin));
      return { status: HttpStatus.CREATED, body: { position, events } };
    });
    return reply<ShowroomCommandResult>(res, answer);
  }
}
