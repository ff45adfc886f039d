import Database from 'better-sqlite3';
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
import { AppendNotifier } from '../subscription/append-notifier';
import { PollingSubscription } from '../subscription/polling-subscription';
import { applyPragmas, ensureSchema } from './sqlite-event-store.schema';
import { prepareStatements, SqliteStatements, toRecordedEvent } from './sqlite-event-store.statements';

export interface SqliteEventStoreOptions {
  /** A file path, or ':memory:' for a store private to this instance. */
  path: string;
  /** How often a caught-up subscription looks for appends made by other processes. */
  pollIntervalMs?: number;
  /** How long a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
}

const NO_LIMIT = -1;
const MAX_REVISION = Number.MAX_SAFE_INTEGER;

/** The embedded event store: one SQLite file, shareable by the API and worker processes. */
export class SqliteEventStore extends EventStore {
  private readonly db: Database.Database;
  private readonly statements: SqliteStatements;
  private readonly notifier = new AppendNotifier();
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly appendInTransaction: (
    streamId: string,
    events: EventToAppend[],
    expected: ExpectedRevision,
  ) => AppendResult;
  private closed = false;

  constructor(private readonly options: SqliteEventStoreOptions) {
    super();
    this.db = new Database(options.path);
    applyPragmas(this.db, options.busyTimeoutMs ?? 5_000);
    ensureSchema(this.db);
    this.statements = prepareStatements(this.db);
    // IMMEDIATE takes the write lock up front: a deferred transaction that reads and then writes can fail with
    // SQLITE_BUSY when another process wrote in between, without busy_timeout helping.
    const transaction = this.db.transaction(this.appendRows.bind(this));
    this.appendInTransaction = (streamId, events, expected) => transaction.immediate(streamId, events, expected);
  }

  override async append(
    streamId: string,
    events: EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const result = this.appendInTransaction(streamId, events, expectedRevision);
    if (events.length > 0) this.notifier.notify();
    return result;
  }

  override async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const forward = options.direction !== 'backward';
    // Backward reads start at fromRevision (the highest) and end at toRevision (the lowest).
    const low = forward ? options.fromRevision : options.toRevision;
    const high = forward ? options.toRevision : options.fromRevision;
    const statement = forward ? this.statements.readStreamForward : this.statements.readStreamBackward;
    return statement
      .all({
        streamId,
        lower: low ?? 0,
        upper: high ?? MAX_REVISION,
        occurredUntil: options.occurredUntil ?? null,
        recordedUntil: options.recordedUntil ?? null,
        limit: options.maxCount ?? NO_LIMIT,
      })
      .map(toRecordedEvent);
  }

  override async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAfter(options.afterPosition ?? 0, options.maxCount ?? NO_LIMIT);
  }

  override async headPosition(): Promise<number> {
    return this.statements.headPosition.get()?.head ?? 0;
  }

  override subscribe(options: SubscribeOptions): Subscription {
    if (this.closed) throw new Error('SqliteEventStore is closed');
    const subscription = new PollingSubscription({
      ...options,
      readBatch: async (afterPosition, maxCount) => this.readAfter(afterPosition, maxCount),
      wakeUps: this.notifier,
      pollIntervalMs: this.options.pollIntervalMs,
    });
    this.subscriptions.add(subscription);
    return {
      get checkpoint() {
        return subscription.checkpoint;
      },
      waitFor: (position, timeoutMs) => subscription.waitFor(position, timeoutMs),
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  /** Stops this instance's subscriptions (each finishes its in-flight batch), then closes the connection. */
  override async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    this.db.close();
  }

  private readAfter(afterPosition: number, maxCount: number): RecordedEvent[] {
    return this.statements.readAll.all(afterPosition, maxCount).map(toRecordedEvent);
  }

  private appendRows(streamId: string, events: EventToAppend[], expected: ExpectedRevision): AppendResult {
    const current = this.statements.streamRevision.get(streamId)?.revision;
    checkExpectedRevision(streamId, expected, current);
    let revision = current ?? -1;
    let position = 0;
    for (const event of events) {
      revision += 1;
      const { metadata } = event;
      const inserted = this.statements.insertEvent.run(
        streamId,
        revision,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(metadata),
        metadata.eventId,
        metadata.occurredAt,
        metadata.recordedAt,
      );
      position = Number(inserted.lastInsertRowid);
    }
    if (events.length === 0) return { nextRevision: revision, position: this.statements.headPosition.get()?.head ?? 0 };
    if (current === undefined) this.statements.insertStream.run(streamId, revision);
    else this.statements.updateStream.run(revision, streamId);
    return { nextRevision: revision, position };
  }
}

function checkExpectedRevision(streamId: string, expected: ExpectedRevision, current: number | undefined): void {
  const actual = current ?? 'no_stream';
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'stream_exists' && current !== undefined) ||
    expected === current;
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
}
