import { Command } from '@nestjs/cqrs';
import { DealerCommand, DealerState } from '@crm/nurture';
import { CommandOrigin } from '../command-origin';
import { Decision } from '../decider/decider-command.handler';

/** A dealer command as a caller sends it: the decider's command without the context the handler adds. */
export type DealerCommandInput<C extends DealerCommand = DealerCommand> = C extends DealerCommand ? Pick<C, 'type' | 'data'> : never;

/** What the command did, and the dealer as it stands after it (the routing's answer, the settings in force). */
export interface DealerCommandResult extends Decision {
  dealerId: string;
  state: DealerState;
}

/** The bus message for every command on a dealer's stream (the API's dealer routes, the nurture saga's routing). */
export class ExecuteDealerCommand extends Command<DealerCommandResult> {
  constructor(readonly dealerId: string, readonly command: DealerCommandInput, readonly origin: CommandOrigin) {
    super();
  }
}
