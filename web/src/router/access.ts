import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router';
import type { Role } from '../api/types';
import { currentUser } from '../session/session';

/** Where each role lands after signing in, and when it asks for a screen it may not see. */
const HOME_BY_ROLE: Record<Role, string> = {
  instructor: 'workbench',
  supervisor: 'reports',
  admin: 'negotiations',
};

export function homeRoute(): RouteLocationRaw {
  const user = currentUser.value;
  return { name: user ? HOME_BY_ROLE[user.role] : 'login' };
}

/** `meta` merges the matched records', so a screen's `roles` decide. */
export function mayOpen(route: Pick<RouteLocationNormalized, 'meta'>, role: Role): boolean {
  return route.meta.roles?.includes(role) ?? true;
}
