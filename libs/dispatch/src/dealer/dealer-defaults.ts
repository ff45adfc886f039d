import { CHANNELS, Channel } from '@crm/lead';
import { DealerSettings } from './dealer-settings';

/*
 * A copy of the defaults of the shared nurture contract, kept here until the merge with libs/nurture, whose
 * `dealer-defaults.ts` owns them (the merge replaces this file by an import from @crm/nurture).
 */

/** Leads that arrive online expect an answer within the hour; the others within a day. */
const ONLINE_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['website', 'auto_portal', 'social_media']);
const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;

export const DEFAULT_DEALER_SETTINGS: DealerSettings = {
  timeZone: 'Asia/Shanghai',
  quietHours: { start: '21:00', end: '09:00' },
  responseMinutes: Object.fromEntries(
    CHANNELS.map((channel) => [channel, ONLINE_CHANNELS.has(channel) ? HOUR_MINUTES : DAY_MINUTES]),
  ) as Record<Channel, number>,
  warningDays: { goingCold: 7, touchOverdue: 3, followUpStalled: 14, churn: 365 },
};
