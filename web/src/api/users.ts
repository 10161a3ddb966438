import { api, fetchAll } from './client';
import type { AnswerOf, BodyOf, Schema } from './schema-types';

export type NewUser = BodyOf<'/users', 'post'>;

/** What an admin may change on an account (a PATCH of `/users/{id}`). */
export type UserChanges = Partial<BodyOf<'/users/{id}', 'patch'>>;

/** Every user (admin only). */
export const fetchAllUsers = () => fetchAll<AnswerOf<'/users'>['items'][number]>('/users');

/** An instructor as admins and supervisors see one: enough to name them. */
export type Instructor = Schema<'InstructorResponse'>;

/** Every instructor, active or not (admins and supervisors). */
export const fetchInstructors = () => fetchAll<AnswerOf<'/instructors'>['items'][number]>('/instructors');

export const createUser = (user: NewUser) => api.post<AnswerOf<'/users', 'post'>>('/users', user);

export const updateUser = (id: number, changes: UserChanges) =>
  api.patch<AnswerOf<'/users/{id}', 'patch'>>(`/users/${id}`, changes);

/** What anyone may change on their own account; a new password needs the current one. */
export type OwnChanges = Partial<
  Pick<BodyOf<'/users/{id}', 'patch'>, 'email' | 'language' | 'digestOptOut' | 'password' | 'currentPassword'>
>;

/** Changes the signed-in user's own account; a new password ends the current token (sign in again). */
export const updateOwnAccount = (id: number, changes: OwnChanges) =>
  api.patch<AnswerOf<'/users/{id}', 'patch'>>(`/users/${id}`, changes);
