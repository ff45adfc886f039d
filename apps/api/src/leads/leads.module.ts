import { Module } from '@nestjs/common';
import { IdempotencyRecovery } from '../idempotency/idempotency-recovery.port';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { IdempotentExecutor } from '../idempotency/idempotent-executor';
import { CommandContextFactory } from './command-context.factory';
import { LeadCareController } from './controllers/lead-care.controller';
import { LeadContactController } from './controllers/lead-contact.controller';
import { LeadOutcomeController } from './controllers/lead-outcome.controller';
import { LeadQueryController } from './controllers/lead-query.controller';
import { LeadRegistrationController } from './controllers/lead-registration.controller';
import { LeadSalesController } from './controllers/lead-sales.controller';
import { LeadTestDriveController } from './controllers/lead-test-drive.controller';
import { EventEnvelopeFactory } from './event-envelope.factory';
import { LeadCommandHandler } from './lead-command.handler';
import { LeadIdempotencyRecovery } from './lead-idempotency.recovery';
import { leadPolicyProvider } from './lead-policy.provider';
import { LeadQueryService } from './lead-query.service';
import { LeadStreamLoader } from './lead-stream.loader';
import { PhoneReservations } from './phone/phone-reservations';
import { PhoneUniqueness } from './phone/phone-uniqueness';

/** The lead's commands (one route each) and reads over its stream. */
@Module({
  imports: [IdempotencyModule],
  controllers: [
    LeadRegistrationController, LeadContactController, LeadTestDriveController, LeadSalesController,
    LeadOutcomeController, LeadCareController, LeadQueryController,
  ],
  providers: [
    leadPolicyProvider, LeadStreamLoader, CommandContextFactory, EventEnvelopeFactory, PhoneReservations, PhoneUniqueness,
    LeadCommandHandler, LeadQueryService,
    { provide: IdempotencyRecovery, useClass: LeadIdempotencyRecovery },
    IdempotentExecutor,
  ],
  exports: [CommandContextFactory, EventEnvelopeFactory],
})
export class LeadsModule {}
