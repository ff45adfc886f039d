import {
  ANY,
  AppendExpectedRevision,
  CurrentRevision,
  EventData,
  jsonEvent,
  JSONType,
  NO_STREAM,
  Position,
  ReadPosition,
  START,
  STREAM_EXISTS,
} from '@eventstore/db-client';
import type { EventMetadata } from '@crm/kernel';
import type { EventToAppend, ExpectedRevision, RecordedEvent } from '../event-store.port';

/** Our expected revision in the client's terms: the same four cases, revisions as BigInt. */
export function toExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

/** The stream's actual revision from a WrongExpectedVersionError. */
export function fromCurrentRevision(current: CurrentRevision): number | 'no_stream' {
  return current === NO_STREAM ? 'no_stream' : Number(current);
}

/**
 * Our global position is EventStoreDB's commit position: the byte offset of the event's record in the transaction
 * log. Events appended through gRPC carry commit == prepare, one record each, written by the single writer in log
 * order, so the commit position is unique per event and only grows; a byte offset stays below 2^53 (8 PiB of log),
 * so it is exact as a JS number. Needs EventStoreDB 22.6 or later, which returns positions on stream reads too.
 */
export function toPosition(position: Position | undefined): number {
  if (!position) throw new Error('EventStoreDB returned no log position (EventStoreDB 22.6 or later is required)');
  if (position.commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`EventStoreDB commit position ${position.commit} is beyond 2^53 (no position for this event)`);
  }
  return Number(position.commit);
}

/** Where a forward read of $all starts for "after `position`": reads are inclusive, so the caller skips that event. */
export function readPositionAfter(position: number): ReadPosition {
  if (position <= 0) return START;
  const at = BigInt(position);
  return { commit: at, prepare: at };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Our event as the client's JSON event: the event id becomes EventStoreDB's (which makes a retried append
 * idempotent on the server), the whole metadata travels as its metadata. The client serialises inside a promise
 * executor where a throw would leave the append pending forever, so everything is checked here first.
 */
export function toEventData(event: EventToAppend): EventData {
  const { eventId } = event.metadata;
  if (!UUID.test(eventId)) throw new Error(`EventStoreDB needs UUID event ids; got "${eventId}"`);
  JSON.stringify(event.data);
  JSON.stringify(event.metadata);
  return jsonEvent({
    id: eventId,
    type: event.type,
    data: event.data as JSONType,
    metadata: event.metadata as unknown as JSONType,
  });
}

/** What a read hands back, minus what the client adds; the store's stream name is given without its namespace. */
export interface StoredEvent {
  streamId: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

export function toRecordedEvent(event: StoredEvent, streamId: string): RecordedEvent {
  return {
    streamId,
    revision: Number(event.revision),
    position: toPosition(event.position),
    type: event.type,
    data: event.data,
    metadata: event.metadata as EventMetadata,
  };
}

/**
 * Which streams of $all are ours, in one place: everything but system streams (`$...`, including `$$` metadata
 * streams), so a new stream prefix (lead-, phone-, showroom-, ...) needs no change here. With a namespace (several
 * environments or test runs on one cluster) only the streams under it.
 */
export class StreamNamespace {
  constructor(readonly prefix = '') {
    if (prefix.startsWith('$')) throw new Error('an EventStoreDB namespace cannot start with $ (system streams)');
  }

  /** The stream's name in EventStoreDB. */
  toStored(streamId: string): string {
    return `${this.prefix}${streamId}`;
  }

  /** Our stream id for a stored stream name, or undefined when the stream is not ours. */
  fromStored(name: string): string | undefined {
    if (name.startsWith('$') || !name.startsWith(this.prefix)) return undefined;
    return name.slice(this.prefix.length);
  }

  /** The same rule as a server-side stream-name filter (.NET regex) for subscriptions. */
  get regex(): string {
    return this.prefix ? `^${this.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` : '^[^$]';
  }
}
