import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { WARNING_KINDS, WarningKind } from '@crm/lead';
import { PeriodQueryDto } from './period-query.dto';

/** GET /warnings?from=&to=&kind=: the period is when the warnings were raised. */
export class WarningListQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: WARNING_KINDS }) @IsOptional() @IsIn(WARNING_KINDS)
  kind?: WarningKind;

  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  pageSize?: number;
}
