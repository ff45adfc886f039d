import { CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { LeadError, LeadErrorCode } from '../lead.errors';

/**
 * What a person types into a phone field: digits and the usual separators. The parser would otherwise read a
 * number out of any text and drop the rest (a letter O typed for a zero vanished, leaving a shorter number).
 */
const PHONE_CHARACTERS = /^[0-9 +\-().]+$/;

/**
 * Turns what a user typed into E.164, the form the decider and the one-lead-per-phone reservation compare.
 * Numbers without a country code are read as numbers of `defaultCountry` (Chinese mobiles by default).
 * The full metadata ("max") checks each country's number plans, not only lengths: a Chinese mobile number
 * with a digit too few or too many is refused rather than stored.
 * The message leaves the number out: errors get logged, and phone numbers are customer data.
 */
export function normalisePhone(raw: string, defaultCountry: CountryCode = 'CN'): string {
  if (typeof raw !== 'string' || !PHONE_CHARACTERS.test(raw)) {
    throw new LeadError(LeadErrorCode.InvalidPhone, 'A phone number may hold only digits, spaces, +, -, (, ) and .', 'phone');
  }
  const parsed = parsePhoneNumberFromString(raw, defaultCountry);
  if (!parsed || !parsed.isValid()) {
    throw new LeadError(LeadErrorCode.InvalidPhone, 'Not a valid phone number', 'phone');
  }
  return parsed.number;
}
