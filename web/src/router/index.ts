import { createRouter, createWebHistory } from 'vue-router';
import { currentUser, onSignOut } from '../session/session';
import { homeRoute, mayOpen } from './access';
import { routes } from './routes';

export const router = createRouter({ history: createWebHistory(), routes });

// Decided before the screen loads, so a forbidden screen never shows, not even for a moment.
router.beforeEach((to) => {
  const user = currentUser.value;
  if (to.meta.public) return user && to.name === 'login' ? homeRoute() : true;
  if (!user) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  return mayOpen(to, user.role) || homeRoute();
});

// When the API stops accepting the token, come back to the same screen after signing in again.
onSignOut((reason) => {
  const query = reason === 'expired' ? { expired: '1', redirect: router.currentRoute.value.fullPath } : {};
  void router.push({ name: 'login', query });
});
