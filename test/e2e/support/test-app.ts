import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, loadConfig } from '@crm/config';
import { EventStore } from '@crm/event-store';
import { Actor, ActorRole, VirtualClock } from '@crm/kernel';
import { createApp } from '../../../apps/api/src/create-app';
import { issueToken } from '../../../apps/api/src/auth/token-issuer';
import { PinoLoggerService } from '../../../apps/api/src/logging/pino-logger.service';
import { conformanceProblems, Exchange } from './openapi-contract';
import { HttpClient, recordingClient } from './recording-client';

export const TEST_SECRET = 'e2e-test-secret-0123456789';
/** Tokens are dated by the app's virtual clock, and tests move it across months: a fixture token outlives that. */
const FIXTURE_TOKEN_LIFETIME = '366d';
export const DEALER = 'dealer-sh-01';

export interface TestApp {
  app: INestApplication;
  /** Every answer it receives is checked against apps/api/openapi.json when the app closes. */
  http: HttpClient;
  clock: VirtualClock;
  store: EventStore;
  config: AppConfig;
  token(role?: ActorRole, id?: string, dealerId?: string): string;
  /** Closes the app, then fails when an answer the tests received is not what the OpenAPI document promises. */
  close(): Promise<void>;
}

/**
 * The real app on a real SQLite store in a temp dir, with a virtual clock; no port is opened. The nurture saga is
 * off unless a test asks for it (NURTURE_IN_PROCESS: 'true'): its touches would land in the streams other tests
 * count revision by revision.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-e2e-'));
  // No saga and no dispatch interval unless a test asks: a test that moves the virtual clock past a deadline decides
  // when the dispatcher runs, and saga touches would land in streams other tests count revision by revision.
  const config = loadConfig({
    NODE_ENV: 'test', JWT_SECRET: TEST_SECRET, DATA_DIR: dataDir, LOG_LEVEL: 'silent', NURTURE_IN_PROCESS: 'false', DISPATCH_INTERVAL_MS: '0', ...env,
  });
  const clock = new VirtualClock('2026-01-05T09:00:00.000Z');
  const app = await createApp(config, { clock, logger: new PinoLoggerService('silent') });
  const exchanges: Exchange[] = [];
  return {
    app,
    http: recordingClient(app.getHttpServer(), exchanges),
    clock,
    store: app.get(EventStore),
    config,
    token: (role: ActorRole = 'consultant', id = 'consultant-1', dealerId = DEALER) => {
      const actor: Actor = { id, role, dealerId };
      return issueToken(TEST_SECRET, actor, clock, FIXTURE_TOKEN_LIFETIME);
    },
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      await assertConformance(exchanges);
    },
  };
}

async function assertConformance(exchanges: readonly Exchange[]): Promise<void> {
  const problems = await conformanceProblems(exchanges);
  if (problems.length === 0) return;
  throw new Error(`Answers that apps/api/openapi.json does not document (add the response decorators, then npm run openapi):\n  ${problems.join('\n  ')}`);
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
