import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ProjectionHealthView {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['live', 'rebuilding', 'missing', 'unknown'] }) state!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Events in the log the live model has not applied yet' }) eventsBehind!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'How long the oldest of them has waited' }) secondsBehind!: number | null;
}

export class RelayHealthView {
  @ApiProperty() name!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The last position whose messages the broker acknowledged' }) checkpoint!: number | null;
  @ApiProperty() headPosition!: number;
  @ApiProperty() eventsBehind!: number;
  @ApiProperty() secondsBehind!: number;
  @ApiProperty({ type: String, nullable: true, description: 'When the current broker outage began' }) outageSince!: string | null;
  @ApiPropertyOptional({ enum: ['active', 'standby'], description: 'standby: another relay of this name sends; checkpoint and lag are then its' })
  role?: 'active' | 'standby';
}

/** The answer of /health, 200 or 503 alike: what answers, and each read model's state and lag. */
export class HealthView {
  @ApiProperty({ enum: ['ok', 'degraded', 'down'], description: 'degraded: a read model is rebuilding; down: a store does not answer (503)' })
  status!: 'ok' | 'degraded' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) eventStore!: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) readStore!: 'up' | 'down';
  @ApiProperty({ type: [ProjectionHealthView] }) projections!: ProjectionHealthView[];
  @ApiPropertyOptional({ type: RelayHealthView, description: "The Kafka relay's lag, when this process runs the relay" }) kafkaRelay?: RelayHealthView;
}
