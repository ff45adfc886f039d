import { ApiProperty } from '@nestjs/swagger';
import { EventMetadata } from '@crm/kernel';
import { EventMetadataView } from './event-metadata.view';

export class AppendedEventView {
  @ApiProperty() revision!: number;
  @ApiProperty() type!: string;
  @ApiProperty({ type: Object }) data!: unknown;
  @ApiProperty({ type: EventMetadataView }) metadata!: EventMetadata;
}

/** The answer to a command: 201 when events were appended, 200 when the command changed nothing. */
export class LeadCommandResult {
  @ApiProperty() leadId!: string;
  @ApiProperty({ description: 'The stream revision after the command; also the ETag.' }) revision!: number;
  @ApiProperty({ description: 'Global log position of the last event, for read-your-writes.' }) position!: number;
  @ApiProperty({ type: [AppendedEventView] }) events!: AppendedEventView[];
}
