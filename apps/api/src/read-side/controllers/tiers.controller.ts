import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../../http/api-responses.decorators';
import { Actor } from '@crm/kernel';
import { MigrationMatrix, TierReport } from '@crm/projections';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ApiReadModelQuery } from '../api-read-model-query.decorator';
import { MigrationsQueryDto, PeriodQueryDto } from '../dto/period-query.dto';
import { ReadSideService } from '../read-side.service';
import { MigrationMatrixView, TierReportView } from '../views/tier-report.view';

@ApiTags('read side')
@ApiAuthenticated()
@Controller('tiers')
export class TiersController {
  constructor(private readonly readSide: ReadSideService) {}

  @Get()
  @ApiReadModelQuery({ summary: 'Leads per intent tier, temperature, value tier and lifecycle category (at_risk judged now)', type: TierReportView })
  tiers(@CurrentActor() actor: Actor, @Query() query: PeriodQueryDto): Promise<TierReport> {
    return this.readSide.tiers(actor.dealerId, { from: query.from, to: query.to }, query.minPosition);
  }

  @Get('migrations')
  @ApiReadModelQuery({ summary: 'The tier migration matrix: tier changes from each tier to each other within [from, to)', type: MigrationMatrixView })
  migrations(@CurrentActor() actor: Actor, @Query() query: MigrationsQueryDto): Promise<MigrationMatrix> {
    return this.readSide.migrations(actor.dealerId, { from: query.from, to: query.to }, query.minPosition);
  }
}
