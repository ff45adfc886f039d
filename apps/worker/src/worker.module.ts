import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@crm/config';
import { EventStoreModule } from '@crm/event-store';
import { KernelPortsModule } from '@crm/kernel/nest';
import { MessagingModule } from '@crm/messaging';
import { ProjectionsModule } from '@crm/projections';

@Global()
@Module({})
class WorkerConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerConfigModule, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

/**
 * The production worker: runs the projections outside the API process (PROJECTIONS_IN_PROCESS=false there), and
 * the Kafka relay when KAFKA_ENABLED.
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
      ],
    };
  }
}
