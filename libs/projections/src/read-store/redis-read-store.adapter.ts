import Redis from 'ioredis';
import { CommitResult, DocChange, ReadStore, StoredDoc } from './read-store.port';
import { ALLOCATE_VERSION_SCRIPT, COMMIT_SCRIPT, SET_POINTER_SCRIPT } from './redis-scripts';

interface StoredValue { c: string; i: string; p: string; b: unknown }

type ScriptedRedis = Redis & {
  projCommit(numKeys: number, ...args: string[]): Promise<string>;
  projSetPointer(key: string, expected: string, next: string): Promise<number>;
  projAllocateVersion(sequence: string, live: string, building: string): Promise<number>;
};

const escapeGlob = (text: string): string => text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
const CHUNK = 2000;
const UNREACHABLE = new Set(['reconnecting', 'close', 'end']);

/** The production read store. Redis keeps nothing on disk here, so a lost checkpoint means a lost read model. */
export class RedisReadStore extends ReadStore {
  readonly kind = 'redis' as const;
  private readonly redis: ScriptedRedis;
  private readonly prefix: string;

  constructor(options: { url: string; keyPrefix: string; client?: Redis }) {
    super();
    this.prefix = options.keyPrefix;
    const client = options.client ?? new Redis(options.url, { maxRetriesPerRequest: 1, enableAutoPipelining: false });
    // Connection errors surface as failed commands, which the runner reports and retries; without a listener
    // ioredis would also print each reconnect attempt as an unhandled error.
    client.on('error', () => undefined);
    client.defineCommand('projCommit', { lua: COMMIT_SCRIPT });
    client.defineCommand('projSetPointer', { numberOfKeys: 1, lua: SET_POINTER_SCRIPT });
    client.defineCommand('projAllocateVersion', { numberOfKeys: 3, lua: ALLOCATE_VERSION_SCRIPT });
    this.redis = client as ScriptedRedis;
  }

  private pointerKey(name: string): string { return `${this.prefix}proj:${name}:live`; }
  private buildingKey(name: string): string { return `${this.prefix}proj:${name}:building`; }
  private sequenceKey(name: string): string { return `${this.prefix}proj:${name}:seq`; }
  private nsKey(name: string, version: number): string { return `${this.prefix}proj:${name}:v${version}`; }
  private checkpointKey(name: string, version: number): string { return `${this.nsKey(name, version)}:cp`; }
  private docKey(name: string, version: number, collection: string, id: string): string {
    return `${this.nsKey(name, version)}:d:${collection}:${id}`;
  }
  private indexKey(name: string, version: number, collection: string, partition: string): string {
    return `${this.nsKey(name, version)}:i:${collection}:${partition}`;
  }

  /**
   * The connection, or at once an error while it is down: ioredis would otherwise queue commands for seconds of
   * reconnect attempts, and a query should answer 503 at once instead. Commands queue only while connecting.
   */
  private get client(): ScriptedRedis {
    if (UNREACHABLE.has(this.redis.status)) throw new Error(`Redis is not connected (${this.redis.status})`);
    return this.redis;
  }

  override async ping(): Promise<void> {
    await this.client.ping();
  }

  override async liveVersion(name: string): Promise<number | undefined> {
    const value = await this.client.get(this.pointerKey(name));
    return value === null ? undefined : Number(value);
  }

  override async setLiveVersion(name: string, version: number, expected: number | undefined): Promise<boolean> {
    const done = await this.client.projSetPointer(this.pointerKey(name), expected === undefined ? '' : String(expected), String(version));
    return done === 1;
  }

  override async buildingVersion(name: string): Promise<number | undefined> {
    const value = await this.client.get(this.buildingKey(name));
    return value === null ? undefined : Number(value);
  }

  override async setBuildingVersion(name: string, version: number | undefined, expected: number | undefined): Promise<boolean> {
    const done = await this.client.projSetPointer(this.buildingKey(name), expected === undefined ? '' : String(expected), version === undefined ? '' : String(version));
    return done === 1;
  }

