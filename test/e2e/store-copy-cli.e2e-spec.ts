import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { PostgresEventStore, SqliteEventStore } from '@crm/event-store';
import { registerStoreCommands } from '../../apps/cli/src/commands/store.command';
import { events, streamId } from '../../libs/event-store/src/testing/contract/contract-fixtures';
import { createTestDatabase, TestDatabase } from '../../libs/event-store/src/testing/postgres-test-database';

/** Runs `cli store ...` in this process; returns what it printed and the exit code it set. */
async function cli(...args: string[]): Promise<{ out: string; err: string; exitCode: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (sink: string[]) => (chunk: string | Uint8Array) => (sink.push(String(chunk)), true);
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture(out));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(capture(err));
  process.exitCode = undefined;
  try {
    const program = new Command('cli').exitOverride();
    registerStoreCommands(program);
    await program.parseAsync(['node', 'cli', 'store', ...args]);
    return { out: out.join(''), err: err.join(''), exitCode: Number(process.exitCode ?? 0) };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = undefined;
  }
}

describe('npm run cli -- store copy', () => {
  let dir: string;
  let database: TestDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'store-copy-cli-'));
    database = await createTestDatabase();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  it('moves a SQLite log into PostgreSQL and verifies it; refuses to copy onto a log that is not empty', async () => {
    const source = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    const ids = [streamId(), streamId(), streamId()];
    for (const [index, id] of ids.entries()) await source.append(id, events(index + 2), 'no_stream');
    await source.append(ids[0]!, events(1), 1);
    await source.close();

    const copied = await cli('copy', '--from', `sqlite:${join(dir, 'events.sqlite')}`, '--to', database.url, '--no-progress');
    expect(copied.exitCode).toBe(0);
    expect(copied.out).toMatch(/copied 10 events in/);
    expect(copied.out).toMatch(/verified: the target holds the same events in the same order/);
    const [sourceHash, targetHash] = [...copied.out.matchAll(/sha256 ([0-9a-f]{64})/g)].map((match) => match[1]);
    expect(targetHash).toBe(sourceHash);

    const target = await PostgresEventStore.open({ url: database.url });
    const stored = await target.readAll();
    await target.close();
    expect(stored.map((e) => [e.streamId, e.revision])).toEqual([
      [ids[0], 0], [ids[0], 1], [ids[1], 0], [ids[1], 1], [ids[1], 2], [ids[2], 0], [ids[2], 1], [ids[2], 2], [ids[2], 3], [ids[0], 2],
    ]);

    const again = await cli('copy', '--from', `sqlite:${join(dir, 'events.sqlite')}`, '--to', database.url, '--no-progress');
    expect(again.exitCode).toBe(2);
    expect(again.err).toMatch(/target event store is not empty/);
  });

  it('names the accepted forms when a URL is not an event store', async () => {
    await expect(cli('copy', '--from', 'mysql://db/crm', '--to', 'sqlite:./x.sqlite')).rejects.toThrow(/sqlite:\/\/\/abs\/path/);
  });
});
