import { DynamicModule, Global, Module } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '@crm/config';
import { CommandsModule } from '@crm/commands';
import { DispatchModule } from '@crm/dispatch';
import { EventStoreModule } from '@crm/event-store';
import { KernelPortsModule } from '@crm/kernel/nest';
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
 * The production worker: runs the projections, the due index and the dispatcher outside the API process
 * (PROJECTIONS_IN_PROCESS=false there). Several workers may run at once: leases keep them off each other's work.
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
        // The dispatcher records what it did through the one command path.
        CommandsModule,
        DispatchModule.forRoot({ runInProcess: true }),
      ],
    };
  }
}
