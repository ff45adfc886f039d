import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LoadedStream } from '@crm/commands';
import { RegisteredLeadState } from '@crm/lead';

export class OpenTouchView {
  @ApiProperty() touchId!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty() channel!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty() status!: string;
  @ApiPropertyOptional() assigneeId?: string;
}

/** What someone answering a call needs: who it is, where the lead stands, who owns it, what is planned next. */
export class LeadSummaryView {
  @ApiProperty() leadId!: string;
  @ApiProperty({ description: 'The lead stream revision (also the ETag)' }) revision!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'E.164' }) phone!: string;
  @ApiProperty() status!: string;
  @ApiProperty() channel!: string;
  @ApiPropertyOptional() tier?: string;
  @ApiPropertyOptional() consultantId?: string;
  @ApiProperty() marketingConsent!: boolean;
  @ApiPropertyOptional() registeredAt?: string;
  @ApiPropertyOptional() lastInteractionAt?: string;
  @ApiProperty({ type: [OpenTouchView], description: 'Scheduled or sent touches, soonest first' }) openTouches!: OpenTouchView[];
}

export function toLeadSummary(lead: LoadedStream<RegisteredLeadState>): LeadSummaryView {
  const { state } = lead;
  const openTouches = Object.entries(state.touches)
    .filter(([, touch]) => touch.status === 'scheduled' || touch.status === 'sent')
    .map(([touchId, { purpose, channel, dueAt, status, assigneeId }]) => ({ touchId, purpose, channel, dueAt, status, ...(assigneeId ? { assigneeId } : {}) }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const summary: LeadSummaryView = {
    leadId: state.leadId, revision: lead.revision, name: state.contact.name, phone: state.contact.phone, status: state.status,
    channel: state.channel, marketingConsent: state.marketingConsent, openTouches,
  };
  if (state.tier !== undefined) summary.tier = state.tier;
  if (state.consultantId !== undefined) summary.consultantId = state.consultantId;
  if (state.registeredAt !== undefined) summary.registeredAt = state.registeredAt;
  if (state.lastInteractionAt !== undefined) summary.lastInteractionAt = state.lastInteractionAt;
  return summary;
}
