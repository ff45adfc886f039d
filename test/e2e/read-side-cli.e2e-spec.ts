import { runCliInProcess } from './support/in-process-cli';
import { registerProjectionsCommands } from '../../apps/cli/src/commands/projections.command';
import { registration, TEST_SECRET, TestApp, useTestApp } from './support/test-app';

/** Runs `cli projections ...` in this process against the app's DATA_DIR and returns what it printed. */
function cli(t: TestApp, ...args: string[]): Promise<string> {
  const env = { NODE_ENV: 'test', JWT_SECRET: TEST_SECRET, DATA_DIR: t.config.DATA_DIR, READ_STORE: 'sqlite' };
  return runCliInProcess(registerProjectionsCommands, env, ['projections', ...args]);
}

describe('projections CLI beside a serving API (embedded profile)', () => {
  const fx = useTestApp();

  it('rebuilds into a new version while the API serves, and the live runner follows the switch', async () => {
    let position = 0;
    for (let i = 0; i < 5; i += 1) position = (await fx.t.http.post('/leads').set(fx.auth).send(registration()).expect(201)).body.position;
    const before = await fx.t.http.get(`/funnel?minPosition=${position}`).set(fx.auth).expect(200);

    const output = await cli(fx.t, 'rebuild', 'all');
    expect(output).toMatch(/funnel: v1 -> v2 at position \d+/);
    expect(output).toMatch(/tiers: v1 -> v2 at position \d+/);
    expect(output).toMatch(/showroom: v1 -> v2 at position \d+/);
    expect(output).toMatch(/touches: v1 -> v2 at position \d+/);
    expect(output).toMatch(/warnings: v1 -> v2 at position \d+/);
    expect((await fx.t.http.get('/funnel').set(fx.auth).expect(200)).body).toEqual(before.body);

    const after = (await fx.t.http.post('/leads').set(fx.auth).send(registration()).expect(201)).body.position as number;
    // /leads reads both projections, so it waits for both to pass `after`.
    const { body } = await fx.t.http.get(`/leads?minPosition=${after}`).set(fx.auth).expect(200);
    expect(body.total).toBe(6);

    const status = await cli(fx.t, 'status', '--json');
    const rows = JSON.parse(status) as Array<{ name: string; liveVersion: number; checkpoint: number }>;
    expect(rows.map((r) => [r.name, r.liveVersion])).toEqual([['funnel', 2], ['tiers', 2], ['showroom', 2], ['touches', 2], ['warnings', 2]]);
    expect(rows.every((r) => r.checkpoint >= after)).toBe(true);
  });
});
