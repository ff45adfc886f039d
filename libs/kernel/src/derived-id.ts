import { createHash } from 'node:crypto';

/**
 * An id derived from what caused it (a UUID v5-style hash of the parts), never a random one: a saga or a dispatcher
 * that handles the same event again invents the same ids, so its commands find their earlier effects and record
 * nothing twice. Parts are joined with a separator no id contains, so ('ab', 'c') and ('a', 'bc') differ.
 */
export function derivedId(...parts: readonly string[]): string {
  if (parts.length === 0) throw new Error('derivedId needs at least one part');
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
