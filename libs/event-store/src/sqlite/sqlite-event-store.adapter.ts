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
import { checkExpectedRevision } from '../append/check-expected-revision';
import { BatchOutcome, GroupCommitter } from '../append/group-committer';
import { SerializedAppend, serializeAppend } from '../append/serialized-event';
import { AppendNotifier } from '../subscription/append-notifier';
import { OpenSubscriptions } from '../subscription/open-subscriptions';
import { applyPragmas, ensureSchema, SqliteSynchronous } from './sqlite-event-store.schema';
import { prepareStatements, SqliteStatements, toRecordedEvent } from './sqlite-event-store.statements';

export type { SqliteSynchronous } from './sqlite-event-store.schema';

export interface SqliteEventStoreOptions {
  /** A file path, or ':memory:' for a store private to this instance. */
  path: string;
  /**
   * 'full' (default): an acknowledged append is on disk (fsync at every commit) and survives power loss.
   * 'normal': it survives a crash of the process but not of the OS; faster when appends come one at a time.
   */
  synchronous?: SqliteSynchronous;
  /** How often a caught-up subscription looks for appends made by other processes. */
  pollIntervalMs?: number;
  /** How long a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
  /** Most appends written in one group-commit transaction. */
  maxBatchSize?: number;
}

const NO_LIMIT = -1;
const MAX_REVISION = Number.MAX_SAFE_INTEGER;
/** PRAGMA synchronous reports FULL as 2. */
const FULL = 2;

/**
 * The embedded event store: one SQLite file, shareable by the API and worker processes.
 *
 * Appends go through group commit: those that arrive in the same turn of the event loop share one IMMEDIATE
 * transaction (one fsync), each inside its own savepoint with its own revision check, so one failed check rolls
 * back that append only. better-sqlite3 is synchronous, so a batch is written and committed within one turn:
 * no read on this connection can run between an append's write and its commit, and the notifier fires after it.
 */
export class SqliteEventStore extends EventStore {
  /** One group-commit batch at a time, each written in submission order. */
  override readonly commitsInIssueOrder = true;
  private readonly db: Database.Database;
  private readonly statements: SqliteStatements;
  private readonly notifier = new AppendNotifier();
  private readonly subscriptions = new OpenSubscriptions();
  private readonly committer: GroupCommitter<SerializedAppend, AppendResult>;
  private readonly writeBatch: (batch: SerializedAppend[]) => BatchOutcome<AppendResult>[];
  private closed = false;

  constructor(private readonly options: SqliteEventStoreOptions) {
    super();
    this.db = new Database(options.path);
    applyPragmas(this.db, { busyTimeoutMs: options.busyTimeoutMs ?? 5_000, synchronous: options.synchronous ?? 'full' });
    ensureSchema(this.db);
    this.statements = prepareStatements(this.db);
    // A transaction function called inside another one runs as a savepoint: a throw rolls back that append only.
    const appendOne = this.db.transaction((append: SerializedAppend) => this.appendRows(append));
    const batch = this.db.transaction((appends: SerializedAppend[]) => appends.map((append) => attempt(() => appendOne(append))));
    // IMMEDIATE takes the write lock up front: a deferred transaction that reads and then writes can fail with
    // SQLITE_BUSY when another process wrote in between, without busy_timeout helping.
    this.writeBatch = (appends) => batch.immediate(appends);
    this.committer = new GroupCommitter((appends) => this.commit(appends), options.maxBatchSize);
  }

  /** The durability this connection commits with: 'full' (fsync at every commit) unless configured otherwise. */
  get synchronous(): SqliteSynchronous {
    return this.db.pragma('synchronous', { simple: true }) === FULL ? 'full' : 'normal';
  }

  override async append(
    streamId: string,
    events: EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    if (this.closed) throw new Error('SqliteEventStore is closed');
    return this.committer.submit(serializeAppend(streamId, events, expectedRevision));
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
    return this.subscriptions.start({
      ...options,
      readBatch: async (afterPosition, maxCount) => this.readAfter(afterPosition, maxCount),
      wakeUps: this.notifier,
      pollIntervalMs: this.options.pollIntervalMs,
    });
  }

  /**
   * Commits the appends already accepted, stops this instance's subscriptions (each finishes its in-flight batch),
   * then closes the connection.
   */
  override async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.committer.drain();
    await this.subscriptions.stopAll();
    this.db.close();
  }

  private commit(appends: SerializedAppend[]): BatchOutcome<AppendResult>[] {
    const outcomes = this.writeBatch(appends);
    if (appends.some((append, index) => append.events.length > 0 && outcomes[index]?.ok)) this.notifier.notify();
    return outcomes;
  }

  private readAfter(afterPosition: number, maxCount: number): RecordedEvent[] {
    return this.statements.readAll.all(afterPosition, maxCount).map(toRecordedEvent);
  }

  private appendRows({ streamId, events, expected }: SerializedAppend): AppendResult {
    const current = this.statements.streamRevision.get(streamId)?.revision;
    checkExpectedRevision(streamId, expected, current);
    let revision = current ?? -1;
    let position = 0;
    for (const event of events) {
      revision += 1;
      const inserted = this.statements.insertEvent.run(
        streamId,
        revision,
        event.type,
        event.data,
        event.metadata,
        event.eventId,
        event.occurredAt,
        event.recordedAt,
      );
      position = Number(inserted.lastInsertRowid);
    }
    if (events.length === 0) return { nextRevision: revision, position: this.statements.headPosition.get()?.head ?? 0 };
    if (current === undefined) this.statements.insertStream.run(streamId, revision);
    else this.statements.updateStream.run(revision, streamId);
    return { nextRevision: revision, position };
  }
}

function attempt<Result>(work: () => Result): BatchOutcome<Result> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    return { ok: false, error };
  }
}
