import { ApiProperty } from '@nestjs/swagger';
import { PeriodView } from './period.view';
import { COUNT, MapOf, NullableNumber, RATE, Schema } from './schema-shapes';

const CONVERSION: Schema = { type: 'object', properties: { leads: COUNT, won: COUNT, rate: RATE }, required: ['leads', 'won', 'rate'] };

export class CloseRateView {
  @ApiProperty() won!: number;
  @ApiProperty() lost!: number;
  @NullableNumber('won / (won + lost); null when none is decided') rate!: number | null;
}

export class WalkInCloseRateView {
  @ApiProperty({ description: 'Recorded walk-in leads plus visitors who left no record (未留档), in the period' }) walkIns!: number;
  @ApiProperty({ description: 'Visitors who left no record' }) unrecorded!: number;
  @ApiProperty({ description: 'Walk-in leads registered in the period (留档), invalid and duplicate left out' }) recorded!: number;
  @ApiProperty({ description: 'Recorded walk-in leads whose first purchase was signed' }) closes!: number;
  @NullableNumber('recorded / walkIns (留档率)') recordRate!: number | null;
  @NullableNumber("closes / walkIns: the dealer guide's 成交率 (seed 002)") closeRate!: number | null;
}

export class FirstResponseView {
  @ApiProperty() responded!: number;
  @ApiProperty() unanswered!: number;
  @NullableNumber('Median seconds from registration to the first contact') medianSeconds!: number | null;
  @NullableNumber('Average seconds from registration to the first contact') averageSeconds!: number | null;
}

export class KpiReportView {
  @ApiProperty({ type: PeriodView }) period!: PeriodView;
  @ApiProperty({ description: 'Leads registered in the period, without those closed as invalid or duplicate' }) leads!: number;
  @ApiProperty({ description: 'Sales cycles that began in the period: first purchases and repeat purchases' }) cycles!: number;
  @ApiProperty({ description: 'Cycles closed as invalid_lead or duplicate_lead: counted here, left out of every rate' }) invalid!: number;
  @MapOf(CONVERSION, "Won / cycles per first known tier ('unassessed' for none)") conversionByTier!: Record<string, unknown>;
  @MapOf(CONVERSION, 'Won / leads per channel') conversionByChannel!: Record<string, unknown>;
  @ApiProperty({ type: CloseRateView, description: 'Decided cycles only: won / (won + lost), invalid and duplicate left out' }) closeRate!: CloseRateView;
  @ApiProperty({ type: WalkInCloseRateView }) walkInCloseRate!: WalkInCloseRateView;
  @ApiProperty({ type: FirstResponseView }) firstResponse!: FirstResponseView;
  @MapOf(COUNT, 'Lost cycles per reason, invalid and duplicate included') lostReasons!: Record<string, number>;
}
