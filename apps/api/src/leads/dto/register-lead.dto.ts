import { IsEmail, IsOptional } from 'class-validator';
import { CHANNELS, PAYMENT_METHODS, PURCHASE_TIMEFRAMES } from '@crm/lead';
import { CommandBodyDto } from './command-body.dto';
import { Flag, Nested, OneOf, Text, TextList, Uuid } from './field.decorators';
import { BudgetDto, CurrentVehicleDto } from './shared-values.dto';

/** The "ten questions" of the first contact; all optional. */
export class FirstContactProfileDto {
  @Text(true, 200) occupation?: string;
  @Text(true, 200) employer?: string;
  @Text(true, 200) position?: string;
  @Text(true, 200) area?: string;
  @Nested(() => CurrentVehicleDto) currentVehicle?: CurrentVehicleDto;
  @TextList() intendedModels?: string[];
  @Nested(() => BudgetDto) budget?: BudgetDto;
  @OneOf(PAYMENT_METHODS, true) payment?: (typeof PAYMENT_METHODS)[number];
  @OneOf(PURCHASE_TIMEFRAMES, true) intendedPurchase?: (typeof PURCHASE_TIMEFRAMES)[number];
  @Text(true, 200) decisionMaker?: string;
}

export class RegisterLeadDto extends CommandBodyDto {
  @Uuid(true) leadId?: string;
  @Text(false, 200) name!: string;
  @Text(false, 40) phone!: string;
  @Text(true, 254) @IsOptional() @IsEmail() email?: string;
  @Text(true, 100) wechat?: string;
  @OneOf(CHANNELS) channel!: (typeof CHANNELS)[number];
  @Text(true, 200) campaign?: string;
  @Nested(() => FirstContactProfileDto) profile?: FirstContactProfileDto;
  @Flag() marketingConsent!: boolean;
}
