import { ApiProperty } from '@nestjs/swagger';
import { NURTURE_CHANNELS, TOUCH_CONTENTS, TOUCH_OUTCOMES, TOUCH_PURPOSES, TOUCH_STATUSES, WARNING_KINDS } from '@crm/lead';

/** OpenAPI 3.0 wants null among the values of a nullable enum, or validators refuse the null. */
const nullableEnum = (values: readonly string[]): PropertyDecorator => ApiProperty({ type: String, enum: [...values, null], nullable: true });
const nullableText = (description?: string): PropertyDecorator => ApiProperty({ type: String, nullable: true, description });

/** A touch on the staff's follow-up plan, with the lead it is for. */
export class TouchRowView {
  @ApiProperty() touchId!: string;
  @ApiProperty({ format: 'uuid' }) leadId!: string;
  @ApiProperty() leadName!: string;
  @ApiProperty({ description: 'The number to call or write to' }) phone!: string;
  @ApiProperty({ enum: TOUCH_PURPOSES }) purpose!: string;
  @ApiProperty({ enum: NURTURE_CHANNELS }) channel!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ description: 'Needs the lead\'s marketing consent' }) marketing!: boolean;
  @nullableEnum(TOUCH_CONTENTS) content!: string | null;
  @nullableText('The agent or consultant the plan named; null: whoever holds the lead') assigneeId!: string | null;
  @nullableText('Who does it: the assignee, else the lead\'s consultant') owner!: string | null;
  @ApiProperty({ description: 'The cadence rule that planned it' }) rule!: string;
  @ApiProperty({ enum: TOUCH_STATUSES }) status!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() attempts!: number;
  @nullableText('The channel it went out through (`tasks`: it waits on the to-do list)') via!: string | null;
  @nullableEnum(TOUCH_OUTCOMES) outcome!: string | null;
}

export class TouchPageView {
  @ApiProperty({ type: [TouchRowView] }) items!: TouchRowView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class WarningRowView {
  @ApiProperty() warningId!: string;
  @ApiProperty({ enum: WARNING_KINDS }) kind!: string;
  @ApiProperty({ format: 'date-time', description: 'When the rule was broken' }) deadline!: string;
  @ApiProperty({ format: 'date-time', description: 'When the warning was raised' }) raisedAt!: string;
  @nullableText() touchId!: string | null;
  @nullableText() detail!: string | null;
  @ApiProperty({ format: 'uuid' }) leadId!: string;
  @ApiProperty() leadName!: string;
  @nullableText() consultantId!: string | null;
}

export class WarningPageView {
  @ApiProperty({ type: [WarningRowView] }) items!: WarningRowView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
