import { Decider } from '@crm/kernel';
import { DealerCommand } from './dealer-commands';
import { DEALER_EVENT_SCHEMA_VERSIONS, DealerEvent, DealerEventType } from './dealer-events';
import { decideDealer } from './dealer.decider';
import { DealerState, initialDealerState } from './dealer-state';
import { evolveDealer } from './dealer.evolve';

/** The dealer stream's rules as one decider, for the generic command handler and the stream loader. */
export const dealerDecider: Decider<DealerCommand, DealerEvent, DealerState> = {
  decide: decideDealer,
  evolve: (state, event) => evolveDealer(state, event),
  initialState: initialDealerState,
  decode: (type, _version, data) => (type in DEALER_EVENT_SCHEMA_VERSIONS ? ({ type, data } as DealerEvent) : undefined),
  schemaVersion: (type) => DEALER_EVENT_SCHEMA_VERSIONS[type as DealerEventType] ?? 1,
  // Settings apply in the order they were recorded; nothing on this stream is back-dated.
  foldOrder: 'revision',
};
