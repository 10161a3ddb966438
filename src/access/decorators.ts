import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiErrors } from '../common/http/error-response';
import type { Request } from 'express';
import type { Actor } from './actor';
import type { Role } from './roles';

/** Metadata keys the AuthGuard (auth/) reads: a public route, the roles a route allows. */
export const PUBLIC_ROUTE = 'auth:public';
export const ALLOWED_ROLES = 'auth:roles';

/** The route needs no token (login, health). Every other route does. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The roles that may call the route; others get 403. Without it, any signed-in user may. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ALLOWED_ROLES, roles),
    ApiErrors({ 403: `AUTH.FORBIDDEN: only ${roles.join(', ')} may call this` }),
  );

export type AuthenticatedRequest = Request & { actor?: Actor };

/** The signed-in user making the request (set by the AuthGuard). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new Error('CurrentActor used on a public route');
  return request.actor;
});
