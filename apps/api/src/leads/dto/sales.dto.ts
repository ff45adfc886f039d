import { HANDOFF_REASONS, PURCHASE_TIMEFRAMES, RETURN_REASONS } from '@crm/lead';
import { CommandBodyDto, TimedCommandBodyDto } from './command-body.dto';
import { CalendarDate, Int, Nested, OneOf, Text } from './field.decorators';
import { MoneyDto } from './shared-values.dto';

export class PresentVehicleDto extends CommandBodyDto {
  @Text(false, 100) model!: string;
  @Text(true, 100) trim?: string;
  @Text(true) note?: string;
}

export class GiveQuoteDto extends CommandBodyDto {
  @Text(false, 100) model!: string;
  @Int(1, false) quantity!: number;
  @Nested(() => MoneyDto, false) unitPrice!: MoneyDto;
  @CalendarDate() validUntil?: string;
  @CalendarDate() expectedCloseDate?: string;
}

export class AssessPurchaseIntentDto extends CommandBodyDto {
  @OneOf(PURCHASE_TIMEFRAMES) timeframe!: (typeof PURCHASE_TIMEFRAMES)[number];
  @Text(true) note?: string;
}

/** Here `reason` is the domain's hand-off reason (a vocabulary value); it also goes into the audit metadata. */
export class AssignConsultantDto extends TimedCommandBodyDto {
  @Text(false, 100) consultantId!: string;
  @OneOf(HANDOFF_REASONS) reason!: (typeof HANDOFF_REASONS)[number];
}

export class ReturnToNurturingDto extends TimedCommandBodyDto {
  @OneOf(RETURN_REASONS) reason!: (typeof RETURN_REASONS)[number];
  @Text(true) note?: string;
}
