import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { ReadStoreHarness } from '../read-store/read-store.contract';
import { RedisReadStore } from '../read-store/redis-read-store.adapter';
import { SqliteReadStore } from '../read-store/sqlite-read-store.adapter';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function openSqliteHarness(): Promise<ReadStoreHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'read-store-'));
  const store = new SqliteReadStore({ path: join(dir, 'read.sqlite') });
  return { store, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** A unique key prefix per harness, removed afterwards: other tests share the server's db 0. */
export async function openRedisHarness(url = TEST_REDIS_URL): Promise<ReadStoreHarness & { prefix: string }> {
  const prefix = `test:${randomUUID()}:`;
  const store = new RedisReadStore({ url, keyPrefix: prefix });
  const cleanup = async (): Promise<void> => {
    await store.close();
    await deletePrefix(url, prefix);
  };
  return { store, prefix, cleanup };
}

export async function deletePrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
