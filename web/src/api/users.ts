import { api, fetchAll } from './client';
import type { Language, Role, User } from './types';

export interface NewUser {
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  language: Language;
  password: string;
}

export type UserChanges = Partial<Omit<NewUser, 'username'> & Pick<User, 'active' | 'digestOptOut'>>;

/** Every user (admin only). */
export const fetchAllUsers = () => fetchAll<User>('/users');

/** An instructor as admins and supervisors see one: enough to name them. */
export type Instructor = Pick<User, 'id' | 'username' | 'displayName' | 'active'>;

/** Every instructor, active or not (admins and supervisors). */
export const fetchInstructors = () => fetchAll<Instructor>('/instructors');

export const createUser = (user: NewUser) => api.post<User>('/users', user);

export const updateUser = (id: number, changes: UserChanges) => api.patch<User>(`/users/${id}`, changes);

/** What anyone may change on their own account; a new password needs the current one. */
export type OwnChanges = Partial<Pick<User, 'email' | 'language' | 'digestOptOut'>> & {
  password?: string;
  currentPassword?: string;
};

/** Changes the signed-in user's own account; a new password ends the current token (sign in again). */
export const updateOwnAccount = (id: number, changes: OwnChanges) => api.patch<User>(`/users/${id}`, changes);
