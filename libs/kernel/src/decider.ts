/** An event as a decider produces it: a past-tense fact; the metadata is added by whoever appends it. */
export interface DomainEvent {
  type: string;
  data: unknown;
}

/** What evolve may know of a stored event besides its data: when it happened and where it sits in its stream. */
export interface EventFacts {
  occurredAt: string;
  revision: number;
}

/** A stored event as a fold order sees it. */
export interface StoredFact {
  type: string;
  occurredAt: string;
  revision: number;
}

/** Orders a stream's facts for folding: negative when `a` folds before `b`. */
export type FactOrder = (a: StoredFact, b: StoredFact) => number;

/**
 * A stream's rules as pure functions (the decider of Emmett): what a command makes happen given the state, and
 * how each event changes the state. Framework-free; a generic handler does the loading and appending.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event, facts: EventFacts): State;
  readonly initialState: State;
  /** A stored event in the current shape of its type (upcast from older schema versions); undefined to skip it. */
  decode(type: string, schemaVersion: number, data: unknown): Event | undefined;
  /** The schema version each event type is written with today. */
  schemaVersion(type: string): number;
  /**
   * 'revision' folds in stream order; a FactOrder folds in the order it gives (the lead: when things happened,
   * so that a back-dated fact recorded late counts where it happened, as every read model counts it).
   */
  readonly foldOrder: 'revision' | FactOrder;
}
