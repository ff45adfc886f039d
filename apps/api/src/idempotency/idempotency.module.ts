import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '@crm/config';
import { IdempotencyRetention } from './idempotency-retention';
import { IdempotencyStore } from './idempotency-store.port';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store.adapter';

/** Binds the idempotency store; the capability that appends runs commands through IdempotentExecutor. */
@Module({
  providers: [
    {
      provide: IdempotencyStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new SqliteIdempotencyStore(join(config.DATA_DIR, 'idempotency.sqlite')),
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
