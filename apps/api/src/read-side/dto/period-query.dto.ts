import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Min } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Every read-side query: an optional period and the read-your-writes position. */
export class ReadSideQueryDto {
  @ApiPropertyOptional({ description: 'Wait (up to 2 s) until the read model has processed this global position, as returned by a command.' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  minPosition?: number;
}

export class PeriodQueryDto extends ReadSideQueryDto {
  @ApiPropertyOptional({ description: 'Inclusive start (ISO 8601), by registration time', example: '2026-03-01' })
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Exclusive end (ISO 8601), by registration time', example: '2026-04-01' })
  @IsOptional() @IsISO8601({ strict: true })
  to?: string;
}

/** The migration matrix needs both ends: a tier move is counted when it happened inside [from, to). */
export class MigrationsQueryDto extends ReadSideQueryDto {
  @ApiProperty({ description: 'Inclusive start (ISO 8601) of the tier changes counted', example: '2026-03-01' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ description: 'Exclusive end (ISO 8601)', example: '2026-04-01' })
  @IsISO8601({ strict: true })
  to!: string;
}
