import { DynamicModule, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig, loadConfig } from '@crm/config';
import { EventStore } from '@crm/event-store';
import { Clock } from '@crm/kernel';
import { Projection } from './projection';
import { defaultProjections } from './projections.registry';
import { ReadModelQueries } from './queries/read-model.queries';
import { createReadStore } from './read-store/read-store.factory';
import { ReadStore } from './read-store/read-store.port';
import { ProjectionRunnerHost } from './runner/projection-runner.host';
import { ProjectionStatusReader } from './runner/projection-status';

export const PROJECTIONS = Symbol('PROJECTIONS');
const RUN_IN_PROCESS = Symbol('RUN_IN_PROCESS');

export interface ProjectionsModuleOptions {
  /** Run the projections here; default: the PROJECTIONS_IN_PROCESS setting. The worker passes true. */
  runInProcess?: boolean;
}

/**
 * The projection machinery: the read store chosen by READ_STORE, the runners, status and queries. Needs the
 * EventStore and Clock ports bound globally (EventStoreModule, the kernel ports) and APP_CONFIG when available.
 */
@Module({})
export class ProjectionsModule implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  constructor(
    @Inject(RUN_IN_PROCESS) private readonly runInProcess: boolean,
    private readonly host: ProjectionRunnerHost,
    private readonly readStore: ReadStore,
  ) {}

  static forRoot(options: ProjectionsModuleOptions = {}): DynamicModule {
    return {
      module: ProjectionsModule,
      // Global: the API's health check and read side, and the worker, share one read store and one set of runners.
      global: true,
      providers: [
        {
          provide: RUN_IN_PROCESS,
          useFactory: (config?: AppConfig) => options.runInProcess ?? (config ?? loadConfig()).PROJECTIONS_IN_PROCESS,
          inject: [{ token: APP_CONFIG, optional: true }],
        },
        {
          provide: ReadStore,
          useFactory: (config?: AppConfig) => createReadStore(config ?? loadConfig()),
          inject: [{ token: APP_CONFIG, optional: true }],
        },
        { provide: PROJECTIONS, useFactory: defaultProjections },
        {
          provide: ProjectionRunnerHost,
          useFactory: (events: EventStore, store: ReadStore, projections: Projection[]) => new ProjectionRunnerHost(events, store, projections),
          inject: [EventStore, ReadStore, PROJECTIONS],
        },
        {
          provide: ProjectionStatusReader,
          useFactory: (events: EventStore, store: ReadStore, clock: Clock, inProcess: boolean, host: ProjectionRunnerHost) =>
            new ProjectionStatusReader(events, store, clock, inProcess ? host : undefined),
          inject: [EventStore, ReadStore, Clock, RUN_IN_PROCESS, ProjectionRunnerHost],
        },
        {
          provide: ReadModelQueries,
          useFactory: (store: ReadStore, clock: Clock) => new ReadModelQueries(store, clock),
          inject: [ReadStore, Clock],
        },
      ],
      exports: [ReadStore, PROJECTIONS, ProjectionRunnerHost, ProjectionStatusReader, ReadModelQueries],
    };
  }

  onApplicationBootstrap(): void {
    if (this.runInProcess) this.host.start();
  }

  // onModuleDestroy runs before any shutdown hook: the runners finish their batch while the event store is open.
  async onModuleDestroy(): Promise<void> {
    await this.host.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.readStore.close();
  }
}
