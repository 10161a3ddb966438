import { computed, reactive } from 'vue';
import type { Role, User } from '../api/types';

/** Kept in localStorage so that a link opened in a new tab is signed in too. */
const STORAGE_KEY = 'wagetrack.session';

interface StoredSession {
  token: string;
  /** Epoch milliseconds; a stored session past it is dropped on load. */
  expiresAt: number;
  user: User;
}

/** Why a session ended: the user signed out, or the API stopped accepting the token. */
export type SignOutReason = 'user' | 'expired';

function restore(): StoredSession | null {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as StoredSession | null;
    return stored && stored.expiresAt > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

const state = reactive<{ current: StoredSession | null }>({ current: restore() });
const signOutListeners: Array<(reason: SignOutReason) => void> = [];

// Signing in or out in another tab applies here too.
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY) state.current = restore();
});

export const currentUser = computed<User | null>(() => state.current?.user ?? null);

export function accessToken(): string | null {
  return state.current?.token ?? null;
}

export function startSession(token: string, expiresInSeconds: number, user: User): void {
  state.current = { token, expiresAt: Date.now() + expiresInSeconds * 1000, user };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(state.current));
}

/** Keeps the session, with the user as the API now describes them (name, role, language). */
export function refreshUser(user: User): void {
  if (!state.current) return;
  state.current = { ...state.current, user };
  localStorage.setItem(STORAGE_KEY, JSON.stringify(state.current));
}

export function signOut(reason: SignOutReason = 'user'): void {
  if (!state.current) return;
  state.current = null;
  localStorage.removeItem(STORAGE_KEY);
  signOutListeners.forEach((listener) => listener(reason));
}

export function onSignOut(listener: (reason: SignOutReason) => void): void {
  signOutListeners.push(listener);
}

/** Whether the signed-in user has one of these roles: the test for showing a control. */
export function can(...roles: Role[]): boolean {
  const role = state.current?.user.role;
  return role !== undefined && roles.includes(role);
}
