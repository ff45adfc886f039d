import { JwtService } from '@nestjs/jwt';
import { Actor, Clock } from '@crm/kernel';
import { JwtClaims } from './jwt-claims';

/**
 * Signs development tokens (the CLI's `token` command and the tests) with the configured secret. `iat`, and so
 * `exp`, come from the clock port, the same clock the guard judges expiry by: a token made for a virtual clock
 * moved years ahead is valid there, and one whose exp is behind it is not.
 */
export function issueToken(secret: string, actor: Actor, clock: Clock, expiresIn: string | number = '12h'): string {
  const claims: JwtClaims & { iat: number } = {
    sub: actor.id, role: actor.role, dealer: actor.dealerId, iat: Math.floor(clock.now().getTime() / 1000),
  };
  const jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256' } });
  return jwt.sign(claims, { expiresIn: expiresIn as number });
}
