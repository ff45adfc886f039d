import { ApiProperty } from '@nestjs/swagger';
import { AppendedEventView } from '../leads/lead-command.result';

/** The answer to a showroom command; revisions are within the dealer's stream of that day. */
export class ShowroomCommandResult {
  @ApiProperty({ description: 'Global log position of the last event, for read-your-writes (GET /funnel?minPosition=).' }) position!: number;
  @ApiProperty({ type: [AppendedEventView] }) events!: AppendedEventView[];
}
