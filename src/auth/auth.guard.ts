import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenRoleError } from '../access/access.errors';
import { ALLOWED_ROLES, AuthenticatedRequest, PUBLIC_ROUTE } from '../access/decorators';
import type { Role } from '../access/roles';
import { UnauthenticatedError } from './auth.errors';
import { AuthService } from './auth.service';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(), and the
 * token's user must hold one of the route's @Roles() if it names any. 401 before 403.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthenticatedError('no bearer token');
    request.actor = await this.auth.authenticate(token, request.ip ?? null);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(request.actor.role)) throw new ForbiddenRoleError(request.actor.role, roles);
    return true;
  }
}
