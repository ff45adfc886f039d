import { Body, Controller, HttpStatus, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CountUnrecordedWalkInCommand } from '@crm/commands';
import { CountUnrecordedWalkIn } from '@crm/lead';
import { ApiAuthenticated, ApiIdempotentCommand, ApiJsonBodyErrors } from '../http/api-responses.decorators';
import { ApiResponse } from '../http/api-request';
import { IdempotentExecutor } from '../idempotency/idempotent-executor';
import { timedInput } from '../leads/command-input';
import { reply } from '../leads/command-reply';
import { CommandRequest, CommandRequestParam } from '../leads/command-request';
import { CountUnrecordedWalkInDto } from './dto/count-unrecorded-walk-in.dto';
import { CommandOriginFactory } from '../leads/command-origin.factory';
import { ShowroomCommandResult } from './showroom-command.result';

/** The sales floor's own records, outside any lead: the door count of walk-ins who left no record (未留档). */
@ApiTags('showroom')
@ApiAuthenticated()
@Controller('showroom')
export class ShowroomController {
  constructor(
    private readonly commands: CommandBus,
    private readonly origins: CommandOriginFactory,
    private readonly idempotency: IdempotentExecutor,
  ) {}

  @Post('unrecorded-walk-ins')
  @ApiOperation({ summary: "Count walk-ins who left without giving their details (the caller's dealer)" })
  @ApiIdempotentCommand()
  @ApiCreatedResponse({ type: ShowroomCommandResult, description: 'Counted; `position` is for GET /funnel?minPosition=' })
  @ApiJsonBodyErrors('VALIDATION_FAILED, INVALID_IF_MATCH, INVALID_VISITOR_COUNT, OCCURRED_IN_FUTURE or BACKDATED_TOO_FAR')
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
