import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { deletePrefix, TEST_REDIS_URL } from '../../../projections/src/testing/read-store.harness';
import { DueWorkStore } from '../store/due-work-store.port';
import { RedisDueWorkStore } from '../store/redis-due-work-store.adapter';
import { SqliteDueWorkStore } from '../store/sqlite-due-work-store.adapter';

export interface OpenedDueStore {
  store: DueWorkStore;
  /** How another process would open the same store. */
  reopen(): DueWorkStore;
  cleanup(): Promise<void>;
}

/** A due store of its own for a test: a file in `dir`, or a Redis key prefix nobody else uses (removed after). */
export async function openDueStore(kind: 'sqlite' | 'redis', dir: string, name = 'due'): Promise<OpenedDueStore> {
  if (kind === 'sqlite') {
    const path = join(dir, `${name}.sqlite`);
    const store = new SqliteDueWorkStore({ path });
    return { store, reopen: () => new SqliteDueWorkStore({ path }), cleanup: () => store.close() };
  }
  const keyPrefix = `test:${randomUUID()}:`;
  const store = new RedisDueWorkStore({ url: TEST_REDIS_URL, keyPrefix });
  return {
    store,
    reopen: () => new RedisDueWorkStore({ url: TEST_REDIS_URL, keyPrefix }),
    cleanup: async () => {
      await store.close();
      await deletePrefix(TEST_REDIS_URL, keyPrefix);
    },
  };
}
