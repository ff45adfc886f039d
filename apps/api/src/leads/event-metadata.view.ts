import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTOR_ROLES, EVENT_SOURCES } from '@crm/kernel';

export class ActorView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ACTOR_ROLES }) role!: string;
  @ApiProperty() dealerId!: string;
}

/** Who made a change, in which role, when it happened, when it was recorded, why, and what caused it. */
export class EventMetadataView {
  @ApiProperty() eventId!: string;
  @ApiProperty({ type: ActorView }) actor!: ActorView;
  @ApiProperty() correlationId!: string;
  @ApiProperty() causationId!: string;
  @ApiProperty({ enum: EVENT_SOURCES }) source!: string;
  @ApiProperty() schemaVersion!: number;
  @ApiProperty({ format: 'date-time', description: 'When it happened (may be back-dated within the policy window)' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the system recorded it' }) recordedAt!: string;
  @ApiPropertyOptional({ description: 'Why, when the actor said so' }) reason?: string;
  @ApiPropertyOptional() idempotencyKey?: string;
}
