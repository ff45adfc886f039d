import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idempotencyStoreContract } from './idempotency-store.contract';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store.adapter';

idempotencyStoreContract('SqliteIdempotencyStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-idem-'));
  return {
    open: async () => new SqliteIdempotencyStore(join(dir, 'idempotency.sqlite')),
    cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

