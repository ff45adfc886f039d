import 'reflect-metadata';
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
  it('provides the EventStore port globally and closes the store on shutdown', async () => {
    const app = await NestFactory.createApplicationContext(
      { module: class AppModule {}, imports: [EventStoreModule.forRoot({ path: ':memory:' }), FeatureModule] },
      { logger: false },
    );
    const { store } = app.get(UsesStore);
    expect(store).toBeInstanceOf(SqliteEventStore);
    expect(app.get(EventStore)).toBe(store);
    await store.append('lead-1', [event()], 'no_stream');
    const close = jest.spyOn(store, 'close');
    await app.close();
    expect(close).toHaveBeenCalledTimes(1);
    await expect(store.readAll()).rejects.toThrow(/not open/);
  });
});
