import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { join } from 'node:path';
import { AppConfig } from '@crm/config';
import { CommandsModule } from '@crm/commands';
import { DispatchModule } from '@crm/dispatch';
import { EventStoreModule } from '@crm/event-store';
import { AuthModule } from './auth/auth.module';
import { ConfigModule } from './config/config.module';
import { HealthModule } from './health/health.module';
import { DomainExceptionFilter } from './http/domain-exception.filter';
import { createValidationPipe } from './http/validation.pipe';
import { KernelOverrides, KernelPortsModule } from '@crm/kernel/nest';
import { LeadsModule } from './leads/leads.module';
import { ReadSideModule } from './read-side/read-side.module';
import { ShowroomModule } from './showroom/showroom.module';

export const EVENT_STORE_FILE = 'events.sqlite';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: KernelOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        KernelPortsModule.forRoot(overrides),
        EventStoreModule.forRoot({ path: join(config.DATA_DIR, EVENT_STORE_FILE) }),
        CommandsModule,
        // Runs the due index and the dispatcher here when PROJECTIONS_IN_PROCESS (the embedded default).
        DispatchModule.forRoot(),
        AuthModule,
        HealthModule,
        LeadsModule,
        ShowroomModule,
        ReadSideModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
      ],
    };
  }
}
