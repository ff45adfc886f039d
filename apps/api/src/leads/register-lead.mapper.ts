import { RegisterLead } from '@crm/lead';
import { Actor } from '@crm/kernel';
import { ApiLeadCommand, commandInput } from './command-input';
import { RegisterLeadDto } from './dto/register-lead.dto';

/** The command handler normalises the phone number (to E.164), whoever registers. */
export function registerLeadInput(leadId: string, dto: RegisterLeadDto, actor: Actor): ApiLeadCommand {
  const { name, phone, email, wechat, channel, campaign, profile, marketingConsent, occurredAt, reason } = dto;
  const data: RegisterLead['data'] = {
    leadId,
    dealerId: actor.dealerId,
    channel,
    contact: { name, phone, email, wechat },
    profile: { ...profile, intendedModels: profile?.intendedModels ?? [] },
    marketingConsent,
  };
  if (campaign !== undefined) data.campaign = campaign;
  return commandInput('RegisterLead', { occurredAt, reason }, data);
}
