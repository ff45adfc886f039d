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
import { ChangeContactDetailsDto, ChangeMarketingConsentDto, FileComplaintDto, ResolveComplaintDto } from '../dto/care.dto';

type Reply = Promise<LeadCommandResult>;

/** The customer's data and care: contact details, consent, complaints. */
@ApiTags('leads')
@ApiAuthenticated()
@Controller('leads/:id')
export class LeadCareController extends LeadCommandControllerBase {
  @Post('contact-details')
  @ApiLeadCommand('Change contact details (a new phone number is reserved: 409 when another lead has it)')
  changeContact(@Param('id', UuidParamPipe) id: string, @Body() dto: ChangeContactDetailsDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('ChangeContactDetails', dto), request);
  }

  @Post('marketing-consent')
  @ApiLeadCommand('Give or withdraw marketing consent')
  consent(@Param('id', UuidParamPipe) id: string, @Body() dto: ChangeMarketingConsentDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('ChangeMarketingConsent', dto), request);
  }

  @Post('complaints')
  @ApiLeadCommand('File a complaint')
  complain(@Param('id', UuidParamPipe) id: string, @Body() dto: FileComplaintDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('FileComplaint', dto, { complaintId: this.ids.next() }), request);
  }

  @Post('complaints/:complaintId/resolution')
  @ApiLeadCommand('Resolve a complaint')
  resolve(@Param('id', UuidParamPipe) id: string, @Param('complaintId', UuidParamPipe) complaintId: string,
    @Body() dto: ResolveComplaintDto, @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('ResolveComplaint', dto, { complaintId }), request);
  }
}
