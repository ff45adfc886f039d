import { ApiProperty } from '@nestjs/swagger';
import { INTENT_TIERS, TEMPERATURES } from '@crm/lead';
import { LIFECYCLE_CATEGORIES, VALUE_TIERS } from '@crm/projections';
import { PeriodView } from './period.view';
import { COUNT, KeyedBy, Schema } from './schema-shapes';

export class TierReportView {
  @ApiProperty() leads!: number;
  @KeyedBy([...INTENT_TIERS, 'unassessed'], COUNT) byTier!: Record<string, number>;
  @KeyedBy([...TEMPERATURES, 'unknown'], COUNT) byTemperature!: Record<string, number>;
  @KeyedBy(VALUE_TIERS, COUNT) byValueTier!: Record<string, number>;
  @KeyedBy(LIFECYCLE_CATEGORIES, COUNT, "'at_risk' is judged at the time of asking") byLifecycle!: Record<string, number>;
}

const ROW: Schema = { type: 'object', properties: Object.fromEntries(INTENT_TIERS.map((tier) => [tier, COUNT])), additionalProperties: false };

export class MigrationMatrixView {
  @ApiProperty({ type: PeriodView }) period!: PeriodView;
  @KeyedBy(INTENT_TIERS, ROW, 'matrix[from][to]: tier moves in the period, dated when the assessment happened, from the tier the lead was in then')
  matrix!: Record<string, Record<string, number>>;
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Nurture KPI (seed 004): moves into T1 of leads that were in T3-T5 since they were last in T1' }) warmedUp!: number;
  @ApiProperty({ description: 'Moves to any hotter tier' }) hotter!: number;
  @ApiProperty() cooledDown!: number;
}
