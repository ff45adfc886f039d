import { Pool, PoolClient } from 'pg';
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
import { OpenSubscriptions } from '../subscription/open-subscriptions';
import { AppendBatchRow, appendBatchQuery, toOutcomes } from './postgres-append-batch';
import * as sql from './postgres-event-store.sql';
import { migrate } from './postgres-migrations';
import { PostgresNotifications } from './postgres-notifications';
import { appendChannel, checkSchemaName, parsePostgresUrl } from './postgres-schema-name';

export interface PostgresEventStoreOptions {
  /** `postgres://user@host:port/database`, optionally with `?schema=name` (default `event_store`). */
  url: string;
  /** Overrides the URL's schema (tests give each store a schema of its own). */
  schema?: string;
  /** Connections for reads and append batches. */
  poolSize?: number;
  /** How often a caught-up subscription polls when no notification arrives. */
  pollIntervalMs?: number;
  /** Most appends written in one group-commit transaction. */
  maxBatchSize?: number;
  /** The LISTEN connection dropped (it reconnects by itself; subscriptions poll meanwhile). */
  onConnectionError?: (error: unknown) => void;
}

const DEFAULT_POOL_SIZE = 10;
const DEFAULT_POLL_INTERVAL_MS = 100;
const MAX_REVISION = Number.MAX_SAFE_INTEGER;

/**
 * The PostgreSQL event store, for deployments with several API and worker processes.
 *
 * Appends go through group commit: the appends that arrive while a batch is committing are written together in the
 * next one, by one call of `append_batch` (one round trip, one transaction, one WAL flush), each with its own
 * revision check. An append is acknowledged only after its transaction committed (synchronous_commit as the server
 * has it: on by default, i.e. flushed to disk). Readers of the global log use the transaction-id filter explained in
 * postgres-migrations.ts, so a subscriber never skips an event that commits late with a lower position.
 */
export class PostgresEventStore extends EventStore {
  /** One group-commit batch at a time, each written in submission order. */
  override readonly commitsInIssueOrder = true;
  private readonly committer: GroupCommitter<SerializedAppend, AppendResult>;
  private readonly notifications: PostgresNotifications;
  private readonly subscriptions = new OpenSubscriptions();
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly options: PostgresEventStoreOptions,
  ) {
    super();
    this.committer = new GroupCommitter((appends) => this.commit(appends), options.maxBatchSize);
    this.notifications = new PostgresNotifications(
      { connectionString: parsePostgresUrl(options.url).connectionString },
      appendChannel(schema),
      options.onConnectionError,
    );
  }

  /** Connects and brings the schema to the latest migration before returning the store. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const location = parsePostgresUrl(options.url);
    const schema = checkSchemaName(options.schema ?? location.schema);
    const pool = new Pool({ connectionString: location.connectionString, max: options.poolSize ?? DEFAULT_POOL_SIZE });
    // An idle pooled connection that the server drops must not crash the process; the next query reconnects.
    pool.on('error', (error) => options.onConnectionError?.(error));
    try {
      await migrate(pool, schema);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresEventStore(pool, schema, options);
  }

  override async append(streamId: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) throw new Error('PostgresEventStore is closed');
    const append = serializeAppend(streamId, events, expectedRevision);
    if (events.length === 0) return this.checkOnly(append);
    return this.committer.submit(append);
  }

  override async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const forward = options.direction !== 'backward';
    // Backward reads start at fromRevision (the highest) and end at toRevision (the lowest).
    const low = forward ? options.fromRevision : options.toRevision;
    const high = forward ? options.toRevision : options.fromRevision;
    const query = sql.readStreamQuery(this.schema, forward ? 'ASC' : 'DESC', {
      streamId,
      lower: low ?? 0,
      upper: high ?? MAX_REVISION,
      occurredUntil: options.occurredUntil ?? null,
      recordedUntil: options.recordedUntil ?? null,
      limit: options.maxCount ?? null,
    });
    const { rows } = await this.pool.query<sql.EventRow>(query);
    return rows.map(sql.toRecordedEvent);
  }

  override async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAfter(options.afterPosition ?? 0, options.maxCount ?? null);
  }

  override async headPosition(): Promise<number> {
    const { rows } = await this.pool.query<{ position: string }>(sql.headPositionQuery(this.schema));
    return Number(rows[0]?.position ?? 0);
  }

  override subscribe(options: SubscribeOptions): Subscription {
    if (this.closed) throw new Error('PostgresEventStore is closed');
    return this.subscriptions.start({
      ...options,
      readBatch: (afterPosition, maxCount) => this.readAfter(afterPosition, maxCount),
      wakeUps: this.notifications,
      pollIntervalMs: this.options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    });
  }

  /** Commits the appends already accepted, stops the subscriptions, then closes every connection. */
  override async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.committer.drain();
    await this.subscriptions.stopAll();
    await this.notifications.close();
    await this.pool.end();
  }

  private async readAfter(afterPosition: number, maxCount: number | null): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<sql.EventRow>(sql.readAllQuery(this.schema, afterPosition, maxCount));
    return rows.map(sql.toRecordedEvent);
  }

  private async checkOnly(append: SerializedAppend): Promise<AppendResult> {
    const { rows } = await this.pool.query<{ revision: string }>(sql.streamRevisionQuery(this.schema, append.streamId));
    const current = rows[0] ? Number(rows[0].revision) : undefined;
    checkExpectedRevision(append.streamId, append.expected, current);
    return { nextRevision: current ?? -1, position: await this.headPosition() };
  }

  /**
   * A batch fails as a whole only when one of its appends breaks a constraint (a duplicate event id, a timestamp
   * PostgreSQL cannot read) or it deadlocks with another process's batch; then each append is retried alone, so that
   * each caller still gets its own result or its own error.
   */
  private async commit(appends: SerializedAppend[]): Promise<BatchOutcome<AppendResult>[]> {
    let outcomes: BatchOutcome<AppendResult>[];
    try {
      outcomes = await this.writeBatch(appends);
    } catch (error) {
      if (appends.length === 1) throw error;
      outcomes = [];
      for (const append of appends) {
        outcomes.push(await this.writeBatch([append]).then(([outcome]) => outcome!, (failure: unknown) => ({ ok: false as const, error: failure })));
      }
    }
    if (outcomes.some((outcome) => outcome.ok)) this.notifications.notify();
    return outcomes;
  }

  private async writeBatch(appends: SerializedAppend[]): Promise<BatchOutcome<AppendResult>[]> {
    const client: PoolClient = await this.pool.connect();
    let rows: AppendBatchRow[];
    try {
      rows = (await client.query<AppendBatchRow>(appendBatchQuery(this.schema, appends))).rows;
    } catch (error) {
      // Destroy the connection rather than return it: if the call failed inside its critical section, closing the
      // session is what releases the advisory lock it held.
      client.release(error instanceof Error ? error : true);
      throw error;
    }
    client.release();
    return toOutcomes(appends, rows);
  }
}
