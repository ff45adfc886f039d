import { Injectable } from '@nestjs/common';
import { EventStore, ReadStreamOptions, RecordedEvent } from '@crm/event-store';
import {
  extendLeadHistory, foldLeadHistory, FoldedLeadHistory, initialLeadState, LeadFact, LeadState, leadStreamId, Occurrence, upcastLeadEvent,
} from '@crm/lead';
import { LeadStateCache } from './lead-state.cache';

export interface LoadedLead {
  state: LeadState;
  /** The stream's last revision; -1 when the lead's stream does not exist. */
  revision: number;
  /** Global position of the stream's last event; 0 when it does not exist. */
  position: number;
  /** The latest fact folded in by occurrence: a later read folds onto this state only if nothing new happened before it. */
  last?: Occurrence;
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
    // A late (back-dated) entry happened before facts already folded: the whole stream is folded again.
    const lead = (cached && extendLead(cached, events)) ?? foldLead(cached ? await this.store.readStream(leadStreamId(leadId)) : events);
    if (lead.revision >= 0) this.cache.set(leadId, lead);
    return lead;
  }

  /** A state from part of the stream (up to a time or revision); never cached. */
  async loadWith(leadId: string, options: ReadStreamOptions): Promise<LoadedLead> {
    return foldLead(await this.store.readStream(leadStreamId(leadId), options));
  }
}

/** The lead from its events in the order they happened (occurredAt, ties by revision): see `foldLeadHistory`. */
export function foldLead(events: readonly RecordedEvent[]): LoadedLead {
  return loaded(foldLeadHistory(events.map(toFact)), events, emptyLead());
}

/** Folds newer events onto a loaded lead; undefined when one of them happened before what it already holds. */
export function extendLead(base: LoadedLead, events: readonly RecordedEvent[]): LoadedLead | undefined {
  const history = extendLeadHistory({ state: base.state, last: base.last }, events.map(toFact));
  return history && loaded(history, events, base);
}

function loaded({ state, last }: FoldedLeadHistory, events: readonly RecordedEvent[], base: LoadedLead): LoadedLead {
  let { revision, position } = base;
  for (const recorded of events) {
    revision = Math.max(revision, recorded.revision);
    position = Math.max(position, recorded.position);
  }
  return { state, revision, position, ...(last ? { last } : {}) };
}

const toFact = (recorded: RecordedEvent): LeadFact => ({
  event: upcastLeadEvent(recorded.type, recorded.metadata.schemaVersion, recorded.data),
  occurredAt: recorded.metadata.occurredAt,
  revision: recorded.revision,
});

export const emptyLead = (): LoadedLead => ({ state: initialLeadState, revision: -1, position: 0 });
