import { DynamicModule, Global, INestApplicationContext, Module } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig, loadConfig } from '@crm/config';
import { CommandsModule, ExecuteLeadCommand, LeadCommandInput, LeadCommandResult } from '@crm/commands';
import { EventStore, EventStoreModule, RecordedEvent } from '@crm/event-store';
import { Actor, EventSource, SequentialIdGenerator, VirtualClock } from '@crm/kernel';
import { KernelPortsModule } from '@crm/kernel/nest';
import { leadStreamId } from '@crm/lead';
import { TouchChannel } from '../channels/touch-channel.port';
import { DispatchReport } from '../dispatcher/dispatch-outcome';
import { Dispatcher } from '../dispatcher/dispatcher';
import { DispatchModule } from '../dispatch.module';
import { DueIndexRunner } from '../index/due-index.runner';
import { DueWorkStore } from '../store/due-work-store.port';

@Global()
@Module({})
class TestConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: TestConfigModule, global: true, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

export const DEALER = 'dealer-sh-01';
export const AGENT: Actor = { id: 'agent-7', role: 'crm_agent', dealerId: DEALER };

export interface DispatchHarness {
  app: INestApplicationContext;
  clock: VirtualClock;
  store: EventStore;
  dueStore: DueWorkStore;
  dispatcher: Dispatcher;
  /** A lead command as the API (or, with source 'saga', the saga) sends it. */
  send(leadId: string, command: LeadCommandInput, source?: EventSource): Promise<LeadCommandResult>;
  /** Waits until the due index holds everything appended so far, then runs one dispatch round at the clock's time. */
  tick(): Promise<DispatchReport>;
  events(leadId: string, type?: string): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

/**
 * The real write side and the dispatch module on a temp SQLite event store, with a virtual clock (Monday
 * 2026-03-02 10:00 in Shanghai) and no dispatch interval: the test moves the clock and calls tick().
 */
export interface DispatchHarnessOptions {
  channel?: TouchChannel;
  /** A channel that needs the harness's virtual clock. */
  channelFor?: (clock: VirtualClock) => TouchChannel;
  env?: Record<string, string>;
}

export async function startDispatchHarness(options: DispatchHarnessOptions = {}): Promise<DispatchHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-'));
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'dispatch-test-secret-01', DATA_DIR: dir, DISPATCH_INTERVAL_MS: '0', SQLITE_SYNCHRONOUS: 'normal', ...options.env });
  const clock = new VirtualClock('2026-03-02T02:00:00.000Z');
  @Module({
    imports: [
      TestConfigModule.forRoot(config),
      KernelPortsModule.forRoot({ clock, ids: new SequentialIdGenerator() }),
      EventStoreModule.forRoot(config),
      CommandsModule,
      DispatchModule.forRoot({ runInProcess: true, channel: options.channel ?? options.channelFor?.(clock) }),
    ],
  })
  class HarnessModule {}
  const app = await NestFactory.createApplicationContext(HarnessModule, { logger: false });
  await app.init();
  const store = app.get(EventStore);
  const bus = app.get(CommandBus);
  const index = app.get(DueIndexRunner);
  const dispatcher = app.get(Dispatcher);
  let correlation = 0;
  return {
    app, clock, store, dispatcher, dueStore: app.get(DueWorkStore),
    send: (leadId, command, source = 'api') => {
      correlation += 1;
      const origin = { actor: source === 'saga' ? { ...AGENT, id: 'nurture-saga', role: 'system' as const } : AGENT, source, correlationId: `c-${correlation}`, causationId: `c-${correlation}` };
      return bus.execute(new ExecuteLeadCommand(leadId, command, origin));
    },
    tick: async () => {
      await index.waitFor(await store.headPosition());
      return dispatcher.dispatchDue();
    },
    events: async (leadId, type) => (await store.readStream(leadStreamId(leadId))).filter((e) => type === undefined || e.type === type),
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let phones = 0;
/** A registration with a phone number of its own (one number is one lead per dealer). */
export function registerLead(leadId: string, overrides: { channel?: 'walk_in' | 'website'; marketingConsent?: boolean } = {}): LeadCommandInput {
  phones += 1;
  return {
    type: 'RegisterLead',
    data: {
      leadId, dealerId: DEALER, channel: overrides.channel ?? 'walk_in', contact: { name: `Lead ${leadId}`, phone: `138${String(10_000_000 + phones).slice(-8)}` },
      profile: { intendedModels: ['EQE'] }, marketingConsent: overrides.marketingConsent ?? true,
    },
  };
}

export function scheduleTouch(touchId: string, dueAt: string, overrides: { marketing?: boolean; assigneeId?: string } = {}): LeadCommandInput {
  return {
    type: 'ScheduleTouch',
    data: {
      touchId, purpose: 'nurture_call', channel: 'sms', dueAt, marketing: overrides.marketing ?? false, rule: 'test.rule', content: 'keep_in_touch',
      ...(overrides.assigneeId ? { assigneeId: overrides.assigneeId } : {}),
    },
  };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
