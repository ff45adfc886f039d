import { Injectable, Logger } from '@nestjs/common';
import { EventStore, RecordedEvent, WrongExpectedRevisionError } from '@crm/event-store';
import { Clock } from '@crm/kernel';
import { leadStreamId, LeadError, LeadErrorCode } from '@crm/lead';
import { CommandOrigin } from '../../command-origin';
import { Claim, NO_CLAIM } from '../../decider/decider-command.handler';
import { EventEnvelopeFactory } from '../../envelope/event-envelope.factory';
import { LeadStreamLoader } from '../lead-stream.loader';
import { PhoneNumberReserved, PhoneReservationEvent, phoneStreamId } from './phone-reservation.events';

/** A reservation whose lead does not (yet) hold the number is honoured this long: its lead may still be in flight. */
const IN_FLIGHT_GRACE_MS = 30_000;
const MAX_ATTEMPTS = 4;

export interface PhoneRequest {
  dealerId: string;
  phone: string;
  leadId: string;
  origin: CommandOrigin;
}

/**
 * One phone number per dealer, enforced by appending to `phone-<dealer>-<digits>` with "no stream" before the
 * lead's own append: two concurrent registrations cannot both create that stream.
 */
@Injectable()
export class PhoneReservations {
  private readonly logger = new Logger('PhoneReservations');

  constructor(
    private readonly store: EventStore,
    private readonly loader: LeadStreamLoader,
    private readonly envelopes: EventEnvelopeFactory,
    private readonly clock: Clock,
  ) {}

  async reserve(request: PhoneRequest): Promise<Claim> {
    const streamId = phoneStreamId(request.dealerId, request.phone);
    let expected: number | 'no_stream' = 'no_stream';
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      try {
        const { nextRevision } = await this.append(streamId, 'PhoneNumberReserved', request, expected);
        return this.claim(streamId, nextRevision, request);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
      const [last] = await this.store.readStream(streamId, { direction: 'backward', maxCount: 1 });
      if (!last) continue;
      const holder = await this.holder(last, request.phone);
      if (holder === request.leadId) return NO_CLAIM;
      if (holder !== undefined) throw phoneTaken(holder);
      expected = last.revision;
    }
    throw new LeadError(LeadErrorCode.PhoneAlreadyRegistered, 'The phone number is being registered concurrently', 'phone');
  }

  /** Frees a number the lead no longer uses; best effort, since a stale reservation is taken over anyway. */
  async release(request: PhoneRequest): Promise<void> {
    const streamId = phoneStreamId(request.dealerId, request.phone);
    try {
      const [last] = await this.store.readStream(streamId, { direction: 'backward', maxCount: 1 });
      if (last?.type !== 'PhoneNumberReserved' || (last.data as PhoneNumberReserved['data']).leadId !== request.leadId) return;
      await this.append(streamId, 'PhoneNumberReleased', request, last.revision);
    } catch (error) {
      this.logger.warn(`Could not release ${streamId}: ${(error as Error).message}`);
    }
  }

  /**
   * Who holds the number, if anyone. A reservation counts while its lead exists with this phone. If the
   * reservation was appended but its lead's append then failed (a crash between the two, or a phone change
   * that never landed), the lead does not hold the number: after a grace period, for a lead that may still be
   * in flight, the next registration takes the reservation over by appending at the revision it read.
   */
  private async holder(last: RecordedEvent, phone: string): Promise<string | undefined> {
    const event = last as unknown as PhoneReservationEvent & { metadata: RecordedEvent['metadata'] };
    if (event.type !== 'PhoneNumberReserved') return undefined;
    const leadId = event.data.leadId;
    const lead = await this.loader.load(leadStreamId(leadId));
    if (lead.revision >= 0 && lead.state.contact?.phone === phone) return leadId;
    const age = this.clock.now().getTime() - Date.parse(last.metadata.recordedAt);
    return age < IN_FLIGHT_GRACE_MS ? leadId : undefined;
  }

  private claim(streamId: string, revision: number, request: PhoneRequest): Claim {
    return {
      commit: async () => undefined,
      rollback: async () => {
        await this.append(streamId, 'PhoneNumberReleased', request, revision).catch((error: Error) =>
          this.logger.warn(`Could not roll back ${streamId}: ${error.message}`));
      },
    };
  }

  private append(streamId: string, type: PhoneReservationEvent['type'], request: PhoneRequest, expected: number | 'no_stream') {
    const data = { leadId: request.leadId, dealerId: request.dealerId, phone: request.phone };
    const now = this.clock.now().toISOString();
    const events = this.envelopes.wrap([{ type, data }], request.origin, { occurredAt: now, recordedAt: now }, () => 1);
    return this.store.append(streamId, events, expected);
  }
}

function phoneTaken(existingLeadId: string): LeadError {
  return new LeadError(LeadErrorCode.PhoneAlreadyRegistered, 'A lead with this phone number already exists', 'phone', { existingLeadId });
}
