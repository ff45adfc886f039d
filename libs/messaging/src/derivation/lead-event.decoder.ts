import type { RecordedEvent } from '@crm/event-store';
import type { LeadEvent } from '@crm/lead';
// Deep imports of plain data modules: the relay process then starts without the whole lead library, NestJS or
// the read stores (the crash test starts it 21 times; production restarts are faster too).
import { LEAD_EVENT_SCHEMA_VERSIONS, leadIdFromStream, LEAD_STREAM_PREFIX, upcastLeadEvent } from '../../../lead/src/events/lead-event-schema';

export interface RelayedLeadEvent {
  leadId: string;
  event: LeadEvent;
}

/** A lead event of the log, upcast to its current shape; undefined for other streams and unknown types. */
export function decodeLeadEvent(recorded: RecordedEvent): RelayedLeadEvent | undefined {
  if (!recorded.streamId.startsWith(LEAD_STREAM_PREFIX)) return undefined;
  if (!(recorded.type in LEAD_EVENT_SCHEMA_VERSIONS)) return undefined;
  return {
    leadId: leadIdFromStream(recorded.streamId),
    event: upcastLeadEvent(recorded.type, recorded.metadata.schemaVersion ?? 1, recorded.data),
  };
}
