import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiResponse } from '../../http/api-request';
import { ApiAuthenticated } from '../../http/api-responses.decorators';
import { ApiLeadCommand } from '../api-lead-command.decorator';
import { commandInput } from '../command-input';
import { CommandRequest, CommandRequestParam } from '../command-request';
import { CompleteTouchDto } from '../dto/touch.dto';
import { UuidParamPipe } from '../lead-id.pipe';
import { LeadCommandResult } from '../lead-command.result';
import { LeadCommandControllerBase } from './lead-command.controller.base';

/** The nurture plan's touches, as staff work through them. */
@ApiTags('leads')
@ApiAuthenticated()
@Controller('leads/:id/touches')
export class LeadTouchController extends LeadCommandControllerBase {
  @Post(':touchId/completion')
  @ApiLeadCommand('Complete a planned touch (TOUCH_NOT_FOUND, or TOUCH_NOT_OPEN once cancelled or failed; again: 200, nothing changes)')
  complete(@Param('id', UuidParamPipe) id: string, @Param('touchId', UuidParamPipe) touchId: string, @Body() dto: CompleteTouchDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Promise<LeadCommandResult> {
    return this.send(res, id, commandInput('CompleteTouch', dto, { touchId }), request);
  }
}
