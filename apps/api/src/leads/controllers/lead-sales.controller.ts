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
import { AnalyseNeedsDto } from '../dto/needs-analysis.dto';
import { AssessPurchaseIntentDto, AssignConsultantDto, GiveQuoteDto, PresentVehicleDto, ReturnToNurturingDto } from '../dto/sales.dto';

type Reply = Promise<LeadCommandResult>;

/** The sales funnel's steps, and who owns the lead. */
@ApiTags('leads')
@ApiAuthenticated()
@Controller('leads/:id')
export class LeadSalesController extends LeadCommandControllerBase {
  @Post('needs-analysis')
  @ApiLeadCommand("Record the analysis of the lead's needs")
  analyse(@Param('id', UuidParamPipe) id: string, @Body() dto: AnalyseNeedsDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('AnalyseNeeds', dto), request);
  }

  @Post('vehicle-presentations')
  @ApiLeadCommand('Record a vehicle presentation')
  present(@Param('id', UuidParamPipe) id: string, @Body() dto: PresentVehicleDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('PresentVehicle', dto), request);
  }

  @Post('quotes')
  @ApiLeadCommand('Give a quote')
  quote(@Param('id', UuidParamPipe) id: string, @Body() dto: GiveQuoteDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('GiveQuote', dto, { quoteId: this.ids.next() }), request);
  }

  @Post('purchase-intent-assessments')
  @ApiLeadCommand('Assess the intended purchase time (sets the intent tier)')
  assess(@Param('id', UuidParamPipe) id: string, @Body() dto: AssessPurchaseIntentDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('AssessPurchaseIntent', dto), request);
  }

  @Post('consultant-assignment')
  @ApiLeadCommand('Hand the lead to a consultant')
  assign(@Param('id', UuidParamPipe) id: string, @Body() dto: AssignConsultantDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('AssignConsultant', dto, {}, true), request);
  }

  @Post('return-to-nurturing')
  @ApiLeadCommand('Return the lead to CRM nurturing')
  returnToNurturing(@Param('id', UuidParamPipe) id: string, @Body() dto: ReturnToNurturingDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('ReturnLeadToNurturing', dto, {}, true), request);
  }
}
