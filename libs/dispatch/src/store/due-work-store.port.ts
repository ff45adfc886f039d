import { DueEntry, LeadDueEntries } from '../due/due-entry';

/**
 * The due index and its leases. The index side is a read model: `commit` replaces the entries of some leads
 * and moves the checkpoint in one atomic step, only if the stored checkpoint is still `expectedCheckpoint`.
 * The dispatch side hands out due entries under a lease: an entry is claimable once its time has come and no
 * live lease holds it; a lease that runs out (a crashed worker) makes it claimable again. A changed entry
 * (its due time moved) drops any lease on it: it is new work, and the old holder can no longer complete it.
 * Claiming costs the same however much pending work the store holds: both adapters keep entries ordered by
 * the time they become claimable and never scan past the ones they hand out.
 */
export abstract class DueWorkStore {
  abstract readonly kind: 'sqlite' | 'redis';

  /** The last global position the index holds (0 when empty). */
  abstract checkpoint(): Promise<number>;
  abstract commit(leads: readonly LeadDueEntries[], expectedCheckpoint: number, newCheckpoint: number): Promise<boolean>;
  /** The leads of a dealer that have entries (their deadlines move when the dealer's settings change). */
  abstract leadsOfDealer(dealerId: string): Promise<string[]>;

  /** Up to `limit` entries claimable at `now`, earliest first, each leased to `owner` until now + leaseMs. */
  abstract claimDue(now: Date, limit: number, leaseMs: number, owner: string): Promise<DueEntry[]>;
  /** Removes a claimed entry: its work is done. False when `owner` no longer holds it. */
  abstract complete(id: string, owner: string): Promise<boolean>;
  /** Gives a claimed entry back, claimable again at `nextDueAt` (default: its due time). False when not held. */
  abstract release(id: string, owner: string, nextDueAt?: Date): Promise<boolean>;

  /** How many entries the index holds, due or not. */
  abstract size(): Promise<number>;
  /** Every entry sorted by id, without lease state: comparable across stores and rebuilds. */
  abstract dump(): Promise<DueEntry[]>;
  /** Empties the index and sets its checkpoint to 0 (a rebuild follows). */
  abstract clear(): Promise<void>;
  abstract close(): Promise<void>;
}

/** An entry as stored: the same fields in the same order every time, so equal entries have equal text. */
export function serialiseEntry(entry: DueEntry): string {
  const { id, kind, leadId, dealerId, dueAt, touchId, basis } = entry;
  return JSON.stringify({ id, kind, leadId, dealerId, dueAt, touchId, basis });
}

export const parseEntry = (text: string): DueEntry => JSON.parse(text) as DueEntry;
