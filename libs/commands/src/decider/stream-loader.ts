import { EventStore, ReadStreamOptions, RecordedEvent } from '@crm/event-store';
import { Decider, DomainEvent } from '@crm/kernel';
import { StateCache } from './state-cache';

export interface LoadedStream<State> {
  state: State;
  /** The stream's last revision; -1 when the stream does not exist. */
  revision: number;
  /** Global position of the stream's last event; 0 when it does not exist. */
  position: number;
  /** The latest occurredAt folded in: an occurrence-ordered fold may only be extended by facts not earlier. */
  lastOccurredAt?: string;
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
    let loaded: LoadedStream<State>;
    if (cached && this.extends(cached, events)) loaded = this.fold(events, cached);
    else loaded = this.fold(cached ? await this.store.readStream(streamId) : events);
    if (loaded.revision >= 0) this.cache.set(streamId, loaded);
    return loaded;
  }

  /** A state from part of the stream (up to a time or revision); never cached. */
  async loadWith(streamId: string, options: ReadStreamOptions): Promise<LoadedStream<State>> {
    return this.fold(await this.store.readStream(streamId, options));
  }

  /** Folds events in the decider's order onto `base` (which they must extend). */
  fold(events: readonly RecordedEvent[], base: LoadedStream<State> = this.empty()): LoadedStream<State> {
    const ordered = this.decider.foldOrder === 'occurrence' ? byOccurrence(events) : events;
    let { state, revision, position, lastOccurredAt } = base;
    for (const recorded of ordered) {
      const { occurredAt, schemaVersion } = recorded.metadata;
      const event = this.decider.decode(recorded.type, schemaVersion, recorded.data);
      if (event) state = this.decider.evolve(state, event, { occurredAt, revision: recorded.revision });
      revision = Math.max(revision, recorded.revision);
      position = Math.max(position, recorded.position);
      if (lastOccurredAt === undefined || occurredAt > lastOccurredAt) lastOccurredAt = occurredAt;
    }
    return lastOccurredAt === undefined ? { state, revision, position } : { state, revision, position, lastOccurredAt };
  }

  empty(): LoadedStream<State> {
    return { state: this.decider.initialState, revision: -1, position: 0 };
  }

  /** New events extend a fold unless one of them happened before a fact already folded (a late entry). */
  private extends(base: LoadedStream<State>, events: readonly RecordedEvent[]): boolean {
    if (this.decider.foldOrder === 'revision' || base.lastOccurredAt === undefined) return true;
    const last = base.lastOccurredAt;
    return events.every((event) => event.metadata.occurredAt >= last);
  }
}

/** Occurrence order; a tie keeps stream order. ISO-8601 UTC strings of one format compare as times. */
export function byOccurrence(events: readonly RecordedEvent[]): RecordedEvent[] {
  return [...events].sort((a, b) => compareText(a.metadata.occurredAt, b.metadata.occurredAt) || a.revision - b.revision);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
