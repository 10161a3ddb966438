import { request } from './client';
import type { User } from './types';

export interface LoginResponse {
  accessToken: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  user: User;
}

export const login = (username: string, password: string) =>
  request<LoginResponse>('/auth/login', { method: 'POST', body: { username, password } });

export const fetchMe = () => request<User>('/me');
