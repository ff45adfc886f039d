import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { FUNNEL_STAGES } from '@crm/projections';
import { PeriodView } from './period.view';
import { COUNT, KeyedBy, MapOf, NullableNumber } from './schema-shapes';

export class StageConversionView {
  @ApiProperty({ enum: FUNNEL_STAGES }) from!: string;
  @ApiProperty({ enum: FUNNEL_STAGES }) to!: string;
  @ApiProperty({ description: 'Leads that reached `from` (or a later stage)' }) reached!: number;
  @ApiProperty() converted!: number;
  @NullableNumber('converted / reached; null when none reached `from`') rate!: number | null;
}

export class FunnelAggregateView {
  @ApiProperty({ description: 'Distinct leads with a sales cycle in the aggregate' }) leads!: number;
  @ApiProperty({ description: 'Sales cycles (a repeat purchase is a cycle of its own); the counts below are of cycles' }) cycles!: number;
  @ApiProperty({ description: 'Cycles after the first: repeat purchases of known customers' }) repeatPurchases!: number;
  @ApiProperty({ description: 'Cycles closed as invalid or duplicate: counted here only' }) invalid!: number;
  @ApiProperty() open!: number;
  @ApiProperty() won!: number;
  @ApiProperty() lost!: number;
  @KeyedBy(FUNNEL_STAGES, COUNT) leadsPerStage!: Record<string, number>;
  @ApiProperty({ type: [StageConversionView] }) conversion!: StageConversionView[];
  @KeyedBy(FUNNEL_STAGES, { type: 'number', nullable: true }, 'Median seconds from entering a stage to entering the next one reached')
  medianSecondsInStage!: Record<string, number | null>;
  @ApiProperty({ description: 'Sum of probability x quote over cycles not yet delivered nor lost (a signed order at 90 %)' }) weightedPipeline!: number;
  @ApiProperty({ description: 'Walk-ins who left no record (未留档)' }) walkInsWithoutRecord!: number;
}

const AGGREGATE = { $ref: getSchemaPath(FunnelAggregateView) };

export class FunnelReportView {
  @ApiProperty({ type: PeriodView }) period!: PeriodView;
  @ApiProperty({ type: FunnelAggregateView }) total!: FunnelAggregateView;
  @MapOf(AGGREGATE, "Per consultant id ('unassigned' for none)") byConsultant!: Record<string, FunnelAggregateView>;
  @MapOf(AGGREGATE, 'Per channel; walk-ins without record count under walk_in') byChannel!: Record<string, FunnelAggregateView>;
  @MapOf(AGGREGATE, 'Per month of registration, YYYY-MM') byPeriod!: Record<string, FunnelAggregateView>;
}
