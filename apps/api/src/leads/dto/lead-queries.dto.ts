import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Instant } from './field.decorators';

export class LeadEventsQueryDto {
  @ApiPropertyOptional({ description: 'Return events after this revision (exclusive); -1 starts at the beginning.', default: -1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(-1)
  after?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}

export class LeadStateQueryDto {
  /** "As it was": events that had happened by then (by occurredAt). */
  @Instant() at?: string;
  /** "As the system knew it": events recorded by then (by recordedAt). */
  @Instant() asOf?: string;
}
