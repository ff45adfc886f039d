import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@crm/event-store';
import { Clock } from '@crm/kernel';
import {
  LeadCommand, LeadError, LeadErrorCode, LeadEvent, LeadPolicy, LeadState, leadDecider, leadStreamId, normalisePhone,
} from '@crm/lead';
import { CommandOrigin } from '../command-origin';
import { DeciderCommandHandler } from '../decider/decider-command.handler';
import { LoadedStream } from '../decider/stream-loader';
import { EventEnvelopeFactory } from '../envelope/event-envelope.factory';
import { LEAD_POLICY } from '../policy/lead-policy.provider';
import { ExecuteLeadCommand, LeadCommandInput, LeadCommandResult } from './execute-lead-command';
import { LeadStreamLoader } from './lead-stream.loader';
import { PhoneUniqueness } from './phone/phone-uniqueness';

/** Load, decide, append for a lead; the rules are the decider's, the phone reservation rides along. */
@CommandHandler(ExecuteLeadCommand)
export class ExecuteLeadCommandHandler implements ICommandHandler<ExecuteLeadCommand, LeadCommandResult> {
  private readonly handler: DeciderCommandHandler<LeadCommand, LeadEvent, LeadState>;

  constructor(
    store: EventStore,
    loader: LeadStreamLoader,
    envelopes: EventEnvelopeFactory,
    clock: Clock,
    private readonly phones: PhoneUniqueness,
    @Inject(LEAD_POLICY) private readonly policy: LeadPolicy,
  ) {
    this.handler = new DeciderCommandHandler(store, leadDecider, loader, envelopes, clock, {
      concurrency: 'checked',
      revisionMismatch: (_stream, expected, actual) => new LeadError(
        LeadErrorCode.RevisionMismatch,
        actual < 0 ? 'The lead does not exist yet' : `The lead has changed: it is at revision ${actual}, not ${expected}`,
        'If-Match',
        { expectedRevision: expected, currentRevision: actual },
      ),
      contended: () => new LeadError(LeadErrorCode.LeadBusy, 'Others kept changing the lead meanwhile; send the command again'),
    });
  }

  async execute({ leadId, command, origin }: ExecuteLeadCommand): Promise<LeadCommandResult> {
    const input = withNormalisedPhone(command);
    const decision = await this.handler.handle(
      leadStreamId(leadId),
      (now) => ({ ...input, context: { actor: origin.actor, now, occurredAt: origin.occurredAt ?? now, policy: this.policy } }) as LeadCommand,
      origin,
      {
        admit: (lead, full) => admitToLead(lead, full, origin),
        claim: (lead, full) => this.phones.claim(full, lead.state, leadId, origin),
      },
    );
    return { leadId, ...decision };
  }
}

/** Another dealer's lead answers as a missing one: no caller reaches across the tenant boundary. */
function admitToLead(lead: LoadedStream<LeadState>, command: LeadCommand, origin: CommandOrigin): void {
  if (command.type === 'RegisterLead') return;
  if (lead.revision < 0 || lead.state.dealerId !== origin.actor.dealerId) {
    throw new LeadError(LeadErrorCode.LeadNotFound, 'No lead with this id');
  }
}

/** Phone numbers reach the decider (and the reservation) in E.164, whoever sent them. */
function withNormalisedPhone(command: LeadCommandInput): LeadCommandInput {
  if (command.type === 'RegisterLead') {
    const contact = { ...command.data.contact, phone: normalisePhone(command.data.contact.phone) };
    return { ...command, data: { ...command.data, contact } };
  }
  if (command.type === 'ChangeContactDetails' && command.data.phone !== undefined) {
    return { ...command, data: { ...command.data, phone: normalisePhone(command.data.phone) } };
  }
  return command;
}
