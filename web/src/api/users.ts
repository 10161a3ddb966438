import { api } from './client';
import type { Language, Page, Role, User } from './types';

export interface NewUser {
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  language: Language;
  password: string;
}

export type UserChanges = Partial<Omit<NewUser, 'username'> & Pick<User, 'active' | 'digestOptOut'>>;

/** The API's largest page: a county's staff fits in one or two. */
const PAGE_SIZE = 200;

/** Every user (admin only), page after page. */
export async function fetchAllUsers(): Promise<User[]> {
  const users: User[] = [];
  for (let page = 1; ; page++) {
    const answer = await api.get<Page<User>>('/users', { page, pageSize: PAGE_SIZE });
    users.push(...answer.items);
    if (users.length >= answer.total || answer.items.length === 0) return users;
  }
}

export const createUser = (user: NewUser) => api.post<User>('/users', user);

export const updateUser = (id: number, changes: UserChanges) => api.patch<User>(`/users/${id}`, changes);
