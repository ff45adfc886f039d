import { ApiProperty } from '@nestjs/swagger';
import { DealerCommandResult, LoadedStream } from '@crm/commands';
import { CadenceOverride, DealerSettings, DealerState } from '@crm/nurture';
import { AppendedEventView } from '../leads/lead-command.result';

export class ConsultantView {
  @ApiProperty() consultantId!: string;
  @ApiProperty() name!: string;
}

/** A dealer's settings in force (defaults filled in), its consultants in round-robin order, its cadence entries. */
export class DealerView {
  @ApiProperty() dealerId!: string;
  @ApiProperty({ description: 'Revision of the dealer stream; -1 while only the defaults apply. Also the ETag.' }) revision!: number;
  @ApiProperty({ type: Object, description: 'timeZone, quietHours, responseMinutes, warningDays' }) settings!: DealerSettings;
  @ApiProperty({ type: [ConsultantView] }) consultants!: ConsultantView[];
  @ApiProperty({ type: Object, description: "The dealer's own cadence entries over the default policy" }) cadence!: CadenceOverride;
}

export class DealerCommandView {
  @ApiProperty({ description: 'Global log position of the last event, for read-your-writes' }) position!: number;
  @ApiProperty({ type: [AppendedEventView] }) events!: AppendedEventView[];
  @ApiProperty({ type: DealerView, description: 'The dealer after the command' }) dealer!: DealerView;
}

export function toDealerView(dealerId: string, revision: number, state: DealerState): DealerView {
  const consultants = Object.entries(state.consultants)
    .sort(([, a], [, b]) => a.seat - b.seat)
    .map(([consultantId, { name }]) => ({ consultantId, name }));
  return { dealerId, revision, settings: state.settings, consultants, cadence: state.cadence };
}

export const fromLoaded = (dealerId: string, loaded: LoadedStream<DealerState>): DealerView => toDealerView(dealerId, loaded.revision, loaded.state);

export function toCommandView(result: DealerCommandResult): DealerCommandView {
  return { position: result.position, events: result.events, dealer: toDealerView(result.dealerId, result.revision, result.state) };
}
