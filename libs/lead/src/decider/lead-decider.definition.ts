import { Decider } from '@crm/kernel';
import { LeadCommand } from '../commands/lead-commands';
import { LEAD_EVENT_SCHEMA_VERSIONS, upcastLeadEvent } from '../events/lead-event-schema';
import { LeadEvent, LeadEventType } from '../events/lead-events';
import { compareLeadFacts } from '../history/lead-history';
import { decide } from './lead.decider';
import { initialLeadState, LeadState } from './lead-state';
import { evolve } from './lead.evolve';

/** The lead's rules as one decider: what the generic command handler loads, decides and appends with. */
export const leadDecider: Decider<LeadCommand, LeadEvent, LeadState> = {
  decide,
  evolve,
  initialState: initialLeadState,
  decode: (type, schemaVersion, data) =>
    type in LEAD_EVENT_SCHEMA_VERSIONS ? upcastLeadEvent(type, schemaVersion, data) : undefined,
  schemaVersion: (type) => LEAD_EVENT_SCHEMA_VERSIONS[type as LeadEventType] ?? 1,
  foldOrder: compareLeadFacts,
};
