import type { Schema } from './schema-types';

/** Shapes the API answers with (generated from its OpenAPI document: schema.d.ts), shared by every screen. */

export type User = Schema<'UserResponse'>;

export type Role = User['role'];
export const ROLES = ['admin', 'supervisor', 'instructor'] as const satisfies readonly Role[];

export type Language = User['language'];
export const LANGUAGES = ['zh-CN', 'en'] as const satisfies readonly Language[];

/** Every list endpoint's answer. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type FieldError = Schema<'FieldErrorResponse'>;

/** The body of every error answer (`check`, `rule`, `ruleZh`: a refusal by the workflow). */
export type ErrorBody = Schema<'ErrorResponse'>;
