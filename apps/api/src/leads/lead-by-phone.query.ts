import { Injectable } from '@nestjs/common';
import { LeadStreamLoader, LoadedStream, PhoneNumberReserved, phoneStreamId } from '@crm/commands';
import { EventStore } from '@crm/event-store';
import { LeadError, LeadErrorCode, RegisteredLeadState, leadStreamId, normalisePhone } from '@crm/lead';

/**
 * The lead that holds a phone number, for an incoming call: the number is normalised as at registration, its
 * reservation stream (`phone-<dealer>-<digits>`) names the lead, and the lead must still have that number.
 */
@Injectable()
export class LeadByPhoneQuery {
  constructor(private readonly store: EventStore, private readonly loader: LeadStreamLoader) {}

  async find(phone: string, dealerId: string): Promise<LoadedStream<RegisteredLeadState>> {
    const e164 = normalisePhone(phone);
    const [last] = await this.store.readStream(phoneStreamId(dealerId, e164), { direction: 'backward', maxCount: 1 });
    if (last?.type !== 'PhoneNumberReserved') throw noLead();
    const { leadId } = last.data as PhoneNumberReserved['data'];
    const lead = await this.loader.load(leadStreamId(leadId));
    const { state } = lead;
    // A reservation whose registration never landed, or a number the lead has since changed, names no one.
    if (state.status === 'unregistered' || state.dealerId !== dealerId || state.contact.phone !== e164) throw noLead();
    return { ...lead, state };
  }
}

const noLead = (): LeadError => new LeadError(LeadErrorCode.LeadNotFound, 'No lead with this phone number');
