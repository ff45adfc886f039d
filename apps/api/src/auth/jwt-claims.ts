import { ACTOR_ROLES, Actor, ActorRole } from '@crm/kernel';

/** The claims a bearer token must carry: who (sub), in which role, for which dealer. */
export interface JwtClaims {
  sub: string;
  role: ActorRole;
  dealer: string;
}

export function actorFromClaims(payload: unknown): Actor | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { sub, role, dealer } = payload as Record<string, unknown>;
  if (!isNonEmpty(sub) || !isNonEmpty(dealer) || !isRole(role)) return undefined;
  return { id: sub, role, dealerId: dealer };
}

const isNonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isRole = (value: unknown): value is ActorRole => (ACTOR_ROLES as readonly unknown[]).includes(value);
