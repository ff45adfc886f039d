import { RecordedEvent } from '@crm/event-store';
import { LeadEvent, leadStreamId } from '@crm/lead';
import { LeadEnvelope, Projection } from '../projection';
import { metadataFor } from './lead-events.builder';

/** Given events, then the document: runs a projection's pure evolve without any store. */
export function project<Doc>(projection: Projection<Doc, LeadEnvelope>, leadId: string, events: Array<[string, LeadEvent]>): Doc | undefined {
  let doc: Doc | undefined;
  events.forEach(([occurredAt, event], index) => {
    const recorded: RecordedEvent = {
      streamId: leadStreamId(leadId), revision: index, position: index + 1, type: event.type, data: event.data,
      metadata: metadataFor(event, occurredAt),
    };
    const envelope = projection.decode(recorded);
    if (envelope) doc = projection.evolve(doc, envelope);
  });
  return doc;
}
