import { InvalidArgumentError } from 'commander';
import { loadConfigOrExit } from '@crm/config';
import { ACTOR_ROLES, ActorRole, SystemClock } from '@crm/kernel';
import { issueToken } from '../../../api/src/auth/token-issuer';
import { defineCommand } from '../cli-command.registry';

interface TokenOptions {
  actor: string;
  role: ActorRole;
  dealer: string;
  expiresIn: string;
}

function parseRole(value: string): ActorRole {
  if (!(ACTOR_ROLES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`must be one of ${ACTOR_ROLES.join(', ')}`);
  }
  return value as ActorRole;
}

/** Prints a development bearer token, alone on stdout, signed with the configured JWT_SECRET. */
defineCommand((program) => {
  program
    .command('token')
    .description('Print a development bearer token (HS256, signed with JWT_SECRET)')
    .requiredOption('--actor <id>', 'actor id (the sub claim)')
    .requiredOption('--role <role>', `one of ${ACTOR_ROLES.join(', ')}`, parseRole)
    .requiredOption('--dealer <id>', 'dealer id')
    .option('--expires-in <duration>', 'lifetime, e.g. 12h, 30m, 7d', '12h')
    .action((options: TokenOptions) => {
      const config = loadConfigOrExit();
      const token = issueToken(config.JWT_SECRET, { id: options.actor, role: options.role, dealerId: options.dealer }, new SystemClock(), options.expiresIn);
      process.stdout.write(`${token}\n`);
    });
});
