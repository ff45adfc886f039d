import { PAYMENT_METHODS } from '@crm/lead';
import { CommandBodyDto } from './command-body.dto';
import { Nested, OneOf, Text, TextList } from './field.decorators';
import { BudgetDto } from './shared-values.dto';

export class AnalyseNeedsDto extends CommandBodyDto {
  @TextList(false) intendedModels!: string[];
  @Nested(() => BudgetDto) budget?: BudgetDto;
  @OneOf(PAYMENT_METHODS, true) payment?: (typeof PAYMENT_METHODS)[number];
  @Text(true, 500) usage?: string;
  @TextList() priorities?: string[];
  @Text(true, 200) decisionMaker?: string;
  @Text(true) note?: string;
}
