import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@crm/projections';
import { FunnelController } from './controllers/funnel.controller';
import { LeadListController } from './controllers/lead-list.controller';
import { ProjectionsStatusController } from './controllers/projections-status.controller';
import { ReportsController } from './controllers/reports.controller';
import { TiersController } from './controllers/tiers.controller';
import { TouchesController } from './controllers/touches.controller';
import { WarningsController } from './controllers/warnings.controller';
import { ReadSideService } from './read-side.service';

/**
 * The query side of the API (funnel, tiers, KPIs, lead lists, the staff's touches and warnings). With PROJECTIONS_IN_PROCESS (the embedded
 * default) the projections also run inside the API process; otherwise the worker runs them.
 */
@Module({
  imports: [ProjectionsModule.forRoot()],
  controllers: [
    FunnelController, TiersController, LeadListController, ReportsController, ProjectionsStatusController, TouchesController, WarningsController,
  ],
  providers: [ReadSideService],
})
export class ReadSideModule {}
