import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@crm/kernel';
import { ApiRequest } from '../http/api-request';

/** The actor the guard read from the bearer token. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<ApiRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});
