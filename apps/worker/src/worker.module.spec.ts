import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@crm/config';
import { Dispatcher } from '@crm/dispatch';
import { EventStore } from '@crm/event-store';
import { SystemClock } from '@crm/kernel';
import { leadStreamId } from '@crm/lead';
import { NurtureSagaRunner } from '@crm/nurture/nest';
import { ProjectionStatusReader } from '@crm/projections';
import { registration, toAppend } from '../../../libs/projections/src/testing/lead-events.builder';
import { LeadHistory, quietHoursAwayFrom, registered, touchScheduled } from '../../../libs/dispatch/src/testing/lead-history';
import { WorkerModule } from './worker.module';

describe('WorkerModule', () => {
  it('runs the projections against the event store in DATA_DIR, whatever PROJECTIONS_IN_PROCESS says', () => withWorker({ PROJECTIONS_IN_PROCESS: 'false' }, async (app) => {
    const store = app.get(EventStore);
    const { position } = await store.append(leadStreamId('w1'), [toAppend({ leadId: 'w1', event: registration('w1'), occurredAt: '2026-02-01T00:00:00.000Z' })], 'no_stream');
    const status = app.get(ProjectionStatusReader);
    expect(await status.waitFor(['funnel', 'tiers'], position, 5000)).toBe(true);
  }));

  it('runs the nurture saga: an assessed lead gets its planned touch, sent through its own CommandBus', () => withWorker({ PROJECTIONS_IN_PROCESS: 'false' }, async (app) => {
    const store = app.get(EventStore);
    const occurredAt = '2026-02-01T02:00:00.000Z';
    await store.append(leadStreamId('w2'), [
      toAppend({ leadId: 'w2', event: registration('w2', { channel: 'website' }), occurredAt }),
      toAppend({ leadId: 'w2', event: { type: 'PurchaseIntentAssessed', data: { timeframe: 'in_2_3_months', tier: 'T2' } }, occurredAt }),
    ], 'no_stream');
    await app.get(NurtureSagaRunner).settle(5000);
    const touch = (await store.readStream(leadStreamId('w2'))).find((event) => event.type === 'TouchScheduled');
    expect(touch).toMatchObject({ data: { rule: 'cadence.T2.call_month_1' }, metadata: { source: 'saga' } });
  }));

  it('runs the due index and the dispatcher on its interval: a due touch is sent and recorded', () => withWorker({ DISPATCH_INTERVAL_MS: '20' }, async (app) => {
    const store = app.get(EventStore);
    // The worker runs on the wall clock: the touch is due a minute ago, and quiet hours are hours away.
    const now = new SystemClock().now();
    const history = new LeadHistory(store, 'dealer-1');
    await history.dealerSettings(quietHoursAwayFrom(now), now.toISOString());
    await history.lead('w2', new Date(now.getTime() - 60_000).toISOString(), registered('w2'), touchScheduled('touch-w2', new Date(now.getTime() - 60_000).toISOString()));
    await waitUntil(async () => (await store.readStream(leadStreamId('w2'))).some((e) => e.type === 'TouchSent'));
    const sent = (await store.readStream(leadStreamId('w2'))).find((e) => e.type === 'TouchSent');
    expect(sent?.data).toEqual({ touchId: 'touch-w2', channel: 'sms', via: 'tasks', attempt: 1 });
    expect(sent?.metadata.actor.id).toBe('dispatcher');
    expect(app.get(Dispatcher).owner).toMatch(/:\d+:/);
  }));
});

/** A worker on a fresh DATA_DIR with these settings, started, handed to `body`, then closed and removed. */
async function withWorker(env: Record<string, string>, body: (app: INestApplicationContext) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'worker-'));
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'worker-test-secret-0123', DATA_DIR: dir, ...env });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  try {
    await app.init();
    await body(app);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
