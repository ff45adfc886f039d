import { join } from 'node:path';
import { AppConfig } from '@crm/config';
import { DueWorkStore } from './due-work-store.port';
import { RedisDueWorkStore } from './redis-due-work-store.adapter';
import { SqliteDueWorkStore } from './sqlite-due-work-store.adapter';

export const DUE_STORE_FILE = 'due-work.sqlite';

/** DUE_STORE picks the adapter: a SQLite file beside the event store (embedded) or Redis (production). */
export function createDueWorkStore(config: Pick<AppConfig, 'DUE_STORE' | 'DATA_DIR' | 'REDIS_URL' | 'REDIS_KEY_PREFIX'>): DueWorkStore {
  return config.DUE_STORE === 'redis'
    ? new RedisDueWorkStore({ url: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX })
    : new SqliteDueWorkStore({ path: join(config.DATA_DIR, DUE_STORE_FILE) });
}
