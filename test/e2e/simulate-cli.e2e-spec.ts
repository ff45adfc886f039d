import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { childEntry } from '../../libs/kernel/src/testing/child-entry';

const REPO_ROOT = resolve(__dirname, '../..');

/** Runs the CLI as a separate process, as `npm run cli -- simulate ...` does, and returns its exit code and output. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...childEntry('apps/cli/src/main.ts'), ...args], {
      cwd: REPO_ROOT, env: { ...process.env, NODE_ENV: 'development', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('npm run cli -- simulate', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'crm-simulate-e2e-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('prints the funnel, the tier migration matrix and touch compliance, the same for the same seed', async () => {
    // TMPDIR: the run's temp data directory lands here, and must be gone afterwards.
    const runs = await Promise.all([1, 2].map(() => cli(['simulate', '--leads', '60', '--months', '2', '--seed', '42', '--json'], { TMPDIR: tmp })));
    for (const run of runs) expect([run.code, run.stderr]).toEqual([0, '']);
    const [a, b] = runs.map((run) => JSON.parse(run.stdout) as Record<string, any>) as [Record<string, any>, Record<string, any>];
    expect(a.leads).toBe(60);
    expect(a.funnel.total.cycles + a.funnel.total.invalid).toBe(60);
    expect(a.events.byType.LeadRegistered).toBe(60);
    expect(a.funnel.total.won).toBe(a.events.byType.DealWon ?? 0);
    expect(Object.keys(a.tierMigration.matrix)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    expect(a.touches).toMatchObject({ sentInQuietHours: 0, marketingSentWithoutConsent: 0 });
    expect(a.touches.scheduled).toBeGreaterThan(0);
    expect(a.timing.eventsPerSecond).toBeGreaterThan(0);
    const { timing: _a, ...summaryA } = a;
    const { timing: _b, ...summaryB } = b;
    expect(summaryA).toEqual(summaryB);
    expect(readdirSync(tmp).filter((name) => name.startsWith('crm-simulate-'))).toEqual([]);
  }, 120_000);

  it('prints a readable summary and keeps the data directory with --keep', async () => {
    const keep = join(tmp, 'kept');
    const run = await cli(['simulate', '--leads', '30', '--months', '1', '--seed', '7', '--keep', keep]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Simulated 30 leads over 1 months/);
    expect(run.stdout).toMatch(/Funnel \(read side, GET \/funnel\): \d+ leads/);
    expect(run.stdout).toMatch(/from\\to\s+T1\s+T2\s+T3\s+T4\s+T5/);
    expect(run.stdout).toMatch(/sent in quiet hours 0; marketing sent without consent 0/);
    expect(run.stdout).toMatch(/Events appended: \d+; elapsed [\d.]+ s; \d+ events\/s/);
    expect(existsSync(join(keep, 'events.sqlite'))).toBe(true);
  }, 120_000);

  it('refuses a bad number and a bad start, leaving no data directory behind', async () => {
    const [number, start] = await Promise.all([
      cli(['simulate', '--leads', 'many']),
      cli(['simulate', '--leads', '5', '--start', 'yesterday'], { TMPDIR: tmp }),
    ]);
    expect(number.code).not.toBe(0);
    expect(number.stderr).toMatch(/--leads <n>.*a whole number/);
    expect(start.code).not.toBe(0);
    expect(start.stderr).toMatch(/--start is not an ISO-8601 time: yesterday/);
    expect(readdirSync(tmp).filter((name) => name.startsWith('crm-simulate-'))).toEqual([]);
  }, 60_000);
});
