import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AppConfig } from '@crm/config';
import { CommandsModule } from '@crm/commands';
import { DispatchModule } from '@crm/dispatch';
import { EventStoreModule } from '@crm/event-store';
import { MessagingModule } from '@crm/messaging';
import { AuthModule } from './auth/auth.module';
import { ConfigModule } from './config/config.module';
import { DealersModule } from './dealers/dealers.module';
import { HealthModule } from './health/health.module';
import { DomainExceptionFilter } from './http/domain-exception.filter';
import { createValidationPipe } from './http/validation.pipe';
import { KernelOverrides, KernelPortsModule } from '@crm/kernel/nest';
import { NurtureModule } from '@crm/nurture/nest';
import { LeadsModule } from './leads/leads.module';
import { ReadSideModule } from './read-side/read-side.module';
import { ShowroomModule } from './showroom/showroom.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: KernelOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        KernelPortsModule.forRoot(overrides),
        EventStoreModule.forRoot(config),
        CommandsModule,
        // Runs the due index and the dispatcher here when PROJECTIONS_IN_PROCESS (the embedded default).
        DispatchModule.forRoot(),
        AuthModule,
        HealthModule,
        LeadsModule,
        ShowroomModule,
        DealersModule,
        ReadSideModule,
        // The relay runs here only with the worker parts in-process (and KAFKA_ENABLED); otherwise in the worker.
        MessagingModule.forRoot({ runRelay: config.PROJECTIONS_IN_PROCESS }),
        // The saga runs here when NURTURE_IN_PROCESS (default: PROJECTIONS_IN_PROCESS) says so, else in the worker.
        NurtureModule.forRoot(),
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
      ],
    };
  }
}
