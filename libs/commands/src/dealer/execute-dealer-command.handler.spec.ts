import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Global, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { APP_CONFIG, loadConfig } from '@crm/config';
import { EventStore, EventStoreModule } from '@crm/event-store';
import { Actor, ActorRole, DomainError, VirtualClock } from '@crm/kernel';
import { KernelPortsModule } from '@crm/kernel/nest';
import { DealerErrorCode, dealerStreamId, routedTo } from '@crm/nurture';
import { CommandOrigin } from '../command-origin';
import { CommandsModule } from '../commands.module';
import { DealerCommandInput, ExecuteDealerCommand } from './execute-dealer-command';

/** A fresh SQLite store per test, in a directory of its own. */
const freshConfig = () => loadConfig({
  NODE_ENV: 'test', JWT_SECRET: 'dealer-spec-secret-0123', DATA_DIR: mkdtempSync(join(tmpdir(), 'dealer-spec-')), SQLITE_SYNCHRONOUS: 'normal',
});

const DEALER = 'dealer-sh-01';
const origin = (role: ActorRole = 'manager', dealerId = DEALER): CommandOrigin => {
  const actor: Actor = { id: `${role}-1`, role, dealerId };
  return { actor, source: 'api', correlationId: 'corr-1', causationId: 'req-1' };
};

describe('ExecuteDealerCommand on the CommandBus', () => {
  let app: INestApplicationContext;
  let bus: CommandBus;
  const send = (command: DealerCommandInput, from = origin(), dealerId = DEALER) => bus.execute(new ExecuteDealerCommand(dealerId, command, from));

  let dataDir: string;

  beforeEach(async () => {
    const config = freshConfig();
    dataDir = config.DATA_DIR;
    @Global()
    @Module({ providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] })
    class TestConfigModule {}
    @Module({
      imports: [TestConfigModule, KernelPortsModule.forRoot({ clock: new VirtualClock('2026-01-05T09:00:00.000Z') }), EventStoreModule.forRoot(config), CommandsModule],
    })
    class TestModule {}
    app = await NestFactory.createApplicationContext(TestModule, { logger: false });
    bus = app.get(CommandBus);
  });
  afterEach(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('appends to dealer-<id> and answers the dealer as it stands', async () => {
    const result = await send({ type: 'AddConsultant', data: { consultantId: 'c-li', name: 'Li Na' } });
    expect(result).toMatchObject({ dealerId: DEALER, revision: 0, events: [{ type: 'ConsultantJoined', metadata: { actor: { role: 'manager' }, source: 'api' } }] });
    expect(result.state.consultants['c-li']).toEqual({ name: 'Li Na', seat: 0 });
    expect(await app.get(EventStore).readStream(dealerStreamId(DEALER))).toHaveLength(1);
  });

  it('routes a lead once: the same routing answers the same consultant and appends nothing', async () => {
    await send({ type: 'AddConsultant', data: { consultantId: 'c-li', name: 'Li Na' } });
    await send({ type: 'AddConsultant', data: { consultantId: 'c-zhao', name: 'Zhao Lei' } });
    const route = { type: 'RouteLeadToConsultant' as const, data: { routingId: 'r-1', leadId: 'lead-1' } };
    const first = await send(route, origin('system'));
    const again = await send(route, origin('system'));
    expect(routedTo(first.state, 'r-1')).toBe('c-li');
    expect(again).toMatchObject({ events: [], revision: first.revision });
    expect(routedTo(again.state, 'r-1')).toBe('c-li');
  });

  it("answers another dealer's id as missing, and a consultant's change as forbidden, appending nothing", async () => {
    const add = { type: 'AddConsultant' as const, data: { consultantId: 'c-li', name: 'Li Na' } };
    await expect(send(add, origin('manager', 'dealer-other'))).rejects.toMatchObject({ code: DealerErrorCode.DealerNotFound });
    await expect(send(add, origin('consultant'))).rejects.toMatchObject({ code: DealerErrorCode.DealerAccessForbidden });
    await expect(send(add, origin('consultant'))).rejects.toBeInstanceOf(DomainError);
    expect(await app.get(EventStore).readStream(dealerStreamId(DEALER))).toHaveLength(0);
  });
});
