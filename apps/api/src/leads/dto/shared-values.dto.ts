import { Amount, Int, Text } from './field.decorators';
import { Length } from 'class-validator';

export class MoneyDto {
  @Amount() amount!: number;
  @Text(false, 3) @Length(3, 3) currency!: string;
}

export class BudgetDto {
  @Amount(true) min?: number;
  @Amount(true) max?: number;
  @Text(false, 3) @Length(3, 3) currency!: string;
}

export class CurrentVehicleDto {
  @Text(false, 100) make!: string;
  @Text(false, 100) model!: string;
  @Int(1900) year?: number;
  @Int(0) mileageKm?: number;
}
