import { NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@crm/config';
import { EventStore } from '@crm/event-store';
import { leadStreamId } from '@crm/lead';
import { ProjectionStatusReader } from '@crm/projections';
import { registration, toAppend } from '../../../libs/projections/src/testing/lead-events.builder';
import { WorkerModule } from './worker.module';

describe('WorkerModule', () => {
  it('runs the projections against the event store in DATA_DIR, whatever PROJECTIONS_IN_PROCESS says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'worker-'));
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'worker-test-secret-0123', DATA_DIR: dir, PROJECTIONS_IN_PROCESS: 'false' });
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    try {
      await app.init();
      const store = app.get(EventStore);
      const { position } = await store.append(leadStreamId('w1'), [toAppend({ leadId: 'w1', event: registration('w1'), occurredAt: '2026-02-01T00:00:00.000Z' })], 'no_stream');
      const status = app.get(ProjectionStatusReader);
      expect(await status.waitFor(['funnel', 'tiers'], position, 5000)).toBe(true);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
