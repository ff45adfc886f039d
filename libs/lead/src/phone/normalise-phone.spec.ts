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
  ])('normalises %p to %p', (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it('reads a number without country code in the given default country', () => {
    expect(normalisePhone('020 7946 0958', 'GB')).toBe('+442079460958');
  });

  it.each(['', 'abc', '12345', '23812345678', '+86 138'])('refuses %p as INVALID_PHONE on field phone', (raw) => {
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
