import { EventMetadata } from '@crm/kernel';

/** 'any': no check; 'no_stream': the stream must not exist; a number: the stream's current last revision. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface EventToAppend {
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

export interface RecordedEvent<Data = unknown> {
  streamId: string;
  /** 0-based position of the event within its stream. */
  revision: number;
  /** 1-based position in the global log; strictly increasing, never reused, never goes back. */
  position: number;
  type: string;
  data: Data;
  metadata: EventMetadata;
}

export interface AppendResult {
  /** Revision of the last appended event: the stream's new expected revision (the ETag). */
  nextRevision: number;
  /** Global position of the last appended event (for read-your-writes). */
  position: number;
}

export interface ReadStreamOptions {
  direction?: 'forward' | 'backward';
  /** Inclusive start revision (forward: the lowest; backward: the highest). */
  fromRevision?: number;
  /** Inclusive last revision to read when reading forward. */
  toRevision?: number;
  /** Only events with metadata.occurredAt <= this ISO time ("as it was"). */
  occurredUntil?: string;
  /** Only events with metadata.recordedAt <= this ISO time ("as the system knew it"). */
  recordedUntil?: string;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events with position > afterPosition. 0 reads from the start. */
  afterPosition?: number;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** The subscriber's checkpoint: delivery starts with the first event after it. */
  afterPosition: number;
  /** Largest batch handed to the handler at once. */
  batchSize?: number;
  /** Called with each batch in position order; the next batch waits for the returned promise. */
  onEvents: (events: RecordedEvent[]) => Promise<void>;
  /** Called when the handler throws; the subscription stops after calling it. */
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Resolves once the handler has processed every event up to `position`. */
  waitFor(position: number, timeoutMs?: number): Promise<void>;
  /** The last position handed to and completed by the handler. */
  readonly checkpoint: number;
  stop(): Promise<void>;
}

/**
 * The event store port. Adapters (SQLite embedded, PostgreSQL, EventStoreDB) all pass `event-store.contract.ts`.
 * Global positions never go back, and a subscriber never skips an event that commits later with a lower position.
 */
export abstract class EventStore {
  /**
   * True when appends issued without awaiting one another commit in the order they were issued (group commit, one
   * batch in flight). A bulk copy then writes many appends at once without reordering the log.
   */
  readonly commitsInIssueOrder: boolean = false;

  abstract append(streamId: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  abstract readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  abstract readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The position of the last committed event in the global log (0 when empty). */
  abstract headPosition(): Promise<number>;
  abstract subscribe(options: SubscribeOptions): Subscription;
  abstract close(): Promise<void>;
}
