import { maskEmail, maskName, maskPhone, maskWechat } from './contact-masking';

describe('contact masking', () => {
  it.each([
    ['+8613812345678', '+86138****5678'],
    ['13812345678', '138****5678'],
    ['+4915112345678', '+49151****5678'],
    ['1234', '****'],
  ])('phone %s -> %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it('names keep their first character, e-mail its first character and domain, WeChat its first character', () => {
    expect(maskName('王磊')).toBe('王*');
    expect(maskName('  Wang Lei')).toBe('W*');
    expect(maskEmail('wang.lei@example.com')).toBe('w***@example.com');
    expect(maskWechat('wanglei88')).toBe('w***');
  });
});
