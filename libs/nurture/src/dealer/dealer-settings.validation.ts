import { CHANNELS } from '@crm/lead';
import { DealerErrorCode, dealerFail } from './dealer.errors';
import { DealerSettingsChange } from './dealer-settings';
import { isValidTimeZone, localMinutes } from '../calendar/zoned-time';

/** A week: no channel's first response may be planned further out than that. */
const MAX_RESPONSE_MINUTES = 7 * 24 * 60;
const MAX_WARNING_DAYS = 3 * 366;
const WARNING_KEYS = ['goingCold', 'touchOverdue', 'followUpStalled', 'churn'];

/** Refuses settings the saga and the dispatcher could not work with, naming the field. */
export function validateSettingsChange(change: DealerSettingsChange): void {
  if (change.timeZone !== undefined && (typeof change.timeZone !== 'string' || !isValidTimeZone(change.timeZone))) {
    dealerFail(DealerErrorCode.InvalidTimeZone, 'timeZone must be an IANA time zone such as Asia/Shanghai', 'timeZone');
  }
  if (change.quietHours !== undefined) {
    const { start, end } = change.quietHours;
    for (const [name, value] of [['start', start], ['end', end]] as const) {
      if (typeof value !== 'string' || localMinutes(value) === undefined) {
        dealerFail(DealerErrorCode.InvalidQuietHours, `quietHours.${name} must be a local time HH:mm`, `quietHours.${name}`);
      }
    }
  }
  for (const [channel, minutes] of Object.entries(change.responseMinutes ?? {})) {
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      dealerFail(DealerErrorCode.InvalidResponseMinutes, `${channel} is not a lead channel`, `responseMinutes.${channel}`);
    }
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_RESPONSE_MINUTES) {
      dealerFail(DealerErrorCode.InvalidResponseMinutes, `responseMinutes.${channel} must be a whole number from 1 to ${MAX_RESPONSE_MINUTES}`, `responseMinutes.${channel}`);
    }
  }
  for (const [name, days] of Object.entries(change.warningDays ?? {})) {
    if (!WARNING_KEYS.includes(name)) {
      dealerFail(DealerErrorCode.InvalidWarningDays, `${name} is not one of ${WARNING_KEYS.join(', ')}`, `warningDays.${name}`);
    }
    if (!Number.isInteger(days) || (days as number) < 1 || (days as number) > MAX_WARNING_DAYS) {
      dealerFail(DealerErrorCode.InvalidWarningDays, `warningDays.${name} must be a whole number from 1 to ${MAX_WARNING_DAYS}`, `warningDays.${name}`);
    }
  }
}
