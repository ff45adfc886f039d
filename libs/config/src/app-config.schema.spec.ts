import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config';

describe('configuration: the event store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = (overrides: Record<string, string>) => ({ NODE_ENV: 'test', JWT_SECRET: 'a-test-secret-0123456789', DATA_DIR: dir, ...overrides });
  const problems = (overrides: Record<string, string>): string[] => {
    try {
      loadConfig(env(overrides));
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
  };

  it('defaults to the embedded SQLite store, durable (synchronous FULL)', () => {
    const config = loadConfig(env({}));
    expect(config).toMatchObject({ EVENT_STORE: 'sqlite', SQLITE_SYNCHRONOUS: 'full', DATABASE_POOL_SIZE: 10 });
  });

  it('takes postgres with DATABASE_URL and eventstoredb with EVENTSTORE_URL', () => {
    expect(loadConfig(env({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://db/crm' })).DATABASE_URL).toBe('postgres://db/crm');
    expect(loadConfig(env({ EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: 'esdb://es:2113' })).EVENTSTORE_URL).toBe('esdb://es:2113');
  });

  it('names the missing address of the chosen store', () => {
    expect(problems({ EVENT_STORE: 'postgres' })).toEqual(['DATABASE_URL: is required when EVENT_STORE=postgres']);
    expect(problems({ EVENT_STORE: 'eventstoredb' })).toEqual(['EVENTSTORE_URL: is required when EVENT_STORE=eventstoredb']);
  });

  it('refuses unknown stores, durabilities and malformed addresses', () => {
    expect(problems({ EVENT_STORE: 'mongo' })[0]).toMatch(/^EVENT_STORE: /);
    expect(problems({ SQLITE_SYNCHRONOUS: 'off' })[0]).toMatch(/^SQLITE_SYNCHRONOUS: /);
    expect(problems({ EVENT_STORE: 'postgres', DATABASE_URL: 'mysql://db' })).toEqual(['DATABASE_URL: must be a postgres:// URL']);
    expect(problems({ EVENTSTORE_URL: 'http://es:2113' })).toEqual(['EVENTSTORE_URL: must be an esdb:// or esdb+discover:// URL']);
  });
});
