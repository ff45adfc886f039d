import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { WrongExpectedRevisionError } from '../event-store.errors';
import { checkExpectedRevision } from '../append/check-expected-revision';
import { OpenSubscriptions } from '../subscription/open-subscriptions';
import { EventStoreDbWakeUps } from './eventstoredb-wake-ups';
import {
  fromCurrentRevision,
  readPositionAfter,
  StreamNamespace,
  toEventData,
  toExpectedRevision,
  toPosition,
  toRecordedEvent,
} from './eventstoredb-mapping';

/** The part of the client this adapter uses (a test fake stands in for it where no server can run). */
export type EventStoreDbClientPort = Pick<EventStoreDBClient, 'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'>;

export interface EventStoreDbEventStoreOptions {
  /** A connection string: `esdb://host:2113?tls=false`, `esdb+discover://cluster-dns:2113`, ... */
  url: string;
  /** Only for tests without a server: the client to use instead of connecting to `url`. */
  client?: EventStoreDbClientPort;
  /** Stream-name prefix that scopes this store to its own part of a shared cluster (environments, test runs). */
  namespace?: string;
  /** How often a caught-up subscription polls $all when the live subscription wakes nothing. */
  pollIntervalMs?: number;
  /** The live $all subscription failed; it is restarted with backoff, subscriptions poll meanwhile. */
  onConnectionError?: (error: unknown) => void;
  /** Events per $all read (system events included); our events are collected across pages. */
  allPageSize?: number;
}

/** $all also holds system events ($stats, projections' links, ...): read it in pages this large and keep ours. */
const DEFAULT_ALL_PAGE_SIZE = 500;
const DEFAULT_POLL_INTERVAL_MS = 500;

/**
 * The EventStoreDB adapter (production store for clustered deployments). Streams, expected revisions and the
 * global log map one to one (see eventstoredb-mapping.ts); subscriptions reuse the polling catch-up loop over
 * $all, woken by a live server-side filtered subscription, so they behave as on the other adapters.
 * Time-bounded stream reads ("as it was", "as known") filter client-side: a lead's stream is small.
 */
export class EventStoreDbEventStore extends EventStore {
  private readonly client: EventStoreDbClientPort;
  private readonly namespace: StreamNamespace;
  private readonly wakeUps: EventStoreDbWakeUps;
  private readonly subscriptions = new OpenSubscriptions();
  private closed = false;

  constructor(private readonly options: EventStoreDbEventStoreOptions) {
    super();
    this.client = options.client ?? EventStoreDBClient.connectionString(options.url);
    this.namespace = new StreamNamespace(options.namespace);
    this.wakeUps = new EventStoreDbWakeUps(this.client, this.namespace.regex, options.onConnectionError);
  }

  override async append(streamId: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) throw new Error('EventStoreDbEventStore is closed');
    if (events.length === 0) return this.checkOnly(streamId, expectedRevision);
    const data = events.map(toEventData);
    try {
      const result = await this.client.appendToStream(this.namespace.toStored(streamId), data, {
        expectedRevision: toExpectedRevision(expectedRevision),
      });
      this.wakeUps.notify();
      return { nextRevision: Number(result.nextExpectedRevision), position: toPosition(result.position) };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new WrongExpectedRevisionError(streamId, expectedRevision, fromCurrentRevision(error.actualVersion));
      }
      throw error;
    }
  }

  override async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const forward = options.direction !== 'backward';
    const timeBounded = options.occurredUntil !== undefined || options.recordedUntil !== undefined;
    // Backward reads start at fromRevision (the highest) and end at toRevision (the lowest).
    const start = options.fromRevision;
    const bound = options.toRevision;
    const found: RecordedEvent[] = [];
    try {
      const reading = this.client.readStream(this.namespace.toStored(streamId), {
        direction: forward ? FORWARDS : BACKWARDS,
        fromRevision: start !== undefined ? BigInt(start) : forward ? START : END,
        // With a time bound, maxCount applies to what passes the filter, so the server cannot cap the read.
        ...(options.maxCount !== undefined && !timeBounded && bound === undefined ? { maxCount: options.maxCount } : {}),
      });
      for await (const resolved of reading) {
        const event = resolved.event;
        if (!event) continue;
        const recorded = toRecordedEvent(event, streamId);
        if (bound !== undefined && (forward ? recorded.revision > bound : recorded.revision < bound)) break;
        if (!withinTime(recorded, options)) continue;
        found.push(recorded);
        if (options.maxCount !== undefined && found.length >= options.maxCount) break;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return found;
  }

  override async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAfter(options.afterPosition ?? 0, options.maxCount ?? Number.MAX_SAFE_INTEGER);
  }

  override async headPosition(): Promise<number> {
    const reading = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: Number.MAX_SAFE_INTEGER });
    for await (const resolved of reading) {
      const event = resolved.event;
      if (event && this.namespace.fromStored(event.streamId) !== undefined) {
        await reading.cancel();
        return toPosition(event.position);
      }
    }
    return 0;
  }

  override subscribe(options: SubscribeOptions): Subscription {
    if (this.closed) throw new Error('EventStoreDbEventStore is closed');
    return this.subscriptions.start({
      ...options,
      readBatch: (afterPosition, maxCount) => this.readAfter(afterPosition, maxCount),
      wakeUps: this.wakeUps,
      pollIntervalMs: this.options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    });
  }

  override async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.subscriptions.stopAll();
    await this.wakeUps.close();
    await this.client.dispose();
  }

  /** Our events after `afterPosition`, in log order: $all read forward page by page, system streams left out. */
  private async readAfter(afterPosition: number, maxCount: number): Promise<RecordedEvent[]> {
    const found: RecordedEvent[] = [];
    const pageSize = this.options.allPageSize ?? DEFAULT_ALL_PAGE_SIZE;
    let from = afterPosition;
    for (;;) {
      let seen = 0;
      const reading = this.client.readAll({ direction: FORWARDS, fromPosition: readPositionAfter(from), maxCount: pageSize });
      for await (const resolved of reading) {
        seen += 1;
        const event = resolved.event;
        if (!event) continue;
        const position = toPosition(event.position);
        if (position <= from) continue; // the read starts at `from` itself
        from = position;
        const streamId = this.namespace.fromStored(event.streamId);
        if (streamId === undefined) continue;
        found.push(toRecordedEvent(event, streamId));
        if (found.length >= maxCount) {
          await reading.cancel();
          return found;
        }
      }
      if (seen < pageSize) return found;
    }
  }

  private async checkOnly(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const [last] = await this.readStream(streamId, { direction: 'backward', maxCount: 1 });
    checkExpectedRevision(streamId, expected, last?.revision);
    return { nextRevision: last?.revision ?? -1, position: await this.headPosition() };
  }
}

function withinTime(event: RecordedEvent, options: ReadStreamOptions): boolean {
  const { occurredAt, recordedAt } = event.metadata;
  return (
    (options.occurredUntil === undefined || occurredAt <= options.occurredUntil) &&
    (options.recordedUntil === undefined || recordedAt <= options.recordedUntil)
  );
}
