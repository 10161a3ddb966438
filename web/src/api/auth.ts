import { request } from './client';
import type { AnswerOf, BodyOf, Schema } from './schema-types';

export type LoginResponse = Schema<'LoginResponse'>;

export const login = (username: string, password: string) =>
  request<AnswerOf<'/auth/login', 'post'>>('/auth/login', {
    method: 'POST',
    body: { username, password } satisfies BodyOf<'/auth/login', 'post'>,
  });

export const fetchMe = () => request<AnswerOf<'/me'>>('/me');
