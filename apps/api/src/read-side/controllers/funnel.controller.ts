import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../../http/api-responses.decorators';
import { Actor } from '@crm/kernel';
import { FunnelReport } from '@crm/projections';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ApiReadModelQuery } from '../api-read-model-query.decorator';
import { PeriodQueryDto } from '../dto/period-query.dto';
import { ReadSideService } from '../read-side.service';
import { FunnelReportView } from '../views/funnel-report.view';

@ApiTags('read side')
@ApiAuthenticated()
@Controller('funnel')
export class FunnelController {
  constructor(private readonly readSide: ReadSideService) {}

  @Get()
  @ApiReadModelQuery({
    summary: "The dealer's sales funnel for the sales cycles that began in the period (a lead's first at registration, a repeat "
      + 'purchase when it opened; walk-ins without record: counted in it), in total and per consultant, channel and month; '
      + 'counts are of cycles, invalid and duplicate ones only in `invalid`',
    type: FunnelReportView,
  })
  funnel(@CurrentActor() actor: Actor, @Query() query: PeriodQueryDto): Promise<FunnelReport> {
    return this.readSide.funnel(actor.dealerId, { from: query.from, to: query.to }, query.minPosition);
  }
}
