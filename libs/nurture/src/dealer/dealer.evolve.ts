import { assertNever } from '@crm/kernel';
import { mergeCadenceOverride } from '../cadence/cadence-override';
import { DealerEvent } from './dealer-events';
import { applySettingsChange } from './dealer-settings';
import { DealerState, ROUTING_MEMORY } from './dealer-state';

/** Pure: folds one dealer event into the state. Never throws, so any stored history replays. */
export function evolveDealer(state: DealerState, event: DealerEvent): DealerState {
  switch (event.type) {
    case 'DealerSettingsChanged': {
      const { cadence, ...settings } = event.data;
      return {
        ...state,
        settings: applySettingsChange(state.settings, settings),
        cadence: cadence ? mergeCadenceOverride(state.cadence, cadence) : state.cadence,
      };
    }
    case 'ConsultantJoined': {
      const { consultantId, name } = event.data;
      const consultants = { ...state.consultants, [consultantId]: { name, seat: state.nextSeat } };
      return { ...state, consultants, nextSeat: state.nextSeat + 1 };
    }
    case 'ConsultantLeft': {
      const { [event.data.consultantId]: _left, ...consultants } = state.consultants;
      return { ...state, consultants };
    }
    case 'LeadRoutedToConsultant': {
      const { routingId, consultantId, pick } = event.data;
      const recentRoutings = state.recentRoutings.slice(Math.max(0, state.recentRoutings.length + 1 - ROUTING_MEMORY));
      recentRoutings.push({ routingId, consultantId });
      const seat = state.consultants[consultantId]?.seat;
      const turnTaken = pick !== 'preferred' && seat !== undefined;
      return { ...state, recentRoutings, lastRoundRobinSeat: turnTaken ? seat : state.lastRoundRobinSeat };
    }
    default:
      return assertNever(event);
  }
}
