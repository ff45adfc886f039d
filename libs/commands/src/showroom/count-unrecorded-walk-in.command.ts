import { Command } from '@nestjs/cqrs';
import { CountUnrecordedWalkIn } from '@crm/lead';
import { CommandOrigin } from '../command-origin';
import { Decision } from '../decider/decider-command.handler';

/** The door count of walk-ins who left no record, for the actor's dealer. */
export class CountUnrecordedWalkInCommand extends Command<Decision> {
  constructor(readonly data: CountUnrecordedWalkIn['data'], readonly origin: CommandOrigin) {
    super();
  }
}
