import { ApiProperty } from '@nestjs/swagger';
import { EventMetadataView } from './event-metadata.view';

export class RecordedLeadEventView {
  @ApiProperty() revision!: number;
  @ApiProperty({ description: 'Position in the global log' }) position!: number;
  @ApiProperty({ example: 'CallLogged' }) type!: string;
  @ApiProperty({ type: Object, description: "The event's data, upcast to the current schema version" }) data!: unknown;
  @ApiProperty({ type: EventMetadataView }) metadata!: EventMetadataView;
}

export class LeadEventsPageView {
  @ApiProperty({ format: 'uuid' }) leadId!: string;
  @ApiProperty({ type: [RecordedLeadEventView] }) events!: RecordedLeadEventView[];
  @ApiProperty({ type: Number, nullable: true, description: 'Pass as `after` for the next page; null on the last page' }) nextAfter!: number | null;
}
