import { Command } from 'commander';
import { registerCommands } from './cli-command.registry';
// One line per command: each file defines its sub-command when imported.
import './commands/token.command';
import './commands/projections.command';
import './commands/store.command';
import './commands/relay.command';
import './commands/dispatch.command';
import './commands/simulate.command';

const program = new Command('crm')
  .description('Lead lifecycle command line: every command uses the same configuration (environment) as the API')
  .showHelpAfterError();

registerCommands(program)
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
