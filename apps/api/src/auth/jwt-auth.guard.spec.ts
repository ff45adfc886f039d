import { ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig } from '@crm/config';
import { VirtualClock } from '@crm/kernel';
import { ApiRequest } from '../http/api-request';
import { JwtAuthGuard } from './jwt-auth.guard';
import { issueToken } from './token-issuer';

const SECRET = 'unit-test-secret-0123456789';

function contextFor(request: Partial<ApiRequest>, isPublic = false): ExecutionContext {
  return {
    getHandler: () => (isPublic ? publicHandler : privateHandler),
    getClass: () => Object,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}
const publicHandler = (): void => undefined;
const privateHandler = (): void => undefined;
Reflect.defineMetadata('auth:isPublic', true, publicHandler);

describe('JwtAuthGuard', () => {
  const clock = new VirtualClock();
  const guard = new JwtAuthGuard(new Reflector(), { JWT_SECRET: SECRET } as AppConfig, clock);

  it('puts the actor of a valid token on the request', () => {
    const request: Partial<ApiRequest> = { headers: { authorization: `Bearer ${issueToken(SECRET, { id: 'a', role: 'manager', dealerId: 'd' }, clock)}` } };
    expect(guard.canActivate(contextFor(request))).toBe(true);
    expect(request.actor).toEqual({ id: 'a', role: 'manager', dealerId: 'd' });
  });

  it('lets @Public() routes through without a token', () => {
    expect(guard.canActivate(contextFor({ headers: {} }, true))).toBe(true);
  });

  it.each([
    ['no header', {}],
    ['another scheme', { authorization: 'Token abc' }],
    ['another secret', { authorization: `Bearer ${issueToken('other-secret-0123456789', { id: 'a', role: 'manager', dealerId: 'd' }, clock)}` }],
  ])('rejects %s with UNAUTHENTICATED', (_name, headers) => {
    const attempt = (): boolean => guard.canActivate(contextFor({ headers }));
    expect(attempt).toThrow(UnauthorizedException);
    try {
      attempt();
    } catch (error) {
      expect((error as UnauthorizedException).getResponse()).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('dates a token by the clock port: iat is its now, exp 12 hours later', () => {
    clock.set('2040-03-01T00:00:00.000Z');
    const token = issueToken(SECRET, { id: 'a', role: 'manager', dealerId: 'd' }, clock);
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { iat: number; exp: number };
    expect(payload.iat).toBe(Date.parse('2040-03-01T00:00:00.000Z') / 1000);
    expect(payload.exp - payload.iat).toBe(12 * 3600);
    expect(guard.canActivate(contextFor({ headers: { authorization: `Bearer ${token}` } }))).toBe(true);
  });

  it('serves a verified token from its cache until the token expires', () => {
    const token = issueToken(SECRET, { id: 'a', role: 'manager', dealerId: 'd' }, clock, '1h');
    const request = (): Partial<ApiRequest> => ({ headers: { authorization: `Bearer ${token}` } });
    expect(guard.canActivate(contextFor(request()))).toBe(true);
    expect(guard.canActivate(contextFor(request()))).toBe(true);
    clock.advance(2 * 3600_000);
    expect(() => guard.canActivate(contextFor(request()))).toThrow(UnauthorizedException);
  });
});
