import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@crm/kernel';
import { FunnelReport } from '@crm/projections';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { PeriodQueryDto } from '../dto/period-query.dto';
import { ReadSideService } from '../read-side.service';

@ApiTags('read side')
@ApiBearerAuth()
@Controller('funnel')
export class FunnelController {
  constructor(private readonly readSide: ReadSideService) {}

  @Get()
  @ApiOperation({ summary: "The dealer's sales funnel for the sales cycles that began in the period (a lead's first at registration, a repeat purchase when it opened; walk-ins without record: counted in it), in total and per consultant, channel and month" })
  @ApiOkResponse({ description: '{ period, total, byConsultant, byChannel, byPeriod }: each { leads, cycles, repeatPurchases, invalid, open, won, lost, leadsPerStage, conversion[], medianSecondsInStage, weightedPipeline, walkInsWithoutRecord }; counts are of cycles, invalid and duplicate ones only in `invalid`' })
  @ApiConflictResponse({ description: 'READ_MODEL_BEHIND: minPosition not reached within 2 s' })
  funnel(@CurrentActor() actor: Actor, @Query() query: PeriodQueryDto): Promise<FunnelReport> {
    return this.readSide.funnel(actor.dealerId, { from: query.from, to: query.to }, query.minPosition);
  }
}
