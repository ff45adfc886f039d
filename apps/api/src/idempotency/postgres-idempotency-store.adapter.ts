import { Pool } from 'pg';
import { checkSchemaName, migratePostgresSchema, parsePostgresUrl, PostgresMigration } from '@crm/event-store';
import { ClaimResult, IdempotencyRecord, IdempotencyStore, StoredResponse } from './idempotency-store.port';

/** The schema of the idempotency keys, apart from the event store's own (it is the API's state, not the log's). */
export const DEFAULT_IDEMPOTENCY_SCHEMA = 'api_idempotency';

export interface PostgresIdempotencyStoreOptions {
  /** The event store's DATABASE_URL; its `?schema=` names the event store's schema and is ignored here. */
  url: string;
  schema?: string;
  poolSize?: number;
}

interface Row {
  scope: string;
  key: string;
  request_hash: string;
  status: IdempotencyRecord['status'];
  response: StoredResponse | null;
  owner: string;
  claimed_at: Date;
}

/** Every migration, oldest first; an applied one is never edited. */
export const IDEMPOTENCY_MIGRATIONS: readonly PostgresMigration[] = [{
  version: 1,
  description: 'idempotency keys',
  // response is json, not jsonb: a replayed body keeps the key order it was first sent with.
  sql: (s) => `
    CREATE TABLE ${s}.idempotency_keys (
      scope        text        NOT NULL,
      key          text        NOT NULL,
      request_hash text        NOT NULL,
      status       text        NOT NULL CHECK (status IN ('in_progress', 'completed')),
      response     json,
      owner        text        NOT NULL,
      claimed_at   timestamptz NOT NULL,
      PRIMARY KEY (scope, key)
    );
    CREATE INDEX idempotency_keys_claimed_at ON ${s}.idempotency_keys (claimed_at);
  `,
}];

/**
 * Idempotency keys in PostgreSQL (EVENT_STORE=postgres), so that a retry that lands on another API process finds
 * the key its first attempt claimed. Each statement is atomic on its own; no transaction spans two.
 */
export class PostgresIdempotencyStore extends IdempotencyStore {
  override readonly shared = true;
  private closed = false;

  private constructor(private readonly pool: Pool, private readonly schema: string) {
    super();
  }

  static async open(options: PostgresIdempotencyStoreOptions): Promise<PostgresIdempotencyStore> {
    const schema = checkSchemaName(options.schema ?? DEFAULT_IDEMPOTENCY_SCHEMA);
    const pool = new Pool({ connectionString: parsePostgresUrl(options.url).connectionString, max: options.poolSize ?? 4 });
    // An idle connection the server drops must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    try {
      await migratePostgresSchema(pool, schema, IDEMPOTENCY_MIGRATIONS);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresIdempotencyStore(pool, schema);
  }

  private get table(): string {
    return `${this.schema}.idempotency_keys`;
  }

  override async claim(record: Omit<IdempotencyRecord, 'status' | 'response'>): Promise<ClaimResult> {
    for (;;) {
      const inserted = await this.pool.query(
        `INSERT INTO ${this.table} (scope, key, request_hash, status, owner, claimed_at) VALUES ($1, $2, $3, 'in_progress', $4, $5)
         ON CONFLICT (scope, key) DO NOTHING`,
        [record.scope, record.key, record.requestHash, record.owner, record.claimedAt],
      );
      if (inserted.rowCount === 1) return { claimed: true };
      const { rows } = await this.pool.query<Row>(`SELECT * FROM ${this.table} WHERE scope = $1 AND key = $2`, [record.scope, record.key]);
      const row = rows[0];
      // Released between the insert and the select: claim again.
      if (row) return { claimed: false, existing: toRecord(row) };
    }
  }

  override async takeOver(scope: string, key: string, previousOwner: string, owner: string, claimedAt: string): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE ${this.table} SET owner = $1, claimed_at = $2 WHERE scope = $3 AND key = $4 AND status = 'in_progress' AND owner = $5`,
      [owner, claimedAt, scope, key, previousOwner],
    );
    return result.rowCount === 1;
  }

  override async complete(scope: string, key: string, response: StoredResponse): Promise<void> {
    await this.pool.query(`UPDATE ${this.table} SET status = 'completed', response = $1 WHERE scope = $2 AND key = $3`, [
      JSON.stringify(response), scope, key,
    ]);
  }

  override async release(scope: string, key: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE scope = $1 AND key = $2 AND status = 'in_progress'`, [scope, key]);
  }

  override async forgetCompletedBefore(claimedBefore: string): Promise<number> {
    const result = await this.pool.query(`DELETE FROM ${this.table} WHERE status = 'completed' AND claimed_at < $1`, [claimedBefore]);
    return result.rowCount ?? 0;
  }

  override async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

function toRecord(row: Row): IdempotencyRecord {
  const record: IdempotencyRecord = {
    scope: row.scope, key: row.key, requestHash: row.request_hash, status: row.status, owner: row.owner, claimedAt: row.claimed_at.toISOString(),
  };
  if (row.response !== null) record.response = row.response;
  return record;
}
