import { createHash } from 'node:crypto';

/**
 * An id derived from the parts that identify what it names (the causing event, a kind, a deadline), shaped as a
 * version-5-style UUID. Whoever derives it again from the same parts, after a crash or in another process, gets
 * the same id, so a command carrying it is recognised as a repeat.
 */
export function derivedId(...parts: readonly string[]): string {
  if (parts.length === 0) throw new Error('derivedId needs at least one part');
  // NUL cannot occur in the parts' text, so ('a', 'bc') and ('ab', 'c') never hash alike.
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
