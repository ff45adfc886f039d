import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dueWorkStoreContract } from './due-work-store.contract';
import { SqliteDueWorkStore } from './sqlite-due-work-store.adapter';

describe('SqliteDueWorkStore', () => {
  dueWorkStoreContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'due-store-'));
    const path = join(dir, 'due.sqlite');
    const store = new SqliteDueWorkStore({ path });
    return {
      store,
      openAnother: () => new SqliteDueWorkStore({ path }),
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});
