import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../../http/api-responses.decorators';
import { Projection, PROJECTIONS, ProjectionStatus, ProjectionStatusReader } from '@crm/projections';
import { ApiReadModelQuery } from '../api-read-model-query.decorator';
import { ProjectionStatusView } from '../views/projection-status.view';

@ApiTags('read side')
@ApiAuthenticated()
@Controller('projections')
export class ProjectionsStatusController {
  constructor(
    private readonly status: ProjectionStatusReader,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
  ) {}

  @Get('status')
  @ApiReadModelQuery({
    summary: "Each projection's live version, checkpoint and lag (events and seconds behind the log's head)",
    type: ProjectionStatusView, isArray: true, query: false,
  })
  all(): Promise<ProjectionStatus[]> {
    return Promise.all(this.projections.map((projection) => this.status.status(projection.name)));
  }
}
