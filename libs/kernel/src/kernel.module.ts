import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.port';
import { SystemClock } from './system-clock.adapter';
import { IdGenerator, RandomIdGenerator } from './id-generator.port';

/** Binds the clock and id ports; tests override them with VirtualClock and SequentialIdGenerator. */
@Global()
@Module({
  providers: [
    { provide: Clock, useClass: SystemClock },
    { provide: IdGenerator, useClass: RandomIdGenerator },
  ],
  exports: [Clock, IdGenerator],
})
export class KernelModule {}
