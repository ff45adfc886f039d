import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../../http/api-responses.decorators';
import { ApiResponse } from '../../http/api-request';
import { ApiLeadCommand } from '../api-lead-command.decorator';
import { commandInput } from '../command-input';
import { CommandRequest, CommandRequestParam } from '../command-request';
import { CompleteTestDriveDto, RecordTestDriveNoShowDto, ScheduleTestDriveDto } from '../dto/test-drive.dto';
import { UuidParamPipe } from '../lead-id.pipe';
import { LeadCommandResult } from '../lead-command.result';
import { LeadCommandControllerBase } from './lead-command.controller.base';

type Reply = Promise<LeadCommandResult>;

@ApiTags('leads')
@ApiAuthenticated()
@Controller('leads/:id/test-drives')
export class LeadTestDriveController extends LeadCommandControllerBase {
  @Post()
  @ApiLeadCommand('Schedule a test drive')
  schedule(@Param('id', UuidParamPipe) id: string, @Body() dto: ScheduleTestDriveDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('ScheduleTestDrive', dto, { testDriveId: this.ids.next() }), request);
  }

  @Post(':testDriveId/completion')
  @ApiLeadCommand('Complete a test drive')
  complete(@Param('id', UuidParamPipe) id: string, @Param('testDriveId', UuidParamPipe) testDriveId: string,
    @Body() dto: CompleteTestDriveDto, @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('CompleteTestDrive', dto, { testDriveId }), request);
  }

  @Post(':testDriveId/no-show')
  @ApiLeadCommand('Record that the lead missed a test drive')
  noShow(@Param('id', UuidParamPipe) id: string, @Param('testDriveId', UuidParamPipe) testDriveId: string,
    @Body() dto: RecordTestDriveNoShowDto, @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Reply {
    return this.send(res, id, commandInput('RecordTestDriveNoShow', dto, { testDriveId }), request);
  }
}
