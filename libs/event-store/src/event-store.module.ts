import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { EventStore } from './event-store.port';
import { createEventStore, EventStoreConfig } from './event-store.factory';

/**
 * Binds the EventStore port to the adapter the configuration chooses (EVENT_STORE) for the whole application.
 * The store closes on application shutdown, after every provider's onModuleDestroy, so subscribers stop before the
 * connection goes.
 */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  static forRoot(config: EventStoreConfig): DynamicModule {
    const logger = new Logger('EventStore');
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        {
          provide: EventStore,
          useFactory: () =>
            createEventStore(config, {
              onConnectionError: (error) => logger.warn(`connection lost, reconnecting: ${error instanceof Error ? error.message : String(error)}`),
            }),
        },
      ],
      exports: [EventStore],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
