import { LRUCache } from 'lru-cache';
import type { EventStore, RecordedEvent } from '@crm/event-store';
import { decodeLeadEvent } from './lead-event.decoder';
import { evolveDerived, LeadDerivedState, NO_DERIVED_STATE } from './lead-derived-state';

interface Entry {
  /** The stream revision the state includes. */
  revision: number;
  state: LeadDerivedState;
}

/**
 * The derived state of recently seen leads, by stream revision. A cache, not state: an entry is used only for
 * the event right after the revision it holds; anything else (a restart, a retried batch, an evicted lead)
 * folds the lead's own stream up to the event before. So the relay's output never depends on what it held.
 */
export class DerivedStateCache {
  private readonly entries: LRUCache<string, Entry>;
  loads = 0;

  constructor(private readonly store: EventStore, maxLeads = 50_000) {
    this.entries = new LRUCache<string, Entry>({ max: maxLeads });
  }

  /** The state just before `event` (which must be a lead event). */
  async before(event: RecordedEvent): Promise<LeadDerivedState> {
    const cached = this.entries.get(event.streamId);
    if (cached && cached.revision === event.revision - 1) return cached.state;
    if (event.revision === 0) return NO_DERIVED_STATE;
    this.loads += 1;
    const history = await this.store.readStream(event.streamId, { toRevision: event.revision - 1 });
    let state = NO_DERIVED_STATE;
    for (const recorded of history) {
      const envelope = decodeLeadEvent(recorded);
      if (envelope) state = evolveDerived(state, envelope.event);
    }
    return state;
  }

  remember(event: RecordedEvent, state: LeadDerivedState): void {
    this.entries.set(event.streamId, { revision: event.revision, state });
  }

  clear(): void {
    this.entries.clear();
  }
}
