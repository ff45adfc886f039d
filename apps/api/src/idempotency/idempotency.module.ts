import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '@crm/config';
import { IdempotencyRetention } from './idempotency-retention';
import { IdempotencyStore } from './idempotency-store.port';
import { PostgresIdempotencyStore } from './postgres-idempotency-store.adapter';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store.adapter';

/**
 * Binds the idempotency store; the capability that appends runs commands through IdempotentExecutor. On the
 * PostgreSQL event store the keys live in that database too: several API processes share them, so a retry that
 * lands on another process finds its first attempt. Otherwise a SQLite file in DATA_DIR (one API process).
 */
@Module({
  providers: [
    {
      provide: IdempotencyStore,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<IdempotencyStore> => (config.EVENT_STORE === 'postgres' && config.DATABASE_URL
        ? PostgresIdempotencyStore.open({ url: config.DATABASE_URL })
        : new SqliteIdempotencyStore(join(config.DATA_DIR, 'idempotency.sqlite'))),
    },
    IdempotencyRetention,
  ],
  exports: [IdempotencyStore],
})
export class IdempotencyModule implements OnApplicationShutdown {
  constructor(@Inject(IdempotencyStore) private readonly store: IdempotencyStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
