import { join } from 'node:path';
import { AppConfig } from '@crm/config';
import { ReadStore } from './read-store.port';
import { RedisReadStore } from './redis-read-store.adapter';
import { SqliteReadStore } from './sqlite-read-store.adapter';

export const READ_STORE_FILE = 'read-models.sqlite';

/** READ_STORE picks the adapter: SQLite beside the event store (embedded) or Redis (production). */
export function createReadStore(config: Pick<AppConfig, 'READ_STORE' | 'DATA_DIR' | 'REDIS_URL' | 'REDIS_KEY_PREFIX'>): ReadStore {
  return config.READ_STORE === 'redis'
    ? new RedisReadStore({ url: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX })
    : new SqliteReadStore({ path: join(config.DATA_DIR, READ_STORE_FILE) });
}
