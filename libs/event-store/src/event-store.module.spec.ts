import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventStore } from './event-store.port';
import { EventStoreModule } from './event-store.module';
import { SqliteEventStore } from './sqlite/sqlite-event-store.adapter';
import { event } from './testing/contract/contract-fixtures';

@Injectable()
class UsesStore {
  constructor(readonly store: EventStore) {}
}

@Module({ providers: [UsesStore] })
class FeatureModule {}

describe('EventStoreModule', () => {
  it('provides the configured store as the EventStore port globally and closes it on shutdown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'event-store-module-'));
    const config = { EVENT_STORE: 'sqlite', DATA_DIR: dir, SQLITE_SYNCHRONOUS: 'full', DATABASE_POOL_SIZE: 10 } as const;
    const app = await NestFactory.createApplicationContext(
      { module: class AppModule {}, imports: [EventStoreModule.forRoot(config), FeatureModule] },
      { logger: false },
    );
    try {
      const { store } = app.get(UsesStore);
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect(app.get(EventStore)).toBe(store);
      await store.append('lead-1', [event()], 'no_stream');
      const close = jest.spyOn(store, 'close');
      await app.close();
      expect(close).toHaveBeenCalledTimes(1);
      await expect(store.readAll()).rejects.toThrow(/not open/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
