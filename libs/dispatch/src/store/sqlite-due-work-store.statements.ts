import Database from 'better-sqlite3';

interface BodyRow { id: string; body: string }

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS due_entry (
    id TEXT PRIMARY KEY,
    lead_id TEXT NOT NULL,
    dealer_id TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    available_at INTEGER NOT NULL,
    owner TEXT,
    body TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS due_entry_available ON due_entry (available_at);
  CREATE INDEX IF NOT EXISTS due_entry_lead ON due_entry (lead_id);
  CREATE INDEX IF NOT EXISTS due_entry_dealer ON due_entry (dealer_id, lead_id);
  CREATE TABLE IF NOT EXISTS due_checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
`;

/** The due index's schema and statements; times are epoch milliseconds. */
export function prepareDueStatements(db: Database.Database) {
  db.exec(SCHEMA);
  return {
    checkpoint: db.prepare<[], { position: number }>('SELECT position FROM due_checkpoint WHERE id = 1'),
    setCheckpoint: db.prepare(
      'INSERT INTO due_checkpoint (id, position) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position'),
    ofLead: db.prepare<[string], BodyRow>('SELECT id, body FROM due_entry WHERE lead_id = ?'),
    put: db.prepare(
      `INSERT INTO due_entry (id, lead_id, dealer_id, due_at, available_at, owner, body) VALUES (?, ?, ?, ?, ?, NULL, ?)
       ON CONFLICT (id) DO UPDATE SET lead_id = excluded.lead_id, dealer_id = excluded.dealer_id, due_at = excluded.due_at,
         available_at = excluded.available_at, owner = NULL, body = excluded.body`),
    delete: db.prepare('DELETE FROM due_entry WHERE id = ?'),
    leadsOfDealer: db.prepare<[string], { lead_id: string }>('SELECT DISTINCT lead_id FROM due_entry WHERE dealer_id = ? ORDER BY lead_id'),
    due: db.prepare<[number, number], BodyRow>(
      'SELECT id, body FROM due_entry WHERE available_at <= ? ORDER BY available_at LIMIT ?'),
    lease: db.prepare('UPDATE due_entry SET owner = ?, available_at = ? WHERE id = ?'),
    complete: db.prepare('DELETE FROM due_entry WHERE id = ? AND owner = ?'),
    release: db.prepare('UPDATE due_entry SET owner = NULL, available_at = COALESCE(?, due_at) WHERE id = ? AND owner = ?'),
    size: db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM due_entry'),
    dump: db.prepare<[], BodyRow>('SELECT id, body FROM due_entry ORDER BY id'),
    deleteAll: db.prepare('DELETE FROM due_entry'),
  };
}
