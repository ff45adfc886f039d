import { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { LeadError, LeadErrorCode } from '../lead.errors';

/**
 * Turns what a user typed into E.164, the form the decider and the one-lead-per-phone reservation compare.
 * Numbers without a country code are read as numbers of `defaultCountry` (Chinese mobiles by default).
 * The message leaves the number out: errors get logged, and phone numbers are customer data.
 */
export function normalisePhone(raw: string, defaultCountry: CountryCode = 'CN'): string {
  const parsed = typeof raw === 'string' ? parsePhoneNumberFromString(raw, defaultCountry) : undefined;
  if (!parsed || !parsed.isValid()) {
    throw new LeadError(LeadErrorCode.InvalidPhone, 'Not a valid phone number', 'phone');
  }
  return parsed.number;
}
