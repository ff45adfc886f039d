import {
  DynamicModule, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown, OnModuleDestroy,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { hostname } from 'node:os';
import { APP_CONFIG, AppConfig, loadConfig } from '@crm/config';
import { LeadStreamLoader } from '@crm/commands';
import { EventStore } from '@crm/event-store';
import { Clock, IdGenerator } from '@crm/kernel';
import { createTouchChannel } from './channels/touch-channel.factory';
import { TouchChannel } from './channels/touch-channel.port';
import { TouchPublisher } from '@crm/messaging';
import { DealerSettingsReader } from './dealer/dealer-settings.reader';
import { EventStoreDealerSettingsReader } from './dealer/event-store-dealer-settings.reader';
import { DealerQuietHours } from './dealer/dealer-quiet-hours';
import { QuietHoursPolicy } from './dealer/quiet-hours.port';
import { createDispatcher } from './dispatcher/dispatcher.factory';
import { DispatchLoop } from './dispatcher/dispatch-loop';
import { Dispatcher } from './dispatcher/dispatcher';
import { DueIndexConsumer } from './index/due-index.consumer';
import { DueIndexRunner } from './index/due-index.runner';
import { createDueWorkStore } from './store/due-work-store.factory';
import { DueWorkStore } from './store/due-work-store.port';

const RUN_IN_PROCESS = Symbol('DISPATCH_RUN_IN_PROCESS');

export interface DispatchModuleOptions {
  /** Run the due index and the dispatch loop here; default: PROJECTIONS_IN_PROCESS. The worker passes true. */
  runInProcess?: boolean;
  /** A channel of the caller's (tests); default: the one TOUCH_DELIVERY names. */
  channel?: TouchChannel;
}

const configOf = (config?: AppConfig): AppConfig => config ?? loadConfig();
const OPTIONAL_CONFIG = { token: APP_CONFIG, optional: true };

/**
 * The due index, the dispatcher and its channel. Needs the EventStore, Clock and IdGenerator ports and the
 * CommandBus (CommandsModule) bound; the worker imports it, and the API too when it runs the workers in-process.
 */
@Module({})
export class DispatchModule implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('Dispatch');

  constructor(
    @Inject(RUN_IN_PROCESS) private readonly runInProcess: boolean,
    private readonly index: DueIndexRunner,
    private readonly loop: DispatchLoop,
    private readonly store: DueWorkStore,
  ) {}

  static forRoot(options: DispatchModuleOptions = {}): DynamicModule {
    return {
      module: DispatchModule,
      global: true,
      providers: [
        { provide: RUN_IN_PROCESS, useFactory: (config?: AppConfig) => options.runInProcess ?? configOf(config).PROJECTIONS_IN_PROCESS, inject: [OPTIONAL_CONFIG] },
        { provide: DueWorkStore, useFactory: (config?: AppConfig) => createDueWorkStore(configOf(config)), inject: [OPTIONAL_CONFIG] },
        { provide: DealerSettingsReader, useFactory: (events: EventStore) => new EventStoreDealerSettingsReader(events), inject: [EventStore] },
        { provide: QuietHoursPolicy, useClass: DealerQuietHours },
        {
          provide: TouchChannel,
          useFactory: (clock: Clock, config?: AppConfig, publisher?: TouchPublisher | null) =>
            options.channel ?? createTouchChannel(configOf(config), clock, publisher),
          inject: [Clock, OPTIONAL_CONFIG, { token: TouchPublisher, optional: true }],
        },
        {
          provide: DueIndexRunner,
          useFactory: (events: EventStore, store: DueWorkStore, dealers: DealerSettingsReader) => {
            // A loader of its own: following the log must not evict the command path's cached leads.
            const consumer = new DueIndexConsumer(store, new LeadStreamLoader(events), dealers);
            return new DueIndexRunner(events, store, consumer, { onError: (error) => new Logger('DueIndex').error(String(error)) });
          },
          inject: [EventStore, DueWorkStore, DealerSettingsReader],
        },
        {
          provide: Dispatcher,
          useFactory: (config: AppConfig | undefined, store: DueWorkStore, leads: LeadStreamLoader, bus: CommandBus, channel: TouchChannel,
            dealers: DealerSettingsReader, quietHours: QuietHoursPolicy, clock: Clock, ids: IdGenerator) =>
            createDispatcher(configOf(config), { store, leads, bus, channel, dealers, quietHours, clock }, `${hostname()}:${process.pid}:${ids.next()}`,
              (error) => new Logger('Dispatch').error(String(error))),
          inject: [OPTIONAL_CONFIG, DueWorkStore, LeadStreamLoader, CommandBus, TouchChannel, DealerSettingsReader, QuietHoursPolicy, Clock, IdGenerator],
        },
        {
          provide: DispatchLoop,
          useFactory: (config: AppConfig | undefined, dispatcher: Dispatcher) =>
            new DispatchLoop(dispatcher, configOf(config).DISPATCH_INTERVAL_MS, (error) => new Logger('Dispatch').error(String(error))),
          inject: [OPTIONAL_CONFIG, Dispatcher],
        },
      ],
      exports: [DueWorkStore, DealerSettingsReader, DueIndexRunner, Dispatcher, TouchChannel],
    };
  }

  onApplicationBootstrap(): void {
    if (!this.runInProcess) return;
    this.index.start();
    this.loop.start();
    this.logger.log(`due index and dispatcher running (${this.store.kind})`);
  }

  // Before the event store closes (a shutdown hook): the round in flight and the index's batch finish first.
  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
    await this.index.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
