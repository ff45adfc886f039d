import { Global, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandOrigin, CommandsModule, DealerCommandInput, ExecuteDealerCommand, ExecuteLeadCommand, LeadCommandInput, LeadCommandResult } from '@crm/commands';
import { APP_CONFIG, loadConfig } from '@crm/config';
import { EventStore, EventStoreModule, RecordedEvent } from '@crm/event-store';
import { Actor, ActorRole, VirtualClock } from '@crm/kernel';
import { KernelPortsModule } from '@crm/kernel/nest';
import { leadStreamId } from '@crm/lead';
import { ProjectionsModule, ReadStore } from '@crm/projections';
import { NurtureModule } from '../nurture.module';
import { NurtureSagaRunner } from '../nurture-saga.runner';

export const DEALER = 'dealer-sh-01';

export interface SagaTestApp {
  app: INestApplicationContext;
  clock: VirtualClock;
  store: EventStore;
  readStore: ReadStore;
  runner: NurtureSagaRunner;
  lead(leadId: string, command: LeadCommandInput, role?: ActorRole): Promise<LeadCommandResult>;
  dealer(command: DealerCommandInput): Promise<unknown>;
  stream(leadId: string): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

/**
 * The saga as the worker runs it, on real parts: a SQLite event store and read store in a temp dir, the real
 * CommandBus and handlers, a virtual clock. Projections stay off; the saga runs in process.
 */
export async function startSagaApp(start = '2026-01-05T02:00:00.000Z'): Promise<SagaTestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-saga-'));
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'saga-test-secret-0123', DATA_DIR: dataDir, PROJECTIONS_IN_PROCESS: 'false', SQLITE_SYNCHRONOUS: 'normal' });
  const clock = new VirtualClock(start);

  @Global()
  @Module({ providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] })
  class SagaTestConfigModule {}

  @Module({
    imports: [
      SagaTestConfigModule, KernelPortsModule.forRoot({ clock }), EventStoreModule.forRoot(config),
      CommandsModule, ProjectionsModule.forRoot({ runInProcess: false }), NurtureModule.forRoot({ runInProcess: true }),
    ],
  })
  class SagaTestModule {}

  const app = await NestFactory.createApplicationContext(SagaTestModule, { logger: ['error'] });
  await app.init();
  const bus = app.get(CommandBus);
  const origin = (role: ActorRole): CommandOrigin => {
    const actor: Actor = { id: `${role}-1`, role, dealerId: DEALER };
    return { actor, source: 'api', correlationId: `corr-${clock.now().getTime()}`, causationId: `req-${clock.now().getTime()}` };
  };
  const store = app.get(EventStore);
  return {
    app,
    clock,
    store,
    readStore: app.get(ReadStore),
    runner: app.get(NurtureSagaRunner),
    lead: (leadId, command, role = 'crm_agent') => bus.execute(new ExecuteLeadCommand(leadId, command, origin(role))),
    dealer: (command) => bus.execute(new ExecuteDealerCommand(DEALER, command, origin('manager'))),
    stream: (leadId) => store.readStream(leadStreamId(leadId)),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
