import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiErrors } from '../common/http/error-response';
import type { Request } from 'express';
import type { Role } from '../users/domain/role';
import type { Actor } from './actor';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';

/** The route needs no token (login, health). Every other route does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The roles that may call the route; others get 403. Without it, any signed-in user may. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    ApiErrors({ 403: `AUTH.FORBIDDEN: only ${roles.join(', ')} may call this` }),
  );

export type AuthenticatedRequest = Request & { actor?: Actor };

/** The signed-in user making the request (set by the AuthGuard). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new Error('CurrentActor used on a public route');
  return request.actor;
});
