import { randomUUID } from 'node:crypto';
import { deletePrefix, TEST_REDIS_URL } from '../../../projections/src/testing/read-store.harness';
import { dueWorkStoreContract } from './due-work-store.contract';
import { RedisDueWorkStore } from './redis-due-work-store.adapter';

describe('RedisDueWorkStore', () => {
  dueWorkStoreContract(async () => {
    // A prefix of its own: other test runs share the server's db 0.
    const keyPrefix = `test:${randomUUID()}:`;
    const store = new RedisDueWorkStore({ url: TEST_REDIS_URL, keyPrefix });
    return {
      store,
      openAnother: () => new RedisDueWorkStore({ url: TEST_REDIS_URL, keyPrefix }),
      cleanup: async () => {
        await store.close();
        await deletePrefix(TEST_REDIS_URL, keyPrefix);
      },
    };
  });
});
