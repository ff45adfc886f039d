import Database from 'better-sqlite3';
import { CommitResult, DocChange, ReadStore, StoredDoc } from './read-store.port';

const ns = (name: string, version: number): string => `${name}:v${version}`;

class CheckpointMoved extends Error {}

interface DocRow { collection: string; id: string; partition: string; body: string }

/** The embedded read store: one SQLite file, WAL, so the API can read while a runner or the CLI writes. */
export class SqliteReadStore extends ReadStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly stmt;

  constructor(options: { path: string }) {
    super();
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS projection_pointer (name TEXT PRIMARY KEY, version INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS projection_building (name TEXT PRIMARY KEY, version INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS projection_version_seq (name TEXT PRIMARY KEY, last INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS projection_checkpoint (
        name TEXT NOT NULL, version INTEGER NOT NULL, position INTEGER NOT NULL, PRIMARY KEY (name, version));
      CREATE TABLE IF NOT EXISTS projection_doc (
        ns TEXT NOT NULL, collection TEXT NOT NULL, id TEXT NOT NULL, partition TEXT NOT NULL, body TEXT NOT NULL,
        PRIMARY KEY (ns, collection, id)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS projection_doc_partition ON projection_doc (ns, collection, partition);
    `);
    this.stmt = {
      pointer: this.db.prepare<[string], { version: number }>('SELECT version FROM projection_pointer WHERE name = ?'),
      insertPointer: this.db.prepare('INSERT INTO projection_pointer (name, version) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      updatePointer: this.db.prepare('UPDATE projection_pointer SET version = ? WHERE name = ? AND version = ?'),
      building: this.db.prepare<[string], { version: number }>('SELECT version FROM projection_building WHERE name = ?'),
      insertBuilding: this.db.prepare('INSERT INTO projection_building (name, version) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      updateBuilding: this.db.prepare('UPDATE projection_building SET version = ? WHERE name = ? AND version = ?'),
      clearBuilding: this.db.prepare('DELETE FROM projection_building WHERE name = ? AND version = ?'),
      highestVersion: this.db.prepare<[string, string, string, string], { highest: number }>(
        `SELECT MAX(v) AS highest FROM (
           SELECT last AS v FROM projection_version_seq WHERE name = ? UNION ALL SELECT version FROM projection_pointer WHERE name = ?
           UNION ALL SELECT version FROM projection_building WHERE name = ? UNION ALL SELECT version FROM projection_checkpoint WHERE name = ?)`),
      setSequence: this.db.prepare(
        'INSERT INTO projection_version_seq (name, last) VALUES (?, ?) ON CONFLICT DO UPDATE SET last = excluded.last'),
      checkpoint: this.db.prepare<[string, number], { position: number }>(
        'SELECT position FROM projection_checkpoint WHERE name = ? AND version = ?'),
      upsertCheckpoint: this.db.prepare(
        'INSERT INTO projection_checkpoint (name, version, position) VALUES (?, ?, 0) ON CONFLICT DO UPDATE SET position = 0'),
      moveCheckpoint: this.db.prepare(
        'UPDATE projection_checkpoint SET position = ? WHERE name = ? AND version = ? AND position = ?'),
      deleteCheckpoint: this.db.prepare('DELETE FROM projection_checkpoint WHERE name = ? AND version = ?'),
      deleteNamespace: this.db.prepare('DELETE FROM projection_doc WHERE ns = ?'),
      get: this.db.prepare<[string, string, string], DocRow>(
        'SELECT collection, id, partition, body FROM projection_doc WHERE ns = ? AND collection = ? AND id = ?'),
      put: this.db.prepare(
        `INSERT INTO projection_doc (ns, collection, id, partition, body) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET partition = excluded.partition, body = excluded.body`),
      delete: this.db.prepare('DELETE FROM projection_doc WHERE ns = ? AND collection = ? AND id = ?'),
      list: this.db.prepare<[string, string, string], DocRow>(
        'SELECT collection, id, partition, body FROM projection_doc WHERE ns = ? AND collection = ? AND partition = ? ORDER BY id'),
      dump: this.db.prepare<[string], DocRow>(
        'SELECT collection, id, partition, body FROM projection_doc WHERE ns = ? ORDER BY collection, id'),
    };
  }

  override async liveVersion(name: string): Promise<number | undefined> {
    return this.stmt.pointer.get(name)?.version;
  }

  override async setLiveVersion(name: string, version: number, expected: number | undefined): Promise<boolean> {
    const result = expected === undefined
      ? this.stmt.insertPointer.run(name, version)
      : this.stmt.updatePointer.run(version, name, expected);
    return result.changes === 1;
  }

  override async ping(): Promise<void> {
    this.stmt.pointer.get('');
  }

  override async buildingVersion(name: string): Promise<number | undefined> {
    return this.stmt.building.get(name)?.version;
  }

  override async setBuildingVersion(name: string, version: number | undefined, expected: number | undefined): Promise<boolean> {
    if (expected === undefined) return version === undefined ? !this.stmt.building.get(name) : this.stmt.insertBuilding.run(name, version).changes === 1;
    if (version === undefined) return this.stmt.clearBuilding.run(name, expected).changes === 1;
    return this.stmt.updateBuilding.run(version, name, expected).changes === 1;
  }

  override async allocateVersion(name: string): Promise<number> {
    return this.db.transaction(() => {
      const next = (this.stmt.highestVersion.get(name, name, name, name)?.highest ?? 0) + 1;
      this.stmt.setSequence.run(name, next);
      return next;
    }).immediate();
  }

  override async checkpoint(name: string, version: number): Promise<number | undefined> {
    return this.stmt.checkpoint.get(name, version)?.position;
  }

  override async createVersion(name: string, version: number): Promise<void> {
    this.db.transaction(() => {
      this.stmt.deleteNamespace.run(ns(name, version));
      this.stmt.upsertCheckpoint.run(name, version);
    }).immediate();
  }

  override async dropVersion(name: string, version: number): Promise<void> {
    this.db.transaction(() => {
      this.stmt.deleteCheckpoint.run(name, version);
      this.stmt.deleteNamespace.run(ns(name, version));
    }).immediate();
  }

  override async load(name: string, version: number, collection: string, ids: readonly string[]): Promise<Map<string, StoredDoc>> {
    const namespace = ns(name, version);
    const found = new Map<string, StoredDoc>();
    for (const id of ids) {
      const row = this.stmt.get.get(namespace, collection, id);
      if (row) found.set(id, toDoc(row));
    }
    return found;
  }

  override async commit(
    name: string, version: number, changes: readonly DocChange[], expectedCheckpoint: number, newCheckpoint: number,
  ): Promise<CommitResult> {
    const namespace = ns(name, version);
    try {
      this.db.transaction(() => {
        const moved = this.stmt.moveCheckpoint.run(newCheckpoint, name, version, expectedCheckpoint);
        if (moved.changes !== 1) throw new CheckpointMoved();
        for (const change of changes) {
          if (change.kind === 'put') {
            const { doc } = change;
            this.stmt.put.run(namespace, doc.collection, doc.id, doc.partition, JSON.stringify(doc.body));
          } else {
            this.stmt.delete.run(namespace, change.collection, change.id);
          }
        }
      }).immediate();
      return { ok: true };
    } catch (error) {
      if (error instanceof CheckpointMoved) return { ok: false, currentCheckpoint: await this.checkpoint(name, version) };
      throw error;
    }
  }

  override async list(name: string, version: number, collection: string, partition: string): Promise<StoredDoc[]> {
    return this.stmt.list.all(ns(name, version), collection, partition).map(toDoc);
  }

  override async dump(name: string, version: number): Promise<StoredDoc[]> {
    return this.stmt.dump.all(ns(name, version)).map(toDoc);
  }

  override async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function toDoc(row: DocRow): StoredDoc {
  return { collection: row.collection, id: row.id, partition: row.partition, body: JSON.parse(row.body) as unknown };
}
