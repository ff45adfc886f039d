import { Module } from '@nestjs/common';
import { IdempotencyRecovery } from '../idempotency/idempotency-recovery.port';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { IdempotentExecutor } from '../idempotency/idempotent-executor';
import { LeadsModule } from '../leads/leads.module';
import { ShowroomController } from './showroom.controller';
import { ShowroomIdempotencyRecovery } from './showroom-idempotency.recovery';

/** Showroom commands that belong to no lead. Shares the lead's origin factory and the key store. */
@Module({
  imports: [IdempotencyModule, LeadsModule],
  controllers: [ShowroomController],
  providers: [
    { provide: IdempotencyRecovery, useClass: ShowroomIdempotencyRecovery },
    IdempotentExecutor,
  ],
})
export class ShowroomModule {}
