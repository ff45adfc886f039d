import { Command } from 'commander';

/** Adds one sub-command (its options and action) to the program. */
export type CliCommandDefinition = (program: Command) => void;

const definitions: CliCommandDefinition[] = [];

/**
 * Called at the top level of each command file, so that adding a command to the CLI is one import line in
 * main.ts: `import './commands/<name>.command';`.
 */
export function defineCommand(definition: CliCommandDefinition): void {
  definitions.push(definition);
}

export function registerCommands(program: Command): Command {
  for (const define of definitions) define(program);
  return program;
}
