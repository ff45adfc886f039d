import { Actor, ActorRole } from '@crm/kernel';
import { CommandContext, LeadCommand, LeadCommandType } from '../commands/lead-commands';
import { LeadEvent, LeadRegistered } from '../events/lead-events';
import { DEFAULT_LEAD_POLICY } from '../policies/lead-policy';
import { GivenEvent, at } from './decider-specification';

/** Fixed times for specifications: the lead registered an hour before "now". */
export const REGISTERED_AT = '2026-01-05T08:00:00.000Z';
export const NOW = '2026-01-05T09:00:00.000Z';
export const LEAD_ID = '11111111-1111-4111-8111-111111111111';
export const DEALER_ID = 'dealer-sh-01';

export const actorAs = (role: ActorRole, id = `${role}-1`): Actor => ({ id, role, dealerId: DEALER_ID });

export function contextWith(overrides: Partial<CommandContext> = {}): CommandContext {
  return { actor: actorAs('consultant'), now: NOW, occurredAt: NOW, policy: DEFAULT_LEAD_POLICY, ...overrides };
}

type CommandOf<T extends LeadCommandType> = Extract<LeadCommand, { type: T }>;

export function command<T extends LeadCommandType>(
  type: T,
  data: CommandOf<T>['data'],
  context: Partial<CommandContext> = {},
): CommandOf<T> {
  return { type, data, context: contextWith(context) } as CommandOf<T>;
}

export const registration = (): LeadRegistered['data'] => ({
  leadId: LEAD_ID,
  dealerId: DEALER_ID,
  channel: 'walk_in',
  contact: { name: 'Wang Fang', phone: '+8613812345678' },
  profile: { intendedModels: ['Model S'] },
  marketingConsent: true,
});

export const leadRegistered = (): GivenEvent => at(REGISTERED_AT, { type: 'LeadRegistered', data: registration() });

/** A registered lead followed by more events, all at registration time unless wrapped with `at`. */
export const registeredLeadWith = (...events: GivenEvent[]): GivenEvent[] => [leadRegistered(), ...events];

export const quoteGiven = (quoteId = 'q-1', amount = 300_000, quantity = 1): LeadEvent => ({
  type: 'QuoteGiven',
  data: {
    quoteId,
    model: 'Model S',
    quantity,
    unitPrice: { amount, currency: 'CNY' },
    totalPrice: { amount: amount * quantity, currency: 'CNY' },
  },
});

export const dealWon = (): LeadEvent => ({
  type: 'DealWon',
  data: { quoteId: 'q-1', model: 'Model S', quantity: 1, totalPrice: { amount: 300_000, currency: 'CNY' } },
});

export const vehicleDelivered = (): LeadEvent => ({
  type: 'VehicleDelivered',
  data: { vin: 'LVSHFFAL0KF000001', model: 'Model S' },
});

export const lossRequested = (requestId = 'loss-1'): LeadEvent => ({
  type: 'LossRequested',
  data: { requestId, reason: 'bought_competitor_brand', competitor: 'Brand X', note: 'signed elsewhere' },
});

export const dealLost = (): LeadEvent => ({ type: 'DealLost', data: { reason: 'price' } });

export const testDriveScheduled = (testDriveId = 'td-1'): LeadEvent => ({
  type: 'TestDriveScheduled',
  data: { testDriveId, model: 'Model S', scheduledFor: '2026-01-06T10:00:00.000Z' },
});
