import Database from 'better-sqlite3';
import { DueEntry, LeadDueEntries } from '../due/due-entry';
import { DueWorkStore, parseEntry, serialiseEntry } from './due-work-store.port';
import { prepareDueStatements } from './sqlite-due-work-store.statements';

/**
 * The embedded due index: one SQLite file (WAL), shared by every worker process on the host. `available_at` is
 * when an entry may next be claimed (its due time, a postponement or the end of a lease), and its index is what
 * makes a claim cost O(log n): the claim reads the first rows of the index and pushes them past the lease.
 */
export class SqliteDueWorkStore extends DueWorkStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly stmt: ReturnType<typeof prepareDueStatements>;

  constructor(options: { path: string; cacheKib?: number }) {
    super();
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // The claim index and the entries are the hot pages: keep them in SQLite's cache, not behind a read() each.
    this.db.pragma(`cache_size = -${options.cacheKib ?? 65_536}`);
    this.stmt = prepareDueStatements(this.db);
  }

  override async checkpoint(): Promise<number> {
    return this.stmt.checkpoint.get()?.position ?? 0;
  }

  override async commit(leads: readonly LeadDueEntries[], expectedCheckpoint: number, newCheckpoint: number): Promise<boolean> {
    const apply = this.db.transaction((): boolean => {
      if ((this.stmt.checkpoint.get()?.position ?? 0) !== expectedCheckpoint) return false;
      for (const lead of leads) this.replaceLead(lead);
      this.stmt.setCheckpoint.run(newCheckpoint);
      return true;
    });
    return apply.immediate();
  }

  override async leadsOfDealer(dealerId: string): Promise<string[]> {
    return this.stmt.leadsOfDealer.all(dealerId).map((row) => row.lead_id);
  }

  override async claimDue(now: Date, limit: number, leaseMs: number, owner: string): Promise<DueEntry[]> {
    const until = now.getTime() + leaseMs;
    // IMMEDIATE: the write lock is taken before the read, so two processes cannot read the same due rows.
    const claim = this.db.transaction((): DueEntry[] => {
      const rows = this.stmt.due.all(now.getTime(), limit);
      for (const row of rows) this.stmt.lease.run(owner, until, row.id);
      return rows.map((row) => parseEntry(row.body));
    });
    return claim.immediate();
  }

  override async complete(id: string, owner: string): Promise<boolean> {
    return this.stmt.complete.run(id, owner).changes === 1;
  }

  override async release(id: string, owner: string, nextDueAt?: Date): Promise<boolean> {
    return this.stmt.release.run(nextDueAt?.getTime() ?? null, id, owner).changes === 1;
  }

  override async size(): Promise<number> {
    return this.stmt.size.get()?.count ?? 0;
  }

  override async dump(): Promise<DueEntry[]> {
    return this.stmt.dump.all().map((row) => parseEntry(row.body));
  }

  override async clear(): Promise<void> {
    this.db.transaction(() => {
      this.stmt.deleteAll.run();
      this.stmt.setCheckpoint.run(0);
    }).immediate();
  }

  override async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Unchanged entries keep their lease and postponement; changed ones are new work; gone ones are removed. */
  private replaceLead(lead: LeadDueEntries): void {
    const stored = new Map(this.stmt.ofLead.all(lead.leadId).map((row) => [row.id, row.body]));
    for (const entry of lead.entries) {
      const body = serialiseEntry(entry);
      const previous = stored.get(entry.id);
      stored.delete(entry.id);
      if (previous === body) continue;
      const dueAt = Date.parse(entry.dueAt);
      this.stmt.put.run(entry.id, lead.leadId, lead.dealerId, dueAt, dueAt, body);
    }
    for (const id of stored.keys()) this.stmt.delete.run(id);
  }
}
