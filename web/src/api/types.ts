/** Shapes the API answers with (see docs/api.md), shared by every screen. */

export const ROLES = ['admin', 'supervisor', 'instructor'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface User {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  language: Language;
  digestOptOut: boolean;
  active: boolean;
}

/** Every list endpoint's answer. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface FieldError {
  field: string;
  message: string;
}

/** The body of every error answer. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: FieldError[];
  /** NEGOTIATION.GUARD_FAILED: the machine's check that refused the event (GET /workflow lists them). */
  check?: string;
  /** NEGOTIATION.GUARD_FAILED: the article behind that check, e.g. `集体合同规定 art. 19`. */
  rule?: string;
  /** The same article as Chinese cites it, e.g. `集体合同规定第十九条`. */
  ruleZh?: string;
}
