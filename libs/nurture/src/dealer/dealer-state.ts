import { CadenceOverride } from '../cadence/cadence-policy';
import { DEFAULT_DEALER_SETTINGS } from './dealer-defaults';
import { DealerSettings } from './dealer-settings';

export interface ConsultantState {
  name: string;
  /** Order of joining: the round robin goes around in this order. */
  seat: number;
}

export interface DealerState {
  /** The effective settings: the defaults with every recorded change applied. */
  settings: DealerSettings;
  /** The dealer's own cadence entries; the default policy fills in the rest. */
  cadence: CadenceOverride;
  consultants: Readonly<Record<string, ConsultantState>>;
  /** The seat the next consultant to join gets. */
  nextSeat: number;
  /** The seat of the consultant the round robin picked last; the next turn goes to the following seat. */
  lastRoundRobinSeat?: number;
  /**
   * The latest routings by id (at most ROUTING_MEMORY), so that routing an id again answers the same consultant.
   * Bounded, so that folding a dealer with years of leads stays linear: a repeat comes within seconds (a saga
   * retrying a hand-off), and the saga skips hand-offs its lead already shows before it routes at all.
   */
  recentRoutings: readonly RecentRouting[];
}

/** Oldest first. A short list, not a record keyed by id: copying it on each routing stays cheap (a record of 256 keys did not). */
export interface RecentRouting {
  routingId: string;
  consultantId: string;
}

/** The consultant a recent routing of this id chose, if any. */
export function routedTo(state: DealerState, routingId: string): string | undefined {
  return state.recentRoutings.find((routing) => routing.routingId === routingId)?.consultantId;
}

export const ROUTING_MEMORY = 256;

export const initialDealerState: DealerState = {
  settings: DEFAULT_DEALER_SETTINGS,
  cadence: {},
  consultants: {},
  nextSeat: 0,
  recentRoutings: [],
};
