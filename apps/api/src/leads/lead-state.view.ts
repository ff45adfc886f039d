import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LoadedStream } from '@crm/commands';
import { LeadState } from '@crm/lead';

export class LeadStateView {
  @ApiProperty() leadId!: string;
  @ApiProperty({ description: 'Revision of the last event folded in; -1 when none' }) revision!: number;
  @ApiProperty({ description: 'Global position of the last event folded in' }) position!: number;
  @ApiProperty({ type: Object, description: "The decider's LeadState" }) state!: unknown;
  @ApiPropertyOptional() at?: string;
  @ApiPropertyOptional() asOf?: string;
}

export function toStateView(leadId: string, lead: LoadedStream<LeadState>): LeadStateView {
  return { leadId, revision: lead.revision, position: lead.position, state: lead.state };
}
