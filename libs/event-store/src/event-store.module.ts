import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { EventStore } from './event-store.port';
import { SqliteEventStore, SqliteEventStoreOptions } from './sqlite/sqlite-event-store.adapter';

export type EventStoreModuleOptions = SqliteEventStoreOptions;

/**
 * Binds the EventStore port to the embedded SQLite adapter for the whole application. The store closes on
 * application shutdown, after every provider's onModuleDestroy, so subscribers stop before the connection goes.
 */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  static forRoot(options: EventStoreModuleOptions): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [{ provide: EventStore, useFactory: () => new SqliteEventStore(options) }],
      exports: [EventStore],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
