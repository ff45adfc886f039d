import { Injectable } from '@nestjs/common';
import { LeadCommand, LeadState } from '@crm/lead';
import { CommandTrace } from '../command-context.factory';
import { NO_CLAIM, PhoneClaim } from './phone-claim';
import { PhoneReservations } from './phone-reservations';

/** Which commands take a phone number: registration, and a contact change to a new number. */
@Injectable()
export class PhoneUniqueness {
  constructor(private readonly reservations: PhoneReservations) {}

  async claim(command: LeadCommand, state: LeadState, leadId: string, trace: CommandTrace): Promise<PhoneClaim> {
    const actor = command.context.actor;
    if (command.type === 'RegisterLead') {
      const { dealerId, contact } = command.data;
      return this.reservations.reserve({ dealerId, phone: contact.phone, leadId, actor, trace });
    }
    if (command.type !== 'ChangeContactDetails') return NO_CLAIM;
    const phone = command.data.phone;
    const previous = state.contact?.phone;
    if (phone === undefined || phone === previous) return NO_CLAIM;
    const dealerId = state.dealerId ?? actor.dealerId;
    const claim = await this.reservations.reserve({ dealerId, phone, leadId, actor, trace });
    return {
      commit: async () => {
        await claim.commit();
        if (previous !== undefined) await this.reservations.release({ dealerId, phone: previous, leadId, actor, trace });
      },
      rollback: () => claim.rollback(),
    };
  }
}
