import { normalisePhone, RegisterLead } from '@crm/lead';
import { Actor } from '@crm/kernel';
import { commandInput } from './command-input';
import { RegisterLeadDto } from './dto/register-lead.dto';
import { LeadCommandInput } from './lead-command.handler';

/** Numbers without a country code are Chinese (the dealers' market). */
export const DEFAULT_PHONE_COUNTRY = 'CN';

export function registerLeadInput(leadId: string, dto: RegisterLeadDto, actor: Actor): LeadCommandInput {
  const { name, phone, email, wechat, channel, campaign, profile, marketingConsent, occurredAt, reason } = dto;
  const data: RegisterLead['data'] = {
    leadId,
    dealerId: actor.dealerId,
    channel,
    contact: { name, phone: normalisePhone(phone, DEFAULT_PHONE_COUNTRY), email, wechat },
    profile: { ...profile, intendedModels: profile?.intendedModels ?? [] },
    marketingConsent,
  };
  if (campaign !== undefined) data.campaign = campaign;
  return commandInput('RegisterLead', { occurredAt, reason }, data);
}
