import { Command } from '@nestjs/cqrs';
import { LeadCommand } from '@crm/lead';
import { CommandOrigin } from '../command-origin';
import { Decision } from '../decider/decider-command.handler';

/** A lead command as a caller sends it: the decider's command without the context the handler adds. */
export type LeadCommandInput<C extends LeadCommand = LeadCommand> = C extends LeadCommand ? Pick<C, 'type' | 'data'> : never;

export interface LeadCommandResult extends Decision {
  leadId: string;
}

/** The bus message for every lead command, whoever sends it (API, saga, CLI, simulator). */
export class ExecuteLeadCommand extends Command<LeadCommandResult> {
  constructor(readonly leadId: string, readonly command: LeadCommandInput, readonly origin: CommandOrigin) {
    super();
  }
}
