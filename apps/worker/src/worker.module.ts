import { DynamicModule, Global, Module } from '@nestjs/common';
import { CommandsModule } from '@crm/commands';
import { APP_CONFIG, AppConfig } from '@crm/config';
import { DispatchModule } from '@crm/dispatch';
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
 * The production worker: runs the projections, the nurture saga, the due index and the dispatcher and, when
 * KAFKA_ENABLED, the Kafka relay outside the API process (PROJECTIONS_IN_PROCESS=false there). Several workers may
 * run at once: checkpoints, leases and the relay's fencing keep them off each other's work. The saga and the
 * dispatcher send their commands on this process's own CommandBus.
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
        NurtureModule.forRoot({ runInProcess: true }),
        // The saga and the dispatcher record what they did through the one command path.
        CommandsModule,
        DispatchModule.forRoot({ runInProcess: true }),
      ],
    };
  }
}
