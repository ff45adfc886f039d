import { ApiProperty } from '@nestjs/swagger';

export class ProjectionStatusView {
  @ApiProperty() name!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null before the first run' }) liveVersion!: number | null;
  @ApiProperty({ type: Number, nullable: true }) checkpoint!: number | null;
  @ApiProperty() headPosition!: number;
  @ApiProperty() eventsBehind!: number;
  @ApiProperty({ description: 'How long the oldest unprocessed event has waited; 0 when caught up' }) secondsBehind!: number;
}
