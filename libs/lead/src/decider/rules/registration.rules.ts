import { ContactDetailsChanged, LeadEvent } from '../../events/lead-events';
import { LeadErrorCode } from '../../lead.errors';
import { LeadState } from '../lead-state';
import { assertBudget } from './budget.rules';
import { assertNotBefore, assertTimely } from './guards';
import { CommandOf, Rule, compact, fail, isBirthday } from './values';

/** The phone arrives normalised: the handler normalises it and reserves it before deciding. */
export function registerLead(command: CommandOf<'RegisterLead'>, state: LeadState): LeadEvent[] {
  if (state.status !== 'unregistered') fail(LeadErrorCode.LeadAlreadyRegistered, 'Lead is already registered');
  assertTimely(command.context);
  const { data } = command;
  if (!Array.isArray(data.profile?.intendedModels)) {
    fail(LeadErrorCode.InvalidIntendedModels, 'intendedModels must be a list', 'profile.intendedModels');
  }
  assertBudget(data.profile.budget, 'profile.budget');
  if (data.contact.birthday !== undefined && !isBirthday(data.contact.birthday, command.context.now)) {
    fail(LeadErrorCode.InvalidBirthday, 'birthday must be MM-DD or a past date YYYY-MM-DD', 'contact.birthday');
  }
  const registered: LeadEvent = { type: 'LeadRegistered', data: compact({ ...data }) };
  const timeframe = data.profile.intendedPurchase;
  if (!timeframe) return [registered];
  // The first contact's answer to "when do you intend to buy" is the first assessment: the lead has a tier
  // (and a nurture plan) from day one, and the tier history starts where the lead does.
  const tier = command.context.policy.tierByTimeframe[timeframe];
  return [registered, { type: 'PurchaseIntentAssessed', data: { timeframe, tier } }];
}

/**
 * Only what differs is recorded; a change that changes nothing records nothing (safe to retry). A change dated
 * before the last one would be folded under it: the current details (and the reserved phone) would not be it.
 */
export const changeContactDetails: Rule<'ChangeContactDetails'> = (command, lead) => {
  assertNotBefore(command.context.occurredAt, lead.lastChanges.contact, 'the last change of contact details');
  const current = lead.contact;
  const requested = command.data;
  const data: ContactDetailsChanged['data'] = {};
  if (requested.name !== undefined && requested.name !== current.name) data.name = requested.name;
  if (requested.phone !== undefined && requested.phone !== current.phone) {
    data.phone = requested.phone;
    data.previousPhone = current.phone;
  }
  if (requested.email !== undefined && requested.email !== current.email) data.email = requested.email;
  if (requested.wechat !== undefined && requested.wechat !== current.wechat) data.wechat = requested.wechat;
  if (requested.birthday !== undefined && requested.birthday !== current.birthday) {
    if (!isBirthday(requested.birthday, command.context.now)) {
      fail(LeadErrorCode.InvalidBirthday, 'birthday must be MM-DD or a past date YYYY-MM-DD', 'birthday');
    }
    data.birthday = requested.birthday;
  }
  if (Object.keys(data).length === 0) return [];
  return [{ type: 'ContactDetailsChanged', data }];
};

export const changeMarketingConsent: Rule<'ChangeMarketingConsent'> = (command, lead) => {
  const { marketingConsent } = command.data;
  assertNotBefore(command.context.occurredAt, lead.lastChanges.consent, 'the last change of marketing consent');
  if (marketingConsent === lead.marketingConsent) return [];
  return [{ type: 'MarketingConsentChanged', data: { marketingConsent } }];
};
