/**
 * Contact fields leave the system masked unless the deployment says otherwise (KAFKA_EXPOSE_CONTACT): enough for
 * a person to recognise a record they already know, not enough to call or write to someone.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  // +86 138 1234 5678 -> +86138****5678: the country code and carrier prefix stay, the subscriber part goes.
  const keepHead = Math.min(5, Math.max(0, digits.length - 8));
  const head = digits.slice(0, keepHead);
  const tail = digits.slice(-4);
  const masked = '*'.repeat(digits.length - head.length - tail.length);
  return `${phone.startsWith('+') ? '+' : ''}${head}${masked}${tail}`;
}

export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 0 ? '' : `${chars[0]}*`;
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return maskName(email);
  return `${[...email][0]}***${email.slice(at)}`;
}

export function maskWechat(wechat: string): string {
  const chars = [...wechat];
  return chars.length === 0 ? '' : `${chars[0]}***`;
}

/** A birthday (MM-DD or YYYY-MM-DD) keeps its month: enough for a birthday campaign's segment, not for identity checks. */
export function maskBirthday(birthday: string): string {
  const month = /^(?:\d{4}-)?(\d\d)-\d\d$/.exec(birthday)?.[1];
  return month === undefined ? '**-**' : `${month}-**`;
}

type ContactLike = Partial<Record<'name' | 'phone' | 'previousPhone' | 'email' | 'wechat' | 'birthday', unknown>>;

const MASKERS: Record<keyof ContactLike, (value: string) => string> = {
  name: maskName, phone: maskPhone, previousPhone: maskPhone, email: maskEmail, wechat: maskWechat, birthday: maskBirthday,
};

/** A copy of a contact-shaped object with each known contact field masked; other fields stay as they are. */
export function maskContact<T extends object>(contact: T): T {
  const copy = { ...contact } as Record<string, unknown>;
  for (const [field, mask] of Object.entries(MASKERS)) {
    const value = copy[field];
    if (typeof value === 'string') copy[field] = mask(value);
  }
  return copy as T;
}

/** Masks the contact fields of a lead event's data: the registration's contact, and a change of contact details. */
export function maskEventData(type: string, data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return data;
  if (type === 'LeadRegistered') {
    const registration = data as { contact?: object };
    return registration.contact ? { ...registration, contact: maskContact(registration.contact) } : data;
  }
  if (type === 'ContactDetailsChanged') return maskContact(data);
  return data;
}
