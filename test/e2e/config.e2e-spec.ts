import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from './support/server-process';

describe('configuration is validated at start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const valid = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-0123456789', DATA_DIR: dir, PORT: '3999' };

  const startWith = async (env: Record<string, string>): Promise<{ code: number | null; output: string }> => {
    const server = spawnServer(env);
    const code = await server.exited;
    return { code, output: server.output() };
  };

  it('stops with a message naming PORT when PORT is not a port', async () => {
    const { code, output } = await startWith({ ...valid, PORT: 'eighty' });
    expect(code).not.toBe(0);
    expect(output).toMatch(/PORT/);
  });

  it('stops when JWT_SECRET is missing in production', async () => {
    const { JWT_SECRET: _omitted, ...env } = valid;
    const { code, output } = await startWith(env);
    expect(code).not.toBe(0);
    expect(output).toMatch(/JWT_SECRET/);
  });

  it('stops with a message naming DATABASE_URL when EVENT_STORE=postgres has no address', async () => {
    const { code, output } = await startWith({ ...valid, EVENT_STORE: 'postgres' });
    expect(code).toBe(78);
    expect(output).toMatch(/DATABASE_URL: is required when EVENT_STORE=postgres/);
  });

  it('stops when DATA_DIR cannot be written', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a directory');
    const { code, output } = await startWith({ ...valid, DATA_DIR: join(file, 'data') });
    expect(code).not.toBe(0);
    expect(output).toMatch(/DATA_DIR/);
  });
});
