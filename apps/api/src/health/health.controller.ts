import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { ApiResponse } from '../http/api-request';
import { HealthReport, HealthService } from './health.service';
import { HealthView } from './health.view';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether the stores answer, and each read model\'s state and lag (no token needed)' })
  @ApiOkResponse({ type: HealthView, description: 'Everything answers; status "degraded" while a read model is rebuilt' })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'Status "down": the event store or the read store does not answer' })
  async get(@Res({ passthrough: true }) res: ApiResponse): Promise<HealthReport> {
    const report = await this.health.report();
    if (report.status === 'down') res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
