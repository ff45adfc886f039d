import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { TOUCH_STATUSES } from '@crm/lead';
import { TouchStatusFilter } from '@crm/projections';
import { ReadSideQueryDto } from './period-query.dto';

const STATUS_FILTERS: TouchStatusFilter[] = ['open', 'all', ...TOUCH_STATUSES];

/** What to do today: GET /touches?due=2026-03-02&assignee=agent-7 */
export class TouchListQueryDto extends ReadSideQueryDto {
  @ApiPropertyOptional({ description: "Touches due by the end of this day in the dealer's time zone (YYYY-MM-DD); absent: any time", example: '2026-03-02' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'due must be a date (YYYY-MM-DD)' }) @IsISO8601({ strict: true })
  due?: string;

  @ApiPropertyOptional({ description: "The touch's assignee, or the lead's consultant for a touch that names none" })
  @IsOptional() @IsString() @MaxLength(200)
  assignee?: string;

  @ApiPropertyOptional({ enum: STATUS_FILTERS, default: 'open', description: 'open: scheduled or sent and not yet done' })
  @IsOptional() @IsIn(STATUS_FILTERS)
  status?: TouchStatusFilter;

  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  pageSize?: number;
}
