import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandOrigin, ExecuteDealerCommand, ExecuteLeadCommand, LeadStreamLoader } from '@crm/commands';
import { WrongExpectedRevisionError } from '@crm/event-store';
import { DomainError } from '@crm/kernel';
import { LeadErrorCode, leadStreamId } from '@crm/lead';
import { DealerErrorCode } from '../dealer/dealer.errors';
import { routedTo } from '../dealer/dealer-state';
import { HandOff, LeadInstruction, NurtureCommand, assignmentAfterRouting } from '../saga/nurture-commands';

/** Refusals that say "try again later" rather than "no": the subscriber retries the batch after a pause. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set([LeadErrorCode.LeadBusy, DealerErrorCode.DealerBusy]);

export function isTransient(error: unknown): boolean {
  if (!(error instanceof DomainError)) return true;
  return error instanceof WrongExpectedRevisionError || error.kind === 'unavailable' || TRANSIENT_CODES.has(error.code);
}

/**
 * Sends the saga's commands on the CommandBus, in order. A command the domain refuses (a lead deleted, consent
 * gone, no consultant) is logged with the causing event and skipped: one bad event must not stop the saga. Any
 * other failure (the store away, a lost race) is thrown, so the subscriber retries from its checkpoint; every
 * command is idempotent, so those already sent change nothing the second time.
 */
export class SagaCommandSender {
  private readonly logger = new Logger('NurtureSaga');

  constructor(private readonly bus: CommandBus, private readonly leads: LeadStreamLoader) {}

  async send(commands: readonly NurtureCommand[], origin: CommandOrigin): Promise<void> {
    for (const command of commands) {
      try {
        if (command.kind === 'lead') await this.sendToLead(command, origin);
        else await this.handOff(command, origin);
      } catch (error) {
        if (isTransient(error)) throw error;
        const { code, message } = error as DomainError;
        this.logger.warn(`event ${origin.causationId}: ${describe(command)} refused (${code}): ${message}`);
      }
    }
  }

  private sendToLead(instruction: LeadInstruction, origin: CommandOrigin): Promise<unknown> {
    return this.bus.execute(new ExecuteLeadCommand(instruction.leadId, instruction.command, origin));
  }

  /**
   * Route on the dealer's stream, then assign whoever it named; both idempotent by the routing id. A hand-off the
   * lead already shows (handling an old event again) is not routed a second time.
   */
  private async handOff(handOff: HandOff, origin: CommandOrigin): Promise<void> {
    const { dealerId, routingId, leadId, preferredConsultantIds } = handOff;
    const lead = await this.leads.load(leadStreamId(leadId));
    if (lead.state.handoffIds?.[routingId] !== undefined) return;
    const route = { type: 'RouteLeadToConsultant' as const, data: { routingId, leadId, preferredConsultantIds } };
    const { state } = await this.bus.execute(new ExecuteDealerCommand(dealerId, route, origin));
    const consultantId = routedTo(state, routingId);
    if (consultantId === undefined) throw new Error(`Routing ${routingId} left no consultant on dealer ${dealerId}`);
    await this.sendToLead(assignmentAfterRouting(handOff, consultantId), origin);
  }
}

function describe(command: NurtureCommand): string {
  return command.kind === 'lead' ? `${command.command.type} on lead ${command.leadId}` : `hand-off of lead ${command.leadId}`;
}
