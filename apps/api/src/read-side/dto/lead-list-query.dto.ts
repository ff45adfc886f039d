import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, Channel, INTENT_TIERS, IntentTier, TEMPERATURES, Temperature } from '@crm/lead';
import { DealStatus, FUNNEL_STAGES, FunnelStage, LEAD_SORT_FIELDS, LeadSortField } from '@crm/projections';
import { PeriodQueryDto } from './period-query.dto';

const STATUSES: DealStatus[] = ['open', 'won', 'lost'];

export class LeadListQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: FUNNEL_STAGES }) @IsOptional() @IsIn(FUNNEL_STAGES)
  stage?: FunnelStage;

  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES)
  status?: DealStatus;

  @ApiPropertyOptional({ enum: INTENT_TIERS }) @IsOptional() @IsIn(INTENT_TIERS)
  tier?: IntentTier;

  @ApiPropertyOptional({ enum: TEMPERATURES }) @IsOptional() @IsIn(TEMPERATURES)
  temperature?: Temperature;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200)
  consultantId?: string;

  @ApiPropertyOptional({ enum: CHANNELS }) @IsOptional() @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ enum: LEAD_SORT_FIELDS, default: 'registeredAt' }) @IsOptional() @IsIn(LEAD_SORT_FIELDS)
  sort?: LeadSortField;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' }) @IsOptional() @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ minimum: 1, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  pageSize?: number;
}
