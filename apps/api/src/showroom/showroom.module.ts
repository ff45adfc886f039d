import { Module } from '@nestjs/common';
import { IdempotencyRecovery } from '../idempotency/idempotency-recovery.port';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { IdempotentExecutor } from '../idempotency/idempotent-executor';
import { LeadsModule } from '../leads/leads.module';
import { ShowroomCommandHandler } from './showroom-command.handler';
import { ShowroomController } from './showroom.controller';
import { ShowroomIdempotencyRecovery } from './showroom-idempotency.recovery';

/** Showroom commands that belong to no lead. Shares the lead's context and envelope factories and the key store. */
@Module({
  imports: [IdempotencyModule, LeadsModule],
  controllers: [ShowroomController],
  providers: [
    ShowroomCommandHandler,
    { provide: IdempotencyRecovery, useClass: ShowroomIdempotencyRecovery },
    IdempotentExecutor,
  ],
})
export class ShowroomModule {}
