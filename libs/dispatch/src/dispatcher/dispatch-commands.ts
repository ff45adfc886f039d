import { CommandOrigin, ExecuteLeadCommand, LeadCommandInput, LeadCommandResult } from '@crm/commands';
import { DomainError } from '@crm/kernel';
import { LeadErrorCode } from '@crm/lead';
import { DueEntry } from '../due/due-entry';

/** What the dispatcher needs of the CommandBus (which Nest binds here; a test or a bare process may pass a handler). */
export interface LeadCommandBus {
  execute(command: ExecuteLeadCommand): Promise<LeadCommandResult>;
}

export const DISPATCHER_ACTOR_ID = 'dispatcher';

/**
 * Sends the dispatcher's commands on the bus as the system, in the lead's dealer (the command path admits no
 * other). The due entry is the cause; `correlationId` ties together what one touch or one warning led to.
 */
export class DispatchCommands {
  constructor(private readonly bus: LeadCommandBus) {}

  send(entry: DueEntry, command: LeadCommandInput, correlationId: string, reason: string): Promise<LeadCommandResult> {
    const origin: CommandOrigin = {
      actor: { id: DISPATCHER_ACTOR_ID, role: 'system', dealerId: entry.dealerId },
      source: 'system',
      correlationId,
      causationId: entry.id,
      reason,
    };
    return this.bus.execute(new ExecuteLeadCommand(entry.leadId, command, origin));
  }
}

/**
 * A refusal by the lead's rules means the state moved on (the consultant was already taken off, the touch was
 * closed): acting again would be refused again, and any later change re-derives the entry. Contention is the
 * exception: that command may well pass on the next try.
 */
export function isFinalRefusal(error: unknown): boolean {
  return error instanceof DomainError && error.code !== LeadErrorCode.LeadBusy;
}
