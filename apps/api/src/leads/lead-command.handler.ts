import { Injectable } from '@nestjs/common';
import { EventStore, EventToAppend, WrongExpectedRevisionError } from '@crm/event-store';
import { decide, LeadCommand, leadStreamId } from '@crm/lead';
import { ApiErrorCode } from '../http/api-error-code';
import { ApiError } from '../http/api-error';
import { CommandContextFactory, CommandTrace } from './command-context.factory';
import { CommandRequest } from './command-request';
import { EventEnvelopeFactory } from './event-envelope.factory';
import { KeyedMutex } from './keyed-mutex';
import { LeadCommandResult } from './lead-command.result';
import { LoadedLead, LeadStreamLoader } from './lead-stream.loader';
import { PhoneUniqueness } from './phone/phone-uniqueness';

/** A command as a controller hands it over: the decider's command without its context. */
export interface LeadCommandInput<C extends LeadCommand = LeadCommand> {
  type: C['type'];
  data: C['data'];
  occurredAt?: string;
  reason?: string;
}

/** Without If-Match a concurrent write by another process is retried on the new state this many times. */
const MAX_ATTEMPTS = 5;

/** Load, decide, append with the revision read. No rule of the lead lives here. */
@Injectable()
export class LeadCommandHandler {
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly store: EventStore,
    private readonly loader: LeadStreamLoader,
    private readonly contexts: CommandContextFactory,
    private readonly envelopes: EventEnvelopeFactory,
    private readonly phones: PhoneUniqueness,
  ) {}

  execute(leadId: string, input: LeadCommandInput, request: CommandRequest): Promise<LeadCommandResult> {
    const trace = this.contexts.trace(request, input.reason);
    return this.mutex.run(leadStreamId(leadId), async () => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await this.attempt(leadId, input, request, trace);
        } catch (error) {
          const retry = error instanceof WrongExpectedRevisionError && request.expectedRevision === undefined && attempt < MAX_ATTEMPTS;
          if (!retry) throw error;
        }
      }
    });
  }

  private async attempt(leadId: string, input: LeadCommandInput, request: CommandRequest, trace: CommandTrace): Promise<LeadCommandResult> {
    const streamId = leadStreamId(leadId);
    const lead = await this.loader.load(leadId);
    checkPreconditions(streamId, input, request, lead);
    const context = this.contexts.context(request, input.occurredAt);
    const command = { type: input.type, data: input.data, context } as LeadCommand;
    const events = decide(command, lead.state);
    if (events.length === 0) return { leadId, revision: lead.revision, position: lead.position, events: [] };
    const envelopes = this.envelopes.wrap(events, request.actor, trace, { occurredAt: context.occurredAt, recordedAt: context.now });
    const claim = await this.phones.claim(command, lead.state, leadId, trace);
    const expected = lead.revision < 0 ? 'no_stream' : lead.revision;
    let appended;
    try {
      appended = await this.store.append(streamId, envelopes, expected);
    } catch (error) {
      await claim.rollback();
      throw error;
    }
    await claim.commit();
    return { leadId, revision: appended.nextRevision, position: appended.position, events: view(envelopes, lead.revision) };
  }
}

function checkPreconditions(streamId: string, input: LeadCommandInput, request: CommandRequest, lead: LoadedLead): void {
  // Another dealer's lead answers as a missing one: a token never reaches across the tenant boundary.
  const foreign = lead.revision >= 0 && lead.state.dealerId !== request.actor.dealerId;
  if (input.type !== 'RegisterLead' && (lead.revision < 0 || foreign)) {
    throw new ApiError(ApiErrorCode.LeadNotFound, 'No lead with this id', 'not_found');
  }
  const expected = request.expectedRevision;
  if (expected !== undefined && expected !== lead.revision) {
    throw new WrongExpectedRevisionError(streamId, expected, lead.revision < 0 ? 'no_stream' : lead.revision);
  }
}

function view(events: EventToAppend[], previousRevision: number): LeadCommandResult['events'] {
  return events.map((event, index) => ({ revision: previousRevision + 1 + index, ...event }));
}
