import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@crm/kernel';
import { KpiReport } from '@crm/projections';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { KpiReportView } from '../dto/kpi-report.view';
import { PeriodQueryDto } from '../dto/period-query.dto';
import { ReadSideService } from '../read-side.service';

@ApiTags('read side')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly readSide: ReadSideService) {}

  @Get('kpis')
  @ApiOperation({
    summary: 'Conversion per tier and channel, close rates (decided cycles; the guide\'s walk-in chain), first-response time and lost '
      + 'reasons, for the sales cycles that began in the period; leads closed as invalid or duplicate are left out of every rate',
  })
  @ApiOkResponse({ type: KpiReportView })
  @ApiConflictResponse({ description: 'READ_MODEL_BEHIND: minPosition not reached within 2 s' })
  kpis(@CurrentActor() actor: Actor, @Query() query: PeriodQueryDto): Promise<KpiReport> {
    return this.readSide.kpis(actor.dealerId, { from: query.from, to: query.to }, query.minPosition);
  }
}
