import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../../http/api-responses.decorators';
import { ApiResponse } from '../../http/api-request';
import { ApiLeadCommand } from '../api-lead-command.decorator';
import { commandInput } from '../command-input';
import { CommandRequest, CommandRequestParam } from '../command-request';
import { AnswerInvitationDto, RecordInvitationAttendanceDto, SendInvitationDto } from '../dto/invitation.dto';
import { LogCallDto } from '../dto/log-call.dto';
import { RecordShowroomVisitDto } from '../dto/showroom-visit.dto';
import { UuidParamPipe } from '../lead-id.pipe';
import { LeadCommandResult } from '../lead-command.result';
import { LeadCommandControllerBase } from './lead-command.controller.base';

type Reply = Promise<LeadCommandResult>;

/** Contacts with the lead: showroom visits, calls, invitations. */
@ApiTags('leads')
@ApiAuthenticated()
@Controller('leads/:id')
export class LeadContactController extends LeadCommandControllerBase {
  @Post('showroom-visits')
  @ApiLeadCommand('Record a showroom visit')
  visit(@Param('id', UuidParamPipe) id: string, @Body() dto: RecordShowroomVisitDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('RecordShowroomVisit', dto), request);
  }

  @Post('calls')
  @ApiLeadCommand('Log a call')
  logCall(@Param('id', UuidParamPipe) id: string, @Body() dto: LogCallDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('LogCall', dto), request);
  }

  @Post('invitations')
  @ApiLeadCommand('Send an invitation (showroom, event, test drive)')
  invite(@Param('id', UuidParamPipe) id: string, @Body() dto: SendInvitationDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('SendInvitation', dto, { invitationId: this.ids.next() }), request);
  }

  @Post('invitations/:invitationId/answer')
  @ApiLeadCommand("Record the lead's answer to an invitation")
  answer(@Param('id', UuidParamPipe) id: string, @Param('invitationId', UuidParamPipe) invitationId: string,
    @Body() dto: AnswerInvitationDto, @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('RecordInvitationAnswer', dto, { invitationId }), request);
  }

  @Post('invitations/:invitationId/attendance')
  @ApiLeadCommand('Record that the lead attended')
  attend(@Param('id', UuidParamPipe) id: string, @Param('invitationId', UuidParamPipe) invitationId: string,
    @Body() dto: RecordInvitationAttendanceDto, @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('RecordInvitationAttendance', dto, { invitationId }), request);
  }
}
