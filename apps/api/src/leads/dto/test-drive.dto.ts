import { CommandBodyDto } from './command-body.dto';
import { Instant, Text } from './field.decorators';

export class ScheduleTestDriveDto extends CommandBodyDto {
  @Text(false, 100) model!: string;
  @Instant(false) scheduledFor!: string;
}

export class CompleteTestDriveDto extends CommandBodyDto {
  @Text(true) feedback?: string;
}

export class RecordTestDriveNoShowDto extends CommandBodyDto {
  @Text(true) note?: string;
}
