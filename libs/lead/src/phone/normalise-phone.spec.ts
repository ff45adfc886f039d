import { LeadError, LeadErrorCode } from '../lead.errors';
import { normalisePhone } from './normalise-phone';

describe('normalisePhone', () => {
  it.each([
    ['13812345678', '+8613812345678'],
    ['138 1234 5678', '+8613812345678'],
    ['138-1234-5678', '+8613812345678'],
    ['+8613812345678', '+8613812345678'],
    ['+86 138 1234 5678', '+8613812345678'],
    ['+44 20 7946 0958', '+442079460958'],
    ['021 6234 5678', '+862162345678'],
    ['(021) 6234-5678', '+862162345678'],
    ['010.6552.9988', '+861065529988'],
  ])('normalises %p to %p', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it('reads a number without country code in the given default country', () => {
    expect(normalisePhone('020 7946 0958', 'GB')).toBe('+442079460958');
  });

  it.each([
    ['', 'empty'],
    ['abc', 'letters'],
    ['12345', 'too short for any plan'],
    ['23812345678', 'no Chinese number starts so'],
    ['+86 138', 'a country code and a fragment'],
    ['138 1234 567', 'a Chinese mobile a digit short'],
    ['138123456789', 'a Chinese mobile a digit long'],
    ['1380013800O', 'a letter O typed for a zero (the parser alone would drop it)'],
    ['13812345678 ext', 'trailing text'],
    ['１３８１２３４５６７８', 'full-width digits'],
    ['138\n1234 5678', 'a line break'],
  ])('refuses %p (%s) as INVALID_PHONE on field phone', (raw) => {
    let caught: unknown;
    try {
      normalisePhone(raw);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LeadError);
    expect(caught).toMatchObject({ code: LeadErrorCode.InvalidPhone, kind: 'invalid', field: 'phone' });
  });
});
