import { JwtService } from '@nestjs/jwt';
import { Actor } from '@crm/kernel';
import { JwtClaims } from './jwt-claims';

/** Signs development tokens (the CLI's `token` command and the tests) with the configured secret. */
export function issueToken(secret: string, actor: Actor, expiresIn: string | number = '12h'): string {
  const claims: JwtClaims = { sub: actor.id, role: actor.role, dealer: actor.dealerId };
  const jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256' } });
  return jwt.sign(claims, { expiresIn: expiresIn as number });
}
