import { Actor } from '@crm/kernel';
import { CadenceOverride } from '../cadence/cadence-policy';
import { DealerSettingsChange } from './dealer-settings';

/** Who acts and when; the dealer's facts are never back-dated, so occurredAt is the time of the command. */
export interface DealerCommandContext {
  actor: Actor;
  now: string;
}

type Command<Type extends string, Data> = { type: Type; data: Data; context: DealerCommandContext };

export type ChangeDealerSettings = Command<'ChangeDealerSettings', DealerSettingsChange & { cadence?: CadenceOverride }>;
export type AddConsultant = Command<'AddConsultant', { consultantId: string; name: string }>;
export type RemoveConsultant = Command<'RemoveConsultant', { consultantId: string }>;
/**
 * Picks the consultant for a lead: the first of `preferredConsultantIds` still with the dealer, else the next in
 * round robin. Idempotent by `routingId`: routing it again answers the consultant chosen then and records nothing.
 */
export type RouteLeadToConsultant = Command<'RouteLeadToConsultant', {
  routingId: string;
  leadId: string;
  preferredConsultantIds?: string[];
}>;

export type DealerCommand = ChangeDealerSettings | AddConsultant | RemoveConsultant | RouteLeadToConsultant;
export type DealerCommandType = DealerCommand['type'];
