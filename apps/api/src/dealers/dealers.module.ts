import { Module } from '@nestjs/common';
import { IdempotencyRecovery } from '../idempotency/idempotency-recovery.port';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { IdempotentExecutor } from '../idempotency/idempotent-executor';
import { LeadsModule } from '../leads/leads.module';
import { DealerIdempotencyRecovery } from './dealer-idempotency.recovery';
import { DealersController } from './dealers.controller';

/** The dealer's settings and consultants over HTTP; commands go on the CommandBus like the lead's, once per Idempotency-Key. */
@Module({
  imports: [IdempotencyModule, LeadsModule],
  controllers: [DealersController],
  providers: [{ provide: IdempotencyRecovery, useClass: DealerIdempotencyRecovery }, IdempotentExecutor],
})
export class DealersModule {}
