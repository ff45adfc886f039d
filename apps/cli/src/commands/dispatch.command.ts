import { join } from 'node:path';
import { Command } from 'commander';
import { loadConfigOrExit } from '@crm/config';
import { LeadStreamLoader } from '@crm/commands';
import { createDueWorkStore, DueIndexConsumer, DueIndexRunner, DueWorkStore, EventStoreDealerSettingsReader } from '@crm/dispatch';
import { SqliteEventStore } from '@crm/event-store';
import { defineCommand } from '../cli-command.registry';

/** The API's event store file in DATA_DIR (apps/api/src/app.module.ts, EVENT_STORE_FILE). */
const EVENT_STORE_FILE = 'events.sqlite';

interface IndexStatus {
  kind: string;
  checkpoint: number;
  head: number;
  lagEvents: number;
  entries: number;
}

/** `dispatch status` and `dispatch rebuild-index` on the given program. */
export function registerDispatchCommands(program: Command): void {
  const dispatch = program.command('dispatch').description('the due index the dispatcher works from: status and rebuild');

  dispatch
    .command('status')
    .description("the due index's checkpoint, lag behind the log and number of entries")
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withStores(async (events, store) => {
        const status = await statusOf(events, store);
        if (options.json) process.stdout.write(`${JSON.stringify(status)}\n`);
        else process.stdout.write(`due index (${status.kind}): checkpoint ${status.checkpoint} of ${status.head}, ${status.lagEvents} behind, ${status.entries} entries\n`);
      });
    });

  dispatch
    .command('rebuild-index')
    .description('empty the due index and fill it again from position 0 (running workers follow; nothing is sent twice)')
    .action(async () => {
      await withStores(async (events, store) => {
        const head = await events.headPosition();
        const runner = new DueIndexRunner(events, store, new DueIndexConsumer(store, new LeadStreamLoader(events), new EventStoreDealerSettingsReader(events)));
        await runner.rebuild();
        runner.start();
        try {
          await runner.waitFor(head, 600_000);
        } finally {
          await runner.stop();
        }
        const status = await statusOf(events, store);
        process.stdout.write(`due index rebuilt to position ${status.checkpoint}: ${status.entries} entries\n`);
      });
    });
}

async function statusOf(events: SqliteEventStore, store: DueWorkStore): Promise<IndexStatus> {
  const [checkpoint, head, entries] = await Promise.all([store.checkpoint(), events.headPosition(), store.size()]);
  return { kind: store.kind, checkpoint, head, lagEvents: Math.max(0, head - checkpoint), entries };
}

async function withStores(work: (events: SqliteEventStore, store: DueWorkStore) => Promise<void>): Promise<void> {
  const config = loadConfigOrExit();
  const events = new SqliteEventStore({ path: join(config.DATA_DIR, EVENT_STORE_FILE) });
  const store = createDueWorkStore(config);
  try {
    await work(events, store);
  } finally {
    await store.close();
    await events.close();
  }
}

defineCommand(registerDispatchCommands);
