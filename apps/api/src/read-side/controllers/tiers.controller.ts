import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@crm/kernel';
import { MigrationMatrix, TierReport } from '@crm/projections';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { MigrationMatrixView } from '../dto/migration-matrix.view';
import { MigrationsQueryDto, PeriodQueryDto } from '../dto/period-query.dto';
import { ReadSideService } from '../read-side.service';

@ApiTags('read side')
@ApiBearerAuth()
@Controller('tiers')
export class TiersController {
  constructor(private readonly readSide: ReadSideService) {}

  @Get()
  @ApiOperation({ summary: 'Leads per intent tier, temperature, value tier and lifecycle category (at_risk judged now)' })
  @ApiOkResponse({ description: '{ leads, byTier, byTemperature, byValueTier, byLifecycle }' })
  @ApiConflictResponse({ description: 'READ_MODEL_BEHIND: minPosition not reached within 2 s' })
  tiers(@CurrentActor() actor: Actor, @Query() query: PeriodQueryDto): Promise<TierReport> {
    return this.readSide.tiers(actor.dealerId, { from: query.from, to: query.to }, query.minPosition);
  }

  @Get('migrations')
  @ApiOperation({ summary: 'The tier migration matrix: tier changes from each tier to each other within [from, to)' })
  @ApiOkResponse({ type: MigrationMatrixView })
  migrations(@CurrentActor() actor: Actor, @Query() query: MigrationsQueryDto): Promise<MigrationMatrix> {
    return this.readSide.migrations(actor.dealerId, { from: query.from, to: query.to }, query.minPosition);
  }
}
