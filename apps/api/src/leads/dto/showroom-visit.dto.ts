import { CommandBodyDto } from './command-body.dto';
import { Int, Text } from './field.decorators';

export class RecordShowroomVisitDto extends CommandBodyDto {
  @Text(true) note?: string;
  @Int(0) companions?: number;
}
