import { Injectable } from '@nestjs/common';
import { EventStore, ReadStreamOptions, RecordedEvent } from '@crm/event-store';
import { evolve, initialLeadState, LeadState, leadStreamId, upcastLeadEvent } from '@crm/lead';
import { LeadStateCache } from './lead-state.cache';

export interface LoadedLead {
  state: LeadState;
  /** The stream's last revision; -1 when the lead's stream does not exist. */
  revision: number;
  /** Global position of the stream's last event; 0 when it does not exist. */
  position: number;
}

/** Loads a lead by folding its stream through the decider's evolve. */
@Injectable()
export class LeadStreamLoader {
  private readonly cache = new LeadStateCache();

  constructor(private readonly store: EventStore) {}

  /** The current state: the cached fold caught up with whatever was appended since. */
  async load(leadId: string): Promise<LoadedLead> {
    const cached = this.cache.get(leadId);
    const fromRevision = cached ? cached.revision + 1 : 0;
    const events = await this.store.readStream(leadStreamId(leadId), { fromRevision });
    if (cached && events.length === 0) return cached;
    const lead = foldLead(events, cached);
    if (lead.revision >= 0) this.cache.set(leadId, lead);
    return lead;
  }

  /** A state from part of the stream (up to a time or revision); never cached. */
  async loadWith(leadId: string, options: ReadStreamOptions): Promise<LoadedLead> {
    return foldLead(await this.store.readStream(leadStreamId(leadId), options));
  }
}

export function foldLead(events: readonly RecordedEvent[], base: LoadedLead = emptyLead()): LoadedLead {
  let { state, revision, position } = base;
  for (const recorded of events) {
    const event = upcastLeadEvent(recorded.type, recorded.metadata.schemaVersion, recorded.data);
    state = evolve(state, event, { occurredAt: recorded.metadata.occurredAt });
    revision = Math.max(revision, recorded.revision);
    position = Math.max(position, recorded.position);
  }
  return { state, revision, position };
}

export const emptyLead = (): LoadedLead => ({ state: initialLeadState, revision: -1, position: 0 });
