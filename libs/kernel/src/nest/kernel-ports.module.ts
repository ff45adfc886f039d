import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from '../clock.port';
import { IdGenerator, RandomIdGenerator } from '../id-generator.port';
import { SystemClock } from '../system-clock.adapter';

export interface KernelOverrides {
  clock?: Clock;
  ids?: IdGenerator;
}

/**
 * The clock and id ports, as the kernel binds them unless a test hands in its own (VirtualClock,
 * SequentialIdGenerator). Nest has no provider override outside @nestjs/testing, hence this module.
 */
@Global()
@Module({})
export class KernelPortsModule {
  static forRoot(overrides: KernelOverrides = {}): DynamicModule {
    return {
      module: KernelPortsModule,
      global: true,
      providers: [
        { provide: Clock, useValue: overrides.clock ?? new SystemClock() },
        { provide: IdGenerator, useValue: overrides.ids ?? new RandomIdGenerator() },
      ],
      exports: [Clock, IdGenerator],
    };
  }
}
