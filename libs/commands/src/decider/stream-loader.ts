import { EventStore, ReadStreamOptions, RecordedEvent } from '@crm/event-store';
import { Decider, DomainEvent, FactOrder, StoredFact } from '@crm/kernel';
import { StateCache } from './state-cache';

export interface LoadedStream<State> {
  state: State;
  /** The stream's last revision; -1 when the stream does not exist. */
  revision: number;
  /** Global position of the stream's last event; 0 when it does not exist. */
  position: number;
  /** The last fact in fold order: an ordered fold may only be extended by facts that come after it. */
  last?: StoredFact;
}

/** Loads a stream's state by folding its events through the decider's evolve, in the decider's fold order. */
export class StreamLoader<State> {
  private readonly cache = new StateCache<LoadedStream<State>>();

  constructor(private readonly store: EventStore, private readonly decider: Decider<unknown, DomainEvent, State>) {}

  /** The current state: the cached fold caught up with whatever was appended since (by any process). */
  async load(streamId: string): Promise<LoadedStream<State>> {
    const cached = this.cache.get(streamId);
    const events = await this.store.readStream(streamId, { fromRevision: cached ? cached.revision + 1 : 0 });
    if (cached && events.length === 0) return cached;
    // A late (back-dated) entry belongs before facts already folded: the whole stream is folded again.
    const loaded = cached && this.extends(cached, events)
      ? this.fold(events, cached)
      : this.fold(cached ? await this.store.readStream(streamId) : events);
    if (loaded.revision >= 0) this.cache.set(streamId, loaded);
    return loaded;
  }

  /** A state from part of the stream (up to a time or revision); never cached. */
  async loadWith(streamId: string, options: ReadStreamOptions): Promise<LoadedStream<State>> {
    return this.fold(await this.store.readStream(streamId, options));
  }

  /** Folds events in the decider's order onto `base` (which they must extend). */
  fold(events: readonly RecordedEvent[], base: LoadedStream<State> = this.empty()): LoadedStream<State> {
    const order = this.decider.foldOrder;
    const ordered = order === 'revision' ? events : [...events].sort((a, b) => order(factOf(a), factOf(b)));
    let { state, revision, position, last } = base;
    for (const recorded of ordered) {
      const event = this.decider.decode(recorded.type, recorded.metadata.schemaVersion, recorded.data);
      if (event) state = this.decider.evolve(state, event, { occurredAt: recorded.metadata.occurredAt, revision: recorded.revision });
      revision = Math.max(revision, recorded.revision);
      position = Math.max(position, recorded.position);
      if (order !== 'revision') last = factOf(recorded);
    }
    return last === undefined ? { state, revision, position } : { state, revision, position, last };
  }

  empty(): LoadedStream<State> {
    return { state: this.decider.initialState, revision: -1, position: 0 };
  }

  private extends(base: LoadedStream<State>, events: readonly RecordedEvent[]): boolean {
    const order: 'revision' | FactOrder = this.decider.foldOrder;
    if (order === 'revision' || base.last === undefined) return true;
    const last = base.last;
    return events.every((event) => order(factOf(event), last) > 0);
  }
}

const factOf = (recorded: RecordedEvent): StoredFact =>
  ({ type: recorded.type, occurredAt: recorded.metadata.occurredAt, revision: recorded.revision });