  override async allocateVersion(name: string): Promise<number> {
    return Number(await this.client.projAllocateVersion(this.sequenceKey(name), this.pointerKey(name), this.buildingKey(name)));
  }

  override async checkpoint(name: string, version: number): Promise<number | undefined> {
    const value = await this.client.get(this.checkpointKey(name, version));
    return value === null ? undefined : Number(value);
  }

  override async createVersion(name: string, version: number): Promise<void> {
    await this.dropVersion(name, version);
    await this.client.set(this.checkpointKey(name, version), '0');
  }

  override async dropVersion(name: string, version: number): Promise<void> {
    // The checkpoint goes first: a runner still writing to this version then fails its next commit.
    await this.client.del(this.checkpointKey(name, version));
    for (const keys of await this.scanChunks(`${escapeGlob(this.nsKey(name, version))}:*`)) await this.client.unlink(...keys);
  }

  override async load(name: string, version: number, collection: string, ids: readonly string[]): Promise<Map<string, StoredDoc>> {
    const found = new Map<string, StoredDoc>();
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      const values = await this.client.mget(...chunk.map((id) => this.docKey(name, version, collection, id)));
      values.forEach((value, index) => {
        const id = chunk[index];
        if (value !== null && id !== undefined) found.set(id, toDoc(value));
      });
    }
    return found;
  }

  override async commit(
    name: string, version: number, changes: readonly DocChange[], expectedCheckpoint: number, newCheckpoint: number,
  ): Promise<CommitResult> {
    const keys: string[] = [this.checkpointKey(name, version)];
    const args: string[] = [String(expectedCheckpoint), String(newCheckpoint)];
    for (const change of changes) {
      if (change.kind === 'put') {
        const { doc } = change;
        const value: StoredValue = { c: doc.collection, i: doc.id, p: doc.partition, b: doc.body };
        keys.push(this.docKey(name, version, doc.collection, doc.id));
        args.push('S', JSON.stringify(value));
        keys.push(this.indexKey(name, version, doc.collection, doc.partition));
        args.push('A', doc.id);
        if (change.previousPartition !== undefined && change.previousPartition !== doc.partition) {
          keys.push(this.indexKey(name, version, doc.collection, change.previousPartition));
          args.push('R', doc.id);
        }
      } else {
        keys.push(this.docKey(name, version, change.collection, change.id));
        args.push('D', '');
        keys.push(this.indexKey(name, version, change.collection, change.partition));
        args.push('R', change.id);
      }
    }
    const reply = await this.client.projCommit(keys.length, ...keys, ...args);
    if (reply === 'OK') return { ok: true };
    const current = reply.slice(2);
    return { ok: false, currentCheckpoint: current === '' ? undefined : Number(current) };
  }

  override async list(name: string, version: number, collection: string, partition: string): Promise<StoredDoc[]> {
    const ids = (await this.client.smembers(this.indexKey(name, version, collection, partition))).sort();
    const docs = await this.load(name, version, collection, ids);
    return ids.flatMap((id) => docs.get(id) ?? []);
  }

  override async dump(name: string, version: number): Promise<StoredDoc[]> {
    const docs: StoredDoc[] = [];
    for (const keys of await this.scanChunks(`${escapeGlob(this.nsKey(name, version))}:d:*`)) {
      for (const value of await this.client.mget(...keys)) if (value !== null) docs.push(toDoc(value));
    }
    return docs.sort((a, b) => compare(a.collection, b.collection) || compare(a.id, b.id));
  }

  override async close(): Promise<void> {
    if (this.redis.status !== 'end') await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private async scanChunks(pattern: string): Promise<string[][]> {
    const chunks: string[][] = [];
    let cursor = '0';
    do {
      const [next, keys] = await this.client.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length > 0) chunks.push(keys);
      cursor = next;
    } while (cursor !== '0');
    return chunks;
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function toDoc(value: string): StoredDoc {
  const parsed = JSON.parse(value) as StoredValue;
  return { collection: parsed.c, id: parsed.i, partition: parsed.p, body: parsed.b };
}
