import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { formatSummary, Simulation } from '@crm/simulator';
import { defineCommand } from '../cli-command.registry';

interface SimulateOptions {
  leads: number;
  months: number;
  seed: string;
  start?: string;
  stepMinutes: number;
  liveProjections?: boolean;
  keep?: string;
  json?: boolean;
}

const positiveInt = (max: number) => (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`a whole number from 1 to ${max}`);
  return n;
};

/**
 * `simulate`: a generated dealership driven through the real command path, saga and dispatcher on a virtual clock,
 * in a data directory of its own (never the configured DATA_DIR); prints the funnel, tier migration and touch
 * compliance as the read side answers them.
 */
export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('simulate a dealership (leads arriving over months, staff, customers, sagas, dispatch) and print what the read side reports')
    .option('--leads <n>', 'leads arriving over the period', positiveInt(1_000_000), 1000)
    .option('--months <m>', 'months to simulate', positiveInt(60), 3)
    .option('--seed <s>', 'seed of every random draw: the same seed gives the same summary', '1')
    .option('--start <iso>', 'first moment of the period (default 2026-01-05T00:00:00+08:00)')
    .option('--step-minutes <n>', 'clock step while the showroom is open (the night is one step)', positiveInt(24 * 60), 60)
    .option('--live-projections', 'run the projections during the run instead of catching up at the end')
    .option('--keep <dir>', 'keep the SQLite files in this directory instead of a removed temp directory')
    .option('--json', 'print the summary as JSON')
    .action(async (options: SimulateOptions) => {
      const dataDir = options.keep ? resolve(options.keep) : mkdtempSync(join(scratchDir(), 'crm-simulate-'));
      if (options.keep) mkdirSync(dataDir, { recursive: true });
      const progress = process.stderr.isTTY && !options.json
        ? ({ at, events, fraction }: { at: string; events: number; fraction: number }) =>
          process.stderr.write(`\r${at.slice(0, 10)}  ${(fraction * 100).toFixed(0).padStart(3)}%  ${events} events`)
        : undefined;
      let simulation: Simulation | undefined;
      try {
        simulation = await Simulation.start({
          leads: options.leads, months: options.months, seed: options.seed, start: options.start, dataDir, onProgress: progress,
          stepMs: options.stepMinutes * 60_000, liveProjections: options.liveProjections,
        });
        const { summary, timing } = await simulation.run();
        if (progress) process.stderr.write('\n');
        process.stdout.write(options.json ? `${JSON.stringify({ ...summary, timing }, null, 2)}\n` : formatSummary(summary, timing));
        if (options.keep) process.stderr.write(`data kept in ${dataDir}\n`);
      } finally {
        await simulation?.close();
        if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
      }
    });
}

/**
 * Where the run's files go unless --keep: a RAM disk when the machine has one (nothing of a simulation needs to
 * reach a disk, and a busy disk would set the pace), else the OS temp dir; TMPDIR, when set, wins.
 */
function scratchDir(): string {
  if (process.env.TMPDIR) return tmpdir();
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

defineCommand(registerSimulateCommand);
