import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads/leads.module';
import { DealersController } from './dealers.controller';

/** The dealer's settings and consultants over HTTP; commands go on the CommandBus like the lead's. */
@Module({
  imports: [LeadsModule],
  controllers: [DealersController],
})
export class DealersModule {}
