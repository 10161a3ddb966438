import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../users/domain/role';
import { ForbiddenRoleError, UnauthenticatedError } from './auth.errors';
import { AuthService } from './auth.service';
import { AuthenticatedRequest, IS_PUBLIC, ROLES } from './decorators';

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
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthenticatedError('no bearer token');
    request.actor = await this.auth.authenticate(token, request.ip ?? null);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.actor.role)) throw new ForbiddenRoleError(request.actor.role, roles);
    return true;
  }
}
