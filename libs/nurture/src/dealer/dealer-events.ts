import { CadenceOverride } from '../cadence/cadence-policy';
import { DealerSettingsChange } from './dealer-settings';

type Event<Type extends string, Data> = { type: Type; data: Data };

/** Only the fields that change; `cadence` replaces the named tiers or win-back reasons of the default policy. */
export type DealerSettingsChanged = Event<'DealerSettingsChanged', DealerSettingsChange & { cadence?: CadenceOverride }>;
export type ConsultantJoined = Event<'ConsultantJoined', { consultantId: string; name: string }>;
export type ConsultantLeft = Event<'ConsultantLeft', { consultantId: string }>;
/**
 * A lead handed to a consultant, recorded so that a replay routes it the same way. `pick` says why this one: the
 * consultant who served the lead (or recorded the walk-in) is still with the dealer, or the round robin's turn.
 */
export type LeadRoutedToConsultant = Event<'LeadRoutedToConsultant', {
  routingId: string;
  leadId: string;
  consultantId: string;
  pick?: 'preferred' | 'round_robin';
}>;

export type DealerEvent = DealerSettingsChanged | ConsultantJoined | ConsultantLeft | LeadRoutedToConsultant;
export type DealerEventType = DealerEvent['type'];

export const DEALER_EVENT_SCHEMA_VERSIONS: Record<DealerEventType, number> = {
  DealerSettingsChanged: 1, ConsultantJoined: 1, ConsultantLeft: 1, LeadRoutedToConsultant: 1,
};

export const DEALER_STREAM_PREFIX = 'dealer-';
export const dealerStreamId = (dealerId: string): string => `${DEALER_STREAM_PREFIX}${dealerId}`;
export const dealerIdFromStream = (streamId: string): string => streamId.slice(DEALER_STREAM_PREFIX.length);
