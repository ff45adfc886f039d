import { Channel } from '@crm/lead';
import { DealerSettings } from './dealer-settings';

const HOUR = 60;

/**
 * First-response times: a lead who wrote on the web, a portal or social media expects an answer within the hour;
 * the other channels within a day (domain.md, early warnings: "a new lead is not contacted within its response
 * time"; the numbers are the shared contract's defaults).
 */
const RESPONSE_MINUTES: Record<Channel, number> = {
  website: HOUR, auto_portal: HOUR, social_media: HOUR,
  walk_in: 24 * HOUR, inbound_phone: 24 * HOUR, event: 24 * HOUR, auto_show: 24 * HOUR, referral: 24 * HOUR,
  third_party_data: 24 * HOUR, survey: 24 * HOUR, service_department: 24 * HOUR, bulk_import: 24 * HOUR,
};

/**
 * A dealer's settings until its stream says otherwise. The brand's dealers are in mainland China (the seeds are
 * 4S dealer guides), hence Asia/Shanghai; quiet hours 21:00-09:00 local keep calls and messages out of the night
 * ("touches respect quiet hours", domain.md).
 */
export const DEFAULT_DEALER_SETTINGS: DealerSettings = {
  timeZone: 'Asia/Shanghai',
  quietHours: { start: '21:00', end: '09:00' },
  responseMinutes: RESPONSE_MINUTES,
  warningDays: { goingCold: 7, touchOverdue: 3, followUpStalled: 14, churn: 365 },
};
