import Redis from 'ioredis';
import { DueEntry, LeadDueEntries } from '../due/due-entry';
import { DueWorkStore, parseEntry, serialiseEntry } from './due-work-store.port';
import { CLAIM_DUE_SCRIPT, COMMIT_DUE_SCRIPT, COMPLETE_DUE_SCRIPT, RELEASE_DUE_SCRIPT } from './redis-due-scripts';

type ScriptedRedis = Redis & {
  dueCommit(cp: string, z: string, body: string, owner: string, due: string, ...args: string[]): Promise<number>;
  dueClaim(z: string, body: string, owner: string, now: string, limit: string, until: string, holder: string): Promise<(string | null)[]>;
  dueComplete(z: string, body: string, owner: string, due: string, id: string, holder: string, base: string): Promise<number>;
  dueRelease(z: string, owner: string, due: string, id: string, holder: string, at: string): Promise<number>;
};

/**
 * The production due index: a sorted set by the time each entry becomes claimable, the entries in a hash, and
 * Lua scripts for every step that must be atomic (commit with checkpoint, claim, complete, release).
 */
export class RedisDueWorkStore extends DueWorkStore {
  readonly kind = 'redis' as const;
  private readonly redis: ScriptedRedis;
  private readonly base: string;
  private readonly keys: { cp: string; z: string; body: string; owner: string; due: string };

  constructor(options: { url: string; keyPrefix: string; client?: Redis }) {
    super();
    this.base = `${options.keyPrefix}{due}:`;
    this.keys = { cp: `${this.base}cp`, z: `${this.base}z`, body: `${this.base}body`, owner: `${this.base}owner`, due: `${this.base}due` };
    const client = options.client ?? new Redis(options.url, { maxRetriesPerRequest: 1, enableAutoPipelining: false });
    // Connection errors surface as failed commands (the subscriber and the dispatcher retry them).
    client.on('error', () => undefined);
    client.defineCommand('dueCommit', { numberOfKeys: 5, lua: COMMIT_DUE_SCRIPT });
    client.defineCommand('dueClaim', { numberOfKeys: 3, lua: CLAIM_DUE_SCRIPT });
    client.defineCommand('dueComplete', { numberOfKeys: 4, lua: COMPLETE_DUE_SCRIPT });
    client.defineCommand('dueRelease', { numberOfKeys: 3, lua: RELEASE_DUE_SCRIPT });
    this.redis = client as ScriptedRedis;
  }

  override async checkpoint(): Promise<number> {
    return Number((await this.redis.get(this.keys.cp)) ?? 0);
  }

  override async commit(leads: readonly LeadDueEntries[], expectedCheckpoint: number, newCheckpoint: number): Promise<boolean> {
    const args: string[] = [String(expectedCheckpoint), String(newCheckpoint), this.base, String(leads.length)];
    for (const lead of leads) {
      args.push(lead.leadId, lead.dealerId, String(lead.entries.length));
      for (const entry of lead.entries) args.push(entry.id, String(Date.parse(entry.dueAt)), serialiseEntry(entry));
    }
    const { cp, z, body, owner, due } = this.keys;
    return (await this.redis.dueCommit(cp, z, body, owner, due, ...args)) === 1;
  }

  override async leadsOfDealer(dealerId: string): Promise<string[]> {
    return (await this.redis.smembers(`${this.base}dealer:${dealerId}`)).sort();
  }

  override async claimDue(now: Date, limit: number, leaseMs: number, owner: string): Promise<DueEntry[]> {
    const { z, body, owner: owners } = this.keys;
    const bodies = await this.redis.dueClaim(z, body, owners, String(now.getTime()), String(limit), String(now.getTime() + leaseMs), owner);
    return bodies.filter((text): text is string => typeof text === 'string').map(parseEntry);
  }

  override async complete(id: string, owner: string): Promise<boolean> {
    const { z, body, owner: owners, due } = this.keys;
    return (await this.redis.dueComplete(z, body, owners, due, id, owner, this.base)) === 1;
  }

  override async release(id: string, owner: string, nextDueAt?: Date): Promise<boolean> {
    const { z, owner: owners, due } = this.keys;
    return (await this.redis.dueRelease(z, owners, due, id, owner, nextDueAt ? String(nextDueAt.getTime()) : '')) === 1;
  }

  override async size(): Promise<number> {
    return this.redis.hlen(this.keys.body);
  }

  override async dump(): Promise<DueEntry[]> {
    const all = await this.redis.hgetall(this.keys.body);
    return Object.keys(all).sort().map((id) => parseEntry(all[id] as string));
  }

  override async clear(): Promise<void> {
    const { cp, z, body, owner, due } = this.keys;
    await this.redis.unlink(z, body, owner, due);
    for (const pattern of ['lead:*', 'dealer:*']) await this.unlinkMatching(`${escapeGlob(this.base)}${pattern}`);
    await this.redis.set(cp, '0');
  }

  override async close(): Promise<void> {
    if (this.redis.status !== 'end') await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private async unlinkMatching(pattern: string): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length > 0) await this.redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}

const escapeGlob = (text: string): string => text.replace(/[*?[\]\\{}]/g, (c) => `\\${c}`);
