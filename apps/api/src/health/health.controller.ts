import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { ApiResponse } from '../http/api-request';
import { HealthReport, HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: '{ status: "ok" | "degraded", eventStore, readStore, projections: [{ name, state, eventsBehind, secondsBehind }] }; degraded while a read model is rebuilt' })
  @ApiServiceUnavailableResponse({ description: 'The same body with status "down": the event store or the read store does not answer' })
  async get(@Res({ passthrough: true }) res: ApiResponse): Promise<HealthReport> {
    const report = await this.health.report();
    if (report.status === 'down') res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
