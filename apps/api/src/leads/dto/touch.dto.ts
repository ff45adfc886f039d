import { TOUCH_OUTCOMES } from '@crm/lead';
import { CommandBodyDto } from './command-body.dto';
import { OneOf, Text } from './field.decorators';

/** Staff record how a planned touch went (the call was made, the customer answered, ...). */
export class CompleteTouchDto extends CommandBodyDto {
  @OneOf(TOUCH_OUTCOMES) outcome!: (typeof TOUCH_OUTCOMES)[number];
  @Text(true) note?: string;
}
