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
