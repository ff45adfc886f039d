import { DynamicModule, Global, Module } from '@nestjs/common';
import { CommandsModule } from '@crm/commands';
import { APP_CONFIG, AppConfig } from '@crm/config';
import { EventStoreModule } from '@crm/event-store';
import { KernelPortsModule } from '@crm/kernel/nest';
import { MessagingModule } from '@crm/messaging';
import { NurtureModule } from '@crm/nurture/nest';
import { ProjectionsModule } from '@crm/projections';

@Global()
@Module({})
class WorkerConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerConfigModule, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

/**
 * The production worker: runs the projections, the nurture saga and, when KAFKA_ENABLED, the Kafka relay outside the
 * API process (PROJECTIONS_IN_PROCESS=false there). The saga sends its commands on this process's own CommandBus.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        WorkerConfigModule.forRoot(config),
        KernelPortsModule.forRoot(),
        EventStoreModule.forRoot(config),
        ProjectionsModule.forRoot({ runInProcess: true }),
        MessagingModule.forRoot({ runRelay: true }),
        CommandsModule,
        NurtureModule.forRoot({ runInProcess: true }),
      ],
    };
  }
}
