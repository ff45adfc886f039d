import { Module } from '@nestjs/common';
import { IdempotencyRecovery } from '../idempotency/idempotency-recovery.port';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { IdempotentExecutor } from '../idempotency/idempotent-executor';
import { CommandOriginFactory } from './command-origin.factory';
import { LeadCareController } from './controllers/lead-care.controller';
import { LeadContactController } from './controllers/lead-contact.controller';
import { LeadOutcomeController } from './controllers/lead-outcome.controller';
import { LeadQueryController } from './controllers/lead-query.controller';
import { LeadRegistrationController } from './controllers/lead-registration.controller';
import { LeadSalesController } from './controllers/lead-sales.controller';
import { LeadTestDriveController } from './controllers/lead-test-drive.controller';
import { LeadIdempotencyRecovery } from './lead-idempotency.recovery';
import { LeadQueryService } from './lead-query.service';

/** The lead's commands (one route each, sent on the CommandBus) and reads over its stream. */
@Module({
  imports: [IdempotencyModule],
  controllers: [
    LeadRegistrationController, LeadContactController, LeadTestDriveController, LeadSalesController,
    LeadOutcomeController, LeadCareController, LeadQueryController,
  ],
  providers: [
    CommandOriginFactory, LeadQueryService,
    { provide: IdempotencyRecovery, useClass: LeadIdempotencyRecovery },
    IdempotentExecutor,
  ],
  exports: [CommandOriginFactory],
})
export class LeadsModule {}
