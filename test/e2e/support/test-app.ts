import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AppConfig, loadConfig } from '@crm/config';
import { EventStore } from '@crm/event-store';
import { Actor, ActorRole, VirtualClock } from '@crm/kernel';
import { createApp } from '../../../apps/api/src/create-app';
import { issueToken } from '../../../apps/api/src/auth/token-issuer';
import { PinoLoggerService } from '../../../apps/api/src/logging/pino-logger.service';

export const TEST_SECRET = 'e2e-test-secret-0123456789';
export const DEALER = 'dealer-sh-01';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  clock: VirtualClock;
  store: EventStore;
  config: AppConfig;
  token(role?: ActorRole, id?: string, dealerId?: string): string;
  close(): Promise<void>;
}

/** The real app on a real SQLite store in a temp dir, with a virtual clock; no port is opened. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-e2e-'));
  // No dispatch interval: a test that moves the virtual clock past a deadline decides when the dispatcher runs.
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_SECRET, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DISPATCH_INTERVAL_MS: '0', ...env });
  const clock = new VirtualClock('2026-01-05T09:00:00.000Z');
  const app = await createApp(config, { clock, logger: new PinoLoggerService('silent') });
  return {
    app,
    http: request(app.getHttpServer()),
    clock,
    store: app.get(EventStore),
    config,
    token: (role: ActorRole = 'consultant', id = 'consultant-1', dealerId = DEALER) => {
      const actor: Actor = { id, role, dealerId };
      return issueToken(TEST_SECRET, actor);
    },
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string): { Authorization: string } => ({ Authorization: `Bearer ${token}` });

let phoneCounter = 0;
/** A distinct valid Chinese mobile number per call. */
export function nextPhone(): string {
  phoneCounter += 1;
  return `139${String(10_000_000 + phoneCounter * 7919).slice(-8)}`;
}

export function registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Wang Fang',
    phone: nextPhone(),
    channel: 'walk_in',
    campaign: 'spring-2026',
    profile: { intendedModels: ['Model S'], payment: 'loan' },
    marketingConsent: true,
    ...overrides,
  };
}

export interface TestAppFixture {
  t: TestApp;
  /** A consultant of DEALER. */
  auth: { Authorization: string };
}

/** One app for the enclosing describe block, closed after it, with a consultant's Authorization header. */
export function useTestApp(env: Record<string, string> = {}): TestAppFixture {
  const fixture = {} as TestAppFixture;
  beforeAll(async () => {
    fixture.t = await startTestApp(env);
    fixture.auth = bearer(fixture.t.token());
  });
  afterAll(() => fixture.t.close());
  return fixture;
}
