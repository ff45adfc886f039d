import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, INTENT_TIERS, TEMPERATURES } from '@crm/lead';
import { FUNNEL_STAGES, LIFECYCLE_CATEGORIES, VALUE_TIERS } from '@crm/projections';

/** OpenAPI 3.0 wants null among the values of a nullable enum, or validators refuse the null. */
const nullable = (values: readonly string[]): PropertyDecorator => ApiProperty({ type: String, enum: [...values, null], nullable: true });

/** The funnel report's line per lead, with its tier classification. */
export class LeadRowView {
  @ApiProperty({ format: 'uuid' }) leadId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty({ type: String, nullable: true }) consultantId!: string | null;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ enum: FUNNEL_STAGES }) stage!: string;
  @ApiProperty({ enum: ['open', 'won', 'lost'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) intendedModel!: string | null;
  @ApiProperty({ type: Number, nullable: true }) quantity!: number | null;
  @ApiProperty({ description: 'The current purchase cycle: 2 or more for a repeat purchase' }) cycle!: number;
  @ApiProperty({ description: 'Vehicles delivered to the customer so far' }) purchases!: number;
  @ApiProperty({ description: 'Close probability of the stage, in percent' }) probability!: number;
  @ApiProperty() expectedValue!: number;
  @ApiProperty({ type: String, nullable: true }) expectedCloseDate!: string | null;
  @nullable(INTENT_TIERS) tier!: string | null;
  @nullable(TEMPERATURES) temperature!: string | null;
  @nullable(VALUE_TIERS) valueTier!: string | null;
  @nullable(LIFECYCLE_CATEGORIES) lifecycle!: string | null;
}

export class LeadPageView {
  @ApiProperty({ type: [LeadRowView] }) items!: LeadRowView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
