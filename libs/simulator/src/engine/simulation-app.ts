import { Global, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { CommandsModule } from '@crm/commands';
import { APP_CONFIG, loadConfig } from '@crm/config';
import { Dispatcher, DispatchModule, DueIndexRunner } from '@crm/dispatch';
import { EventStore, EventStoreModule } from '@crm/event-store';
import { VirtualClock } from '@crm/kernel';
import { KernelPortsModule } from '@crm/kernel/nest';
import { ProjectionRebuilder, ProjectionRunnerHost, ProjectionsModule, ReadModelQueries, ReadStore } from '@crm/projections';
import { NurtureModule, NurtureSagaRunner } from '@crm/nurture/nest';

/** The parts of a running system the simulator drives and reads. */
export interface SimulationApp {
  app: INestApplicationContext;
  clock: VirtualClock;
  bus: CommandBus;
  store: EventStore;
  readStore: ReadStore;
  queries: ReadModelQueries;
  saga: NurtureSagaRunner;
  dueIndex: DueIndexRunner;
  dispatcher: Dispatcher;
  projections: ProjectionRunnerHost;
  rebuilder: ProjectionRebuilder;
}

/**
 * The worker's composition on a VirtualClock: the real CommandBus and handlers, SQLite event and read stores in
 * `dataDir`, the nurture saga and the due index running in process, and the dispatcher with the `tasks` channel
 * and no interval (the simulator calls it after each clock step). The projections run from the start with
 * `liveProjections`, else the simulator starts them at the end (a worker that starts late and catches up): nothing
 * in the run reads them before, and following the log in step-sized batches costs more than one catch-up.
 * Appends commit with synchronous=NORMAL: a simulation need not survive a power loss.
 */
export async function startSimulationApp(dataDir: string, start: string, liveProjections: boolean): Promise<SimulationApp> {
  const config = loadConfig({
    NODE_ENV: 'production', JWT_SECRET: 'simulator-not-serving-http', LOG_LEVEL: 'error', DATA_DIR: dataDir,
    EVENT_STORE: 'sqlite', READ_STORE: 'sqlite', SQLITE_SYNCHRONOUS: 'normal', PROJECTIONS_IN_PROCESS: 'true',
    TOUCH_DELIVERY: 'tasks', DISPATCH_INTERVAL_MS: '0', DISPATCH_BATCH_SIZE: '500', KAFKA_ENABLED: 'false',
  });
  const clock = new VirtualClock(start);

  @Global()
  @Module({ providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] })
  class SimulationConfigModule {}

  @Module({
    imports: [
      SimulationConfigModule, KernelPortsModule.forRoot({ clock }), EventStoreModule.forRoot(config), CommandsModule,
      ProjectionsModule.forRoot({ runInProcess: liveProjections }), NurtureModule.forRoot({ runInProcess: true }), DispatchModule.forRoot({ runInProcess: true }),
    ],
  })
  class SimulationModule {}

  const app = await NestFactory.createApplicationContext(SimulationModule, { logger: ['error'] });
  await app.init();
  const store = app.get(EventStore);
  const readStore = app.get(ReadStore);
  return {
    app, clock, store, readStore,
    bus: app.get(CommandBus),
    queries: app.get(ReadModelQueries),
    saga: app.get(NurtureSagaRunner),
    dueIndex: app.get(DueIndexRunner),
    dispatcher: app.get(Dispatcher),
    projections: app.get(ProjectionRunnerHost),
    rebuilder: new ProjectionRebuilder(store, readStore),
  };
}
