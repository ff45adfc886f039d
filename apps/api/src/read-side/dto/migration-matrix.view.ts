import { ApiProperty } from '@nestjs/swagger';
import { IntentTier } from '@crm/lead';
import { MigrationMatrix } from '@crm/projections';
import { PeriodView } from './kpi-report.view';

/** The OpenAPI shape of GET /tiers/migrations. */
export class MigrationMatrixView implements MigrationMatrix {
  @ApiProperty({ type: PeriodView }) period!: PeriodView;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
    description: 'matrix[from][to]: tier moves in the period, dated when the assessment happened, from the tier the lead was in then',
  })
  matrix!: Record<IntentTier, Record<IntentTier, number>>;
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Nurture KPI (seed 004): moves into T1 of leads that were in T3-T5 since they were last in T1' }) warmedUp!: number;
  @ApiProperty({ description: 'Moves to any hotter tier' }) hotter!: number;
  @ApiProperty() cooledDown!: number;
}
