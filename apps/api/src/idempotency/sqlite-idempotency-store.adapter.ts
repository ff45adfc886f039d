import Database from 'better-sqlite3';
import { ClaimResult, IdempotencyRecord, IdempotencyStore, StoredResponse } from './idempotency-store.port';

interface Row {
  scope: string;
  key: string;
  request_hash: string;
  status: IdempotencyRecord['status'];
  response: string | null;
  owner: string;
  claimed_at: string;
}

/** Idempotency keys in their own SQLite file beside the event store (DATA_DIR/idempotency.sqlite). */
export class SqliteIdempotencyStore extends IdempotencyStore {
  /** One API process per DATA_DIR. */
  override readonly shared: boolean = false;
  private readonly db: Database.Database;
  private readonly statements;

  constructor(path: string) {
    super();
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status TEXT NOT NULL,
      response TEXT, owner TEXT NOT NULL, claimed_at TEXT NOT NULL, PRIMARY KEY (scope, key));
      CREATE INDEX IF NOT EXISTS idempotency_keys_claimed_at ON idempotency_keys (claimed_at)`);
    this.statements = {
      insert: this.db.prepare(`INSERT OR IGNORE INTO idempotency_keys (scope, key, request_hash, status, owner, claimed_at)
        VALUES (@scope, @key, @requestHash, 'in_progress', @owner, @claimedAt)`),
      select: this.db.prepare<[string, string], Row>('SELECT * FROM idempotency_keys WHERE scope = ? AND key = ?'),
      takeOver: this.db.prepare(`UPDATE idempotency_keys SET owner = ?, claimed_at = ?
        WHERE scope = ? AND key = ? AND status = 'in_progress' AND owner = ?`),
      complete: this.db.prepare(`UPDATE idempotency_keys SET status = 'completed', response = ? WHERE scope = ? AND key = ?`),
      release: this.db.prepare(`DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND status = 'in_progress'`),
      forget: this.db.prepare(`DELETE FROM idempotency_keys WHERE status = 'completed' AND claimed_at < ?`),
    };
  }

  override async claim(record: Omit<IdempotencyRecord, 'status' | 'response'>): Promise<ClaimResult> {
    if (this.statements.insert.run(record).changes === 1) return { claimed: true };
    const row = this.statements.select.get(record.scope, record.key);
    // Released between the insert and the select: claim again.
    if (!row) return this.claim(record);
    return { claimed: false, existing: toRecord(row) };
  }

  override async takeOver(scope: string, key: string, previousOwner: string, owner: string, claimedAt: string): Promise<boolean> {
    return this.statements.takeOver.run(owner, claimedAt, scope, key, previousOwner).changes === 1;
  }

  override async complete(scope: string, key: string, response: StoredResponse): Promise<void> {
    this.statements.complete.run(JSON.stringify(response), scope, key);
  }

  override async release(scope: string, key: string): Promise<void> {
    this.statements.release.run(scope, key);
  }

  override async forgetCompletedBefore(claimedBefore: string): Promise<number> {
    return this.statements.forget.run(claimedBefore).changes;
  }

  override async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function toRecord(row: Row): IdempotencyRecord {
  const record: IdempotencyRecord = {
    scope: row.scope, key: row.key, requestHash: row.request_hash, status: row.status, owner: row.owner, claimedAt: row.claimed_at,
  };
  if (row.response !== null) record.response = JSON.parse(row.response) as StoredResponse;
  return record;
}
