import { CALL_DIRECTIONS, CALL_OUTCOMES } from '@crm/lead';
import { CommandBodyDto } from './command-body.dto';
import { Instant, Int, OneOf, Text } from './field.decorators';

export class LogCallDto extends CommandBodyDto {
  @OneOf(CALL_DIRECTIONS) direction!: (typeof CALL_DIRECTIONS)[number];
  @OneOf(CALL_OUTCOMES) outcome!: (typeof CALL_OUTCOMES)[number];
  @Instant() callbackAt?: string;
  @Int(0) durationSeconds?: number;
  @Text(true) note?: string;
}
