import { ApiProperty } from '@nestjs/swagger';
import { PeriodView } from './period.view';
import { COUNT, MapOf, NullableNumber, RATE, Schema } from './schema-shapes';

const CONVERSION: Schema = { type: 'object', properties: { leads: COUNT, won: COUNT, rate: RATE }, required: ['leads', 'won', 'rate'] };

export class CloseRateView {
  @ApiProperty() won!: number;
  @ApiProperty() lost!: number;
  @NullableNumber('won / (won + lost); null when none is decided') rate!: number | null;
}

export class FirstResponseView {
  @ApiProperty() responded!: number;
  @ApiProperty() unanswered!: number;
  @NullableNumber('Median seconds from registration to the first contact') medianSeconds!: number | null;
  @NullableNumber('Average seconds from registration to the first contact') averageSeconds!: number | null;
}

export class KpiReportView {
  @ApiProperty({ type: PeriodView }) period!: PeriodView;
  @ApiProperty() leads!: number;
  @MapOf(CONVERSION, "Won / leads per first known tier ('unassessed' for none)") conversionByTier!: Record<string, unknown>;
  @MapOf(CONVERSION, 'Won / leads per channel') conversionByChannel!: Record<string, unknown>;
  @ApiProperty({ type: CloseRateView }) closeRate!: CloseRateView;
  @ApiProperty({ type: FirstResponseView }) firstResponse!: FirstResponseView;
  @MapOf(COUNT, 'Lost leads per reason') lostReasons!: Record<string, number>;
}
