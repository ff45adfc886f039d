import { createSecretKey } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@crm/config';
import { Actor, Clock } from '@crm/kernel';
import { ApiErrorCode } from '../http/api-error-code';
import { ApiRequest, headerValue } from '../http/api-request';
import { actorFromClaims } from './jwt-claims';
import { IS_PUBLIC } from './public.decorator';
import { VerifiedTokenCache } from './verified-token.cache';

const BEARER = /^Bearer\s+(\S+)$/i;

/** Every route but @Public() ones needs `Authorization: Bearer <HS256 JWT>` naming actor, role and dealer. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly jwt: JwtService;
  private readonly verified = new VerifiedTokenCache();

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it as a public key on
    // every verify, which was a fifth of the API's CPU time under load.
    const key = createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8'));
    this.jwt = new JwtService({ secretOrKeyProvider: () => key, verifyOptions: { algorithms: ['HS256'] } });
  }

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<ApiRequest>();
    request.actor = this.authenticate(headerValue(request, 'authorization'));
    return true;
  }

  private authenticate(header: string | undefined): Actor {
    const token = header ? BEARER.exec(header)?.[1] : undefined;
    if (!token) throw unauthenticated('A bearer token is required');
    const nowMs = this.clock.now().getTime();
    const known = this.verified.get(token, nowMs);
    if (known) return known;
    let payload: unknown;
    try {
      // Expiry is judged by the clock port, like everything else time-dependent.
      payload = this.jwt.verify(token, { clockTimestamp: Math.floor(nowMs / 1000) });
    } catch {
      throw unauthenticated('The bearer token is invalid or expired');
    }
    const actor = actorFromClaims(payload);
    if (!actor) throw unauthenticated('The bearer token must carry sub, role and dealer');
    this.verified.set(token, actor, (payload as { exp?: unknown }).exp);
    return actor;
  }
}

// 401 is not among the domain's kinds, so it is an HttpException whose body already has the API's shape.
function unauthenticated(message: string): UnauthorizedException {
  return new UnauthorizedException({ code: ApiErrorCode.Unauthenticated, message });
}
