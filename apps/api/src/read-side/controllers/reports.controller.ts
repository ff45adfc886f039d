import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../../http/api-responses.decorators';
import { Actor } from '@crm/kernel';
import { KpiReport } from '@crm/projections';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ApiReadModelQuery } from '../api-read-model-query.decorator';
import { PeriodQueryDto } from '../dto/period-query.dto';
import { ReadSideService } from '../read-side.service';
import { KpiReportView } from '../views/kpi-report.view';

@ApiTags('read side')
@ApiAuthenticated()
@Controller('reports')
export class ReportsController {
  constructor(private readonly readSide: ReadSideService) {}

  @Get('kpis')
  @ApiReadModelQuery({
    summary: 'Conversion per tier and channel, close rates (decided cycles; the guide\'s walk-in chain), first-response time and lost '
      + 'reasons, for the sales cycles that began in the period; leads closed as invalid or duplicate are left out of every rate',
    type: KpiReportView,
  })
  kpis(@CurrentActor() actor: Actor, @Query() query: PeriodQueryDto): Promise<KpiReport> {
    return this.readSide.kpis(actor.dealerId, { from: query.from, to: query.to }, query.minPosition);
  }
}
