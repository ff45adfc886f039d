import { Injectable } from '@nestjs/common';
import { LeadCommand, LeadState } from '@crm/lead';
import { CommandOrigin } from '../../command-origin';
import { Claim, NO_CLAIM } from '../../decider/decider-command.handler';
import { PhoneReservations } from './phone-reservations';

/** Which commands take a phone number: registration, and a contact change to a new number. */
@Injectable()
export class PhoneUniqueness {
  constructor(private readonly reservations: PhoneReservations) {}

  async claim(command: LeadCommand, state: LeadState, leadId: string, origin: CommandOrigin): Promise<Claim> {
    if (command.type === 'RegisterLead') {
      const { dealerId, contact } = command.data;
      return this.reservations.reserve({ dealerId, phone: contact.phone, leadId, origin });
    }
    if (command.type !== 'ChangeContactDetails') return NO_CLAIM;
    const phone = command.data.phone;
    const previous = state.contact?.phone;
    if (phone === undefined || phone === previous) return NO_CLAIM;
    const dealerId = state.dealerId ?? origin.actor.dealerId;
    const claim = await this.reservations.reserve({ dealerId, phone, leadId, origin });
    return {
      commit: async () => {
        await claim.commit();
        if (previous !== undefined) await this.reservations.release({ dealerId, phone: previous, leadId, origin });
      },
      rollback: () => claim.rollback(),
    };
  }
}
