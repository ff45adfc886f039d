import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../../http/api-responses.decorators';
import { ApiResponse } from '../../http/api-request';
import { ApiLeadCommand } from '../api-lead-command.decorator';
import { commandInput } from '../command-input';
import { CommandRequest, CommandRequestParam } from '../command-request';
import { UuidParamPipe } from '../lead-id.pipe';
import { LeadCommandResult } from '../lead-command.result';
import { LeadCommandControllerBase } from './lead-command.controller.base';
import { DeliverVehicleDto, LoseDealDto, LossDecisionDto, ReopenLeadDto, WinDealDto } from '../dto/deal.dto';

type Reply = Promise<LeadCommandResult>;

/** How the deal ends: won and delivered, or lost (with the manager's approval where the policy asks), or reopened. */
@ApiTags('leads')
@ApiAuthenticated()
@Controller('leads/:id')
export class LeadOutcomeController extends LeadCommandControllerBase {
  @Post('win')
  @ApiLeadCommand('Win the deal')
  win(@Param('id', UuidParamPipe) id: string, @Body() dto: WinDealDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('WinDeal', dto), request);
  }

  @Post('delivery')
  @ApiLeadCommand('Deliver the vehicle')
  deliver(@Param('id', UuidParamPipe) id: string, @Body() dto: DeliverVehicleDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('DeliverVehicle', dto), request);
  }

  @Post('loss')
  @ApiLeadCommand('Lose the deal, or request approval of the loss where the policy asks for it')
  lose(@Param('id', UuidParamPipe) id: string, @Body() dto: LoseDealDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('LoseDeal', dto, { requestId: this.ids.next() }, true), request);
  }

  @Post('loss/:requestId/approval')
  @ApiLeadCommand('Approve a requested loss', { managerOnly: true })
  approve(@Param('id', UuidParamPipe) id: string, @Param('requestId', UuidParamPipe) requestId: string,
    @Body() dto: LossDecisionDto, @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('ApproveLoss', dto, { requestId }), request);
  }

  @Post('loss/:requestId/rejection')
  @ApiLeadCommand('Reject a requested loss (the lead goes back to follow-up)', { managerOnly: true })
  reject(@Param('id', UuidParamPipe) id: string, @Param('requestId', UuidParamPipe) requestId: string,
    @Body() dto: LossDecisionDto, @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('RejectLoss', dto, { requestId }), request);
  }

  @Post('reopen')
  @ApiLeadCommand('Reopen a lost lead')
  reopen(@Param('id', UuidParamPipe) id: string, @Body() dto: ReopenLeadDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('ReopenLead', dto), request);
  }
}
