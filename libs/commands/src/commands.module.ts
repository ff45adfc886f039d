import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DealerStreamLoader } from './dealer/dealer-stream.loader';
import { ExecuteDealerCommandHandler } from './dealer/execute-dealer-command.handler';
import { EventEnvelopeFactory } from './envelope/event-envelope.factory';
import { ExecuteLeadCommandHandler } from './lead/execute-lead-command.handler';
import { LeadStreamLoader } from './lead/lead-stream.loader';
import { PhoneReservations } from './lead/phone/phone-reservations';
import { PhoneUniqueness } from './lead/phone/phone-uniqueness';
import { leadPolicyProvider, LEAD_POLICY } from './policy/lead-policy.provider';
import { CountUnrecordedWalkInHandler } from './showroom/count-unrecorded-walk-in.handler';

/**
 * The write side for every caller: the CommandBus and the handlers behind it. Import it once, at the root of a
 * process (API, worker, CLI, simulator); it needs the EventStore, Clock, IdGenerator and APP_CONFIG bound.
 */
@Global()
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    leadPolicyProvider, EventEnvelopeFactory, LeadStreamLoader, PhoneReservations, PhoneUniqueness,
    ExecuteLeadCommandHandler, CountUnrecordedWalkInHandler, DealerStreamLoader, ExecuteDealerCommandHandler,
  ],
  exports: [LEAD_POLICY, EventEnvelopeFactory, LeadStreamLoader, DealerStreamLoader],
})
export class CommandsModule {}
