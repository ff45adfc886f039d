import { runCliInProcess } from './support/in-process-cli';
import { DueIndexRunner } from '@crm/dispatch';
import { registerDispatchCommands } from '../../apps/cli/src/commands/dispatch.command';
import { registration, TEST_SECRET, TestApp, useTestApp } from './support/test-app';

/** Runs `cli dispatch ...` in this process against the app's DATA_DIR and returns what it printed. */
function cli(t: TestApp, ...args: string[]): Promise<string> {
  return runCliInProcess(registerDispatchCommands, { NODE_ENV: 'test', JWT_SECRET: TEST_SECRET, DATA_DIR: t.config.DATA_DIR }, ['dispatch', ...args]);
}

describe('dispatch CLI beside a serving API (embedded profile)', () => {
  const fx = useTestApp();

  it('shows the due index and rebuilds it from position 0 into the same entries, the API following', async () => {
    for (let i = 0; i < 3; i += 1) await fx.t.http.post('/leads').set(fx.auth).send(registration()).expect(201);
    const head = await fx.t.store.headPosition();
    await fx.t.app.get(DueIndexRunner).waitFor(head);
    expect(JSON.parse(await cli(fx.t, 'status', '--json'))).toEqual({ kind: 'sqlite', checkpoint: head, head, lagEvents: 0, entries: 3 });

    expect(await cli(fx.t, 'rebuild-index')).toBe(`due index rebuilt to position ${head}: 3 entries\n`);
    // The API's own index notices the checkpoint moved under it and follows on from the rebuilt one.
    await fx.t.http.post('/leads').set(fx.auth).send(registration()).expect(201);
    await fx.t.app.get(DueIndexRunner).waitFor(await fx.t.store.headPosition());
    expect(JSON.parse(await cli(fx.t, 'status', '--json'))).toMatchObject({ lagEvents: 0, entries: 4 });
  });
});
