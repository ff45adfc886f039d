import { Actor, derivedId } from '@crm/kernel';

/**
 * The lead id of a registration sent with an Idempotency-Key and no client id: derived from the key, so that a
 * retry after a crash addresses the same stream and finds the events it already appended.
 */
export function idempotentLeadId(actor: Actor, key: string): string {
  return derivedId(actor.dealerId, actor.id, key);
}
