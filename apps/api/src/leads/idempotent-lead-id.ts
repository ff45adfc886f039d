import { createHash } from 'node:crypto';
import { Actor } from '@crm/kernel';

/**
 * The lead id of a registration sent with an Idempotency-Key and no client id: derived from the key, so that a
 * retry after a crash addresses the same stream and finds the events it already appended.
 */
export function idempotentLeadId(actor: Actor, key: string): string {
  const hex = createHash('sha256').update(`${actor.dealerId}\u0000${actor.id}\u0000${key}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
