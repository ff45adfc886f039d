import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Projection, PROJECTIONS, ProjectionStatus, ProjectionStatusReader } from '@crm/projections';

@ApiTags('read side')
@ApiBearerAuth()
@Controller('projections')
export class ProjectionsStatusController {
  constructor(
    private readonly status: ProjectionStatusReader,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
  ) {}

  @Get('status')
  @ApiOperation({ summary: "Each projection's live version, checkpoint and lag (events and seconds behind the log's head)" })
  @ApiOkResponse({ description: '[{ name, liveVersion, checkpoint, headPosition, eventsBehind, secondsBehind }]' })
  all(): Promise<ProjectionStatus[]> {
    return Promise.all(this.projections.map((projection) => this.status.status(projection.name)));
  }
}
