import { LOST_REASONS } from '@crm/lead';
import { CommandBodyDto, TimedCommandBodyDto } from './command-body.dto';
import { Amount, Day, OneOf, Text, Uuid } from './field.decorators';

export class WinDealDto extends CommandBodyDto {
  @Uuid(true) quoteId?: string;
  @Text(true, 100) orderRef?: string;
}

/** The delivery date is occurredAt; the rest feeds the after-sale plan (services, insurance, inspection). */
export class DeliverVehicleDto extends CommandBodyDto {
  @Text(true, 17) vin?: string;
  @Text(true) note?: string;
  @Amount(true) odometerKm?: number;
  @Day() insuranceExpiresOn?: string;
  @Day() inspectionDueOn?: string;
}

/** Here `reason` is the lost reason (a vocabulary value); it also goes into the audit metadata. */
export class LoseDealDto extends TimedCommandBodyDto {
  @OneOf(LOST_REASONS) reason!: (typeof LOST_REASONS)[number];
  @Text(true, 200) competitor?: string;
  @Text(true) note?: string;
}

export class LossDecisionDto extends CommandBodyDto {
  @Text(true) note?: string;
}

export class ReopenLeadDto extends CommandBodyDto {
  @Text(true) note?: string;
}
