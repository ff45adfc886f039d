import { DynamicModule, Global, Module } from '@nestjs/common';
import { join } from 'node:path';
import { CommandsModule } from '@crm/commands';
import { APP_CONFIG, AppConfig } from '@crm/config';
import { EventStoreModule } from '@crm/event-store';
import { KernelPortsModule } from '@crm/kernel/nest';
import { NurtureModule } from '@crm/nurture/nest';
import { ProjectionsModule } from '@crm/projections';

/** The API's event store file in DATA_DIR (apps/api/src/app.module.ts, EVENT_STORE_FILE). */
export const EVENT_STORE_FILE = 'events.sqlite';

@Global()
@Module({})
class WorkerConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerConfigModule, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

/**
 * The production worker: runs the projections and the nurture saga outside the API process (PROJECTIONS_IN_PROCESS=false
 * there). The saga sends its commands on this process's own CommandBus.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        WorkerConfigModule.forRoot(config),
        KernelPortsModule.forRoot(),
        EventStoreModule.forRoot({ path: join(config.DATA_DIR, EVENT_STORE_FILE) }),
        ProjectionsModule.forRoot({ runInProcess: true }),
        CommandsModule,
        NurtureModule.forRoot({ runInProcess: true }),
      ],
    };
  }
}
