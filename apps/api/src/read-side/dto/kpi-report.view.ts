import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { KpiReport } from '@crm/projections';

/** The OpenAPI shape of GET /reports/kpis; the definitions are in the README, "KPI definitions". */
export class ConversionView {
  @ApiProperty({ description: 'Sales cycles in the group (a repeat purchase is a cycle of its own), invalid ones left out' }) leads!: number;
  @ApiProperty() won!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'won / leads; null when there is none' }) rate!: number | null;
}

export class CloseRateView {
  @ApiProperty() won!: number;
  @ApiProperty() lost!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'won / (won + lost): decided cycles only, invalid and duplicate left out' })
  rate!: number | null;
}

export class WalkInCloseRateView {
  @ApiProperty({ description: 'Recorded walk-in leads plus visitors who left no record (未留档), in the period' }) walkIns!: number;
  @ApiProperty({ description: 'Visitors who left no record' }) unrecorded!: number;
  @ApiProperty({ description: 'Walk-in leads registered in the period (留档), invalid and duplicate left out' }) recorded!: number;
  @ApiProperty({ description: 'Recorded walk-in leads whose first purchase was signed' }) closes!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'recorded / walkIns (留档率)' }) recordRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: "closes / walkIns: the dealer guide's 成交率 (seed 002)" }) closeRate!: number | null;
}

export class FirstResponseView {
  @ApiProperty() responded!: number;
  @ApiProperty() unanswered!: number;
  @ApiProperty({ type: Number, nullable: true }) medianSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true }) averageSeconds!: number | null;
}

export class PeriodView {
  @ApiPropertyOptional({ format: 'date-time' }) from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) to?: string;
}

const conversions = { type: 'object', additionalProperties: { $ref: getSchemaPath(ConversionView) } } as const;

@ApiExtraModels(ConversionView)
export class KpiReportView implements KpiReport {
  @ApiProperty({ type: PeriodView }) period!: PeriodView;
  @ApiProperty({ description: 'Leads registered in the period, without those closed as invalid or duplicate' }) leads!: number;
  @ApiProperty({ description: 'Sales cycles that began in the period: first purchases and repeat purchases' }) cycles!: number;
  @ApiProperty({ description: 'Cycles closed as invalid_lead or duplicate_lead: counted here, left out of every rate' }) invalid!: number;
  @ApiProperty({ ...conversions, description: "Per the lead's first known tier (or `unassessed`)" }) conversionByTier!: Record<string, ConversionView>;
  @ApiProperty({ ...conversions, description: 'Per channel' }) conversionByChannel!: Record<string, ConversionView>;
  @ApiProperty({ type: CloseRateView }) closeRate!: CloseRateView;
  @ApiProperty({ type: WalkInCloseRateView }) walkInCloseRate!: WalkInCloseRateView;
  @ApiProperty({ type: FirstResponseView, description: 'Per lead registered in the period: first interaction after the registration' })
  firstResponse!: FirstResponseView;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Lost cycles per reason, invalid and duplicate included' })
  lostReasons!: Record<string, number>;
}
