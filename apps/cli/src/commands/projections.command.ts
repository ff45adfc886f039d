import { performance } from 'node:perf_hooks';
import { Presets, SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { AppConfig, loadConfigOrExit } from '@crm/config';
import { createEventStore } from '@crm/event-store';
import { SystemClock } from '@crm/kernel';
import {
  createReadStore, defaultProjections, Projection, ProjectionRebuilder, ProjectionStatus, ProjectionStatusReader,
} from '@crm/projections';
import { defineCommand } from '../cli-command.registry';

/** `projections rebuild <name|all>` and `projections status` on the given program. */
export function registerProjectionsCommands(program: Command): void {
  const projections = program.command('projections').description('read-model projections: status and rebuild');

  projections
    .command('status')
    .description("each projection's live version, checkpoint and lag")
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withStores(async ({ statuses }) => {
        const rows = await statuses();
        if (options.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        else printStatus(rows);
      });
    });

  projections
    .command('rebuild <name>')
    .description('rebuild a projection (or "all") from position 0 into a new version, then switch to it')
    .option('--batch-size <n>', 'events per batch', (v) => Number.parseInt(v, 10), 5000)
    .action(async (name: string, options: { batchSize: number }) => {
      await withStores(async ({ rebuilder, all }) => {
        const chosen = name === 'all' ? all : all.filter((p) => p.name === name);
        if (chosen.length === 0) {
          process.stderr.write(`Unknown projection "${name}"; known: ${all.map((p) => p.name).join(', ')}, all\n`);
          process.exitCode = 2;
          return;
        }
        for (const projection of chosen) await rebuildWithProgress(rebuilder, projection, options.batchSize);
      });
    });
}

defineCommand(registerProjectionsCommands);

interface Stores {
  rebuilder: ProjectionRebuilder;
  all: Projection[];
  statuses(): Promise<ProjectionStatus[]>;
}

async function withStores(work: (stores: Stores) => Promise<void>, config: AppConfig = loadConfigOrExit()): Promise<void> {
  const eventStore = await createEventStore(config);
  const readStore = createReadStore(config);
  const all = defaultProjections();
  const reader = new ProjectionStatusReader(eventStore, readStore, new SystemClock());
  try {
    await work({
      rebuilder: new ProjectionRebuilder(eventStore, readStore),
      all,
      statuses: () => Promise.all(all.map((p) => reader.status(p.name))),
    });
  } finally {
    await readStore.close();
    await eventStore.close();
  }
}

async function rebuildWithProgress(rebuilder: ProjectionRebuilder, projection: Projection, batchSize: number): Promise<void> {
  const bar = new SingleBar({
    format: `${projection.name.padEnd(8)} |{bar}| {value}/{total} events | {rate} events/s | {remaining} remaining | ETA {eta_formatted}`,
    hideCursor: true,
  }, Presets.shades_classic);
  const started = performance.now();
  bar.start(1, 0, { rate: 0, remaining: 0 });
  const result = await rebuilder.rebuild(projection, {
    batchSize,
    onProgress: ({ checkpoint, target }) => {
      const seconds = (performance.now() - started) / 1000;
      bar.setTotal(Math.max(target, 1));
      bar.update(checkpoint, { rate: seconds > 0 ? Math.round(checkpoint / seconds) : 0, remaining: Math.max(0, target - checkpoint) });
    },
  });
  bar.stop();
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${projection.name}: v${result.previousVersion ?? '-'} -> v${result.version} at position ${result.checkpoint}`
    + ` in ${seconds.toFixed(1)} s (${Math.round(result.checkpoint / Math.max(seconds, 0.001))} events/s)\n`);
}

function printStatus(rows: ProjectionStatus[]): void {
  const header = ['projection', 'version', 'checkpoint', 'head', 'behind', 'seconds behind'];
  const lines = rows.map((r) => [r.name, String(r.liveVersion ?? '-'), String(r.checkpoint ?? '-'), String(r.headPosition),
    String(r.eventsBehind), r.secondsBehind.toFixed(1)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  for (const line of [header, ...lines]) process.stdout.write(`${line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')}\n`);
}
