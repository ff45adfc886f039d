import { tmpdir } from 'node:os';
import { ConfigError, loadConfig } from './load-config';

const base = { NODE_ENV: 'test', JWT_SECRET: 'config-test-secret-0123', DATA_DIR: tmpdir() };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...base, ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('dispatch settings', () => {
  it('defaults to the tasks channel and a due store of the read store kind', () => {
    expect(loadConfig(base)).toMatchObject({ TOUCH_DELIVERY: 'tasks', DUE_STORE: 'sqlite', DISPATCH_LEASE_MS: 60_000, DISPATCH_INTERVAL_MS: 5_000 });
    expect(loadConfig({ ...base, READ_STORE: 'redis' }).DUE_STORE).toBe('redis');
    expect(loadConfig({ ...base, READ_STORE: 'redis', DUE_STORE: 'sqlite' }).DUE_STORE).toBe('sqlite');
  });

  it('names what a webhook delivery lacks', () => {
    expect(problemsOf({ TOUCH_DELIVERY: 'webhook' })).toEqual([
      'TOUCH_WEBHOOK_URL: is required when TOUCH_DELIVERY=webhook', 'TOUCH_WEBHOOK_SECRET: is required when TOUCH_DELIVERY=webhook',
    ]);
    expect(problemsOf({ TOUCH_DELIVERY: 'webhook', TOUCH_WEBHOOK_URL: 'http://127.0.0.1:9/x', TOUCH_WEBHOOK_SECRET: 'short' }))
      .toEqual(['TOUCH_WEBHOOK_SECRET: must be at least 16 characters']);
  });

  it('refuses a lease shorter than the longest webhook send', () => {
    const webhook = { TOUCH_DELIVERY: 'webhook', TOUCH_WEBHOOK_URL: 'http://127.0.0.1:9/x', TOUCH_WEBHOOK_SECRET: 'a-webhook-secret-0123' };
    expect(problemsOf({ ...webhook, DISPATCH_LEASE_MS: '10000' })).toEqual([
      'DISPATCH_LEASE_MS: must exceed the longest webhook send (19000 ms with these timeouts and retries)',
    ]);
    expect(problemsOf({ ...webhook, DISPATCH_LEASE_MS: '20000' })).toEqual([]);
  });

  it('refuses values out of range, naming them', () => {
    expect(problemsOf({ TOUCH_DELIVERY: 'carrier-pigeon', DISPATCH_BATCH_SIZE: '0' })).toEqual([
      expect.stringMatching(/^TOUCH_DELIVERY: /), expect.stringMatching(/^DISPATCH_BATCH_SIZE: /),
    ]);
  });
});
