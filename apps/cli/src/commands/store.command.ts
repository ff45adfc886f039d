import { performance } from 'node:perf_hooks';
import { Presets, SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { copyEventLog, CopyReport, CopyTargetNotEmptyError, EventStore, openEventStoreAt, parseEventStoreUrl } from '@crm/event-store';
import { defineCommand } from '../cli-command.registry';

interface CopyCommandOptions {
  from: string;
  to: string;
  batchSize: number;
  progress: boolean;
}

function storeUrl(value: string): string {
  try {
    parseEventStoreUrl(value);
    return value;
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function positiveInteger(value: string): number {
  const parsed = Number.parseInt(value, 10);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('must be a positive integer');
  return parsed;
}

/** `store copy --from <url> --to <url>`: moves an event log between stores and verifies the copy. */
export function registerStoreCommands(program: Command): void {
  const store = program.command('store').description('event store maintenance');
  store
    .command('copy')
    .description('copy the whole event log into an empty store (order, ids, metadata kept), then verify count and hash')
    .requiredOption('--from <url>', 'source: sqlite:///abs/path/events.sqlite, sqlite:./rel/path, postgres://..., esdb://...', storeUrl)
    .requiredOption('--to <url>', 'target, an empty store (same forms)', storeUrl)
    .option('--batch-size <n>', 'events read and written per step', positiveInteger, 1000)
    .option('--no-progress', 'no progress bar (logs, CI)')
    .action(async (options: CopyCommandOptions) => {
      if (options.from === options.to) throw new InvalidArgumentError('--from and --to name the same store');
      const [source, target] = await Promise.all([openEventStoreAt(options.from), openEventStoreAt(options.to)]);
      try {
        const report = await copyWithProgress(source, target, options);
        printReport(report);
        if (!report.verified) process.exitCode = 1;
      } catch (error) {
        if (!(error instanceof CopyTargetNotEmptyError)) throw error;
        process.stderr.write(`store copy: ${error.message}\n`);
        process.exitCode = 2;
      } finally {
        await Promise.all([source.close(), target.close()]);
      }
    });
}

defineCommand(registerStoreCommands);

async function copyWithProgress(source: EventStore, target: EventStore, options: CopyCommandOptions): Promise<CopyReport> {
  const bar = new SingleBar(
    { format: 'copy |{bar}| {copied} events | {rate} events/s | position {value}/{total}', hideCursor: true },
    Presets.shades_classic,
  );
  const started = performance.now();
  if (options.progress) bar.start(1, 0, { copied: 0, rate: 0 });
  let report: CopyReport;
  try {
    report = await copyEventLog(source, target, {
      batchSize: options.batchSize,
      onProgress: ({ copied, position, head }) => {
        if (!options.progress) return;
        const seconds = (performance.now() - started) / 1000;
        bar.setTotal(Math.max(head, 1));
        bar.update(position, { copied, rate: seconds > 0 ? Math.round(copied / seconds) : 0 });
      },
    });
  } finally {
    if (options.progress) bar.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`copied ${report.copied} events in ${seconds.toFixed(1)} s (${Math.round(report.copied / Math.max(seconds, 0.001))} events/s)\n`);
  return report;
}

function printReport(report: CopyReport): void {
  process.stdout.write(`source: ${report.copied} events, sha256 ${report.sourceDigest}\n`);
  process.stdout.write(`target: ${report.targetCount} events, sha256 ${report.targetDigest}\n`);
  process.stdout.write(report.verified ? 'verified: the target holds the same events in the same order\n' : 'MISMATCH: the target differs from the source\n');
}
