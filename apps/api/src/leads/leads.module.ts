import { Module } from '@nestjs/common';
import { IdempotencyRecovery } from '../idempotency/idempotency-recovery.port';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { IdempotentExecutor } from '../idempotency/idempotent-executor';
import { CommandOriginFactory } from './command-origin.factory';
import { LeadCareController } from './controllers/lead-care.controller';
import { LeadContactController } from './controllers/lead-contact.controller';
import { LeadLookupController } from './controllers/lead-lookup.controller';
import { LeadOutcomeController } from './controllers/lead-outcome.controller';
import { LeadQueryController } from './controllers/lead-query.controller';
import { LeadRegistrationController } from './controllers/lead-registration.controller';
import { LeadSalesController } from './controllers/lead-sales.controller';
import { LeadTestDriveController } from './controllers/lead-test-drive.controller';
import { LeadTouchController } from './controllers/lead-touch.controller';
import { LeadByPhoneQuery } from './lead-by-phone.query';
import { LeadIdempotencyRecovery } from './lead-idempotency.recovery';
import { LeadQueryService } from './lead-query.service';

/** The lead's commands (one route each, sent on the CommandBus) and reads over its stream. */
@Module({
  imports: [IdempotencyModule],
  // The lookup comes first: `leads/by-phone/...` must not be taken for a lead id.
  controllers: [
    LeadLookupController, LeadRegistrationController, LeadContactController, LeadTestDriveController, LeadSalesController,
    LeadOutcomeController, LeadCareController, LeadTouchController, LeadQueryController,
  ],
  providers: [
    CommandOriginFactory, LeadQueryService, LeadByPhoneQuery,
    { provide: IdempotencyRecovery, useClass: LeadIdempotencyRecovery },
    IdempotentExecutor,
  ],
  exports: [CommandOriginFactory],
})
export class LeadsModule {}
