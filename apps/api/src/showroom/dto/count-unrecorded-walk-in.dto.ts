import { MAX_VISITORS_PER_COUNT } from '@crm/lead';
import { CommandBodyDto } from '../../leads/dto/command-body.dto';
import { Int, Text } from '../../leads/dto/field.decorators';

/** People who came in and left without giving their details; the dealer is the caller's. */
export class CountUnrecordedWalkInDto extends CommandBodyDto {
  @Int(1, false, MAX_VISITORS_PER_COUNT) visitors!: number;
  @Text(true, 100) consultantId?: string;
  @Text(true, 200) intendedModel?: string;
  @Text(true) note?: string;
}
