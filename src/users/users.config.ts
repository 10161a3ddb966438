import { registerAs } from '@nestjs/config';
import { ConfigError } from '../config/config.error';

export interface UsersConfig {
  /** The first admin's password (BOOTSTRAP_ADMIN_PASSWORD); null: a generated one, printed once. */
  bootstrapAdminPassword: string | null;
}

const MIN_PASSWORD_LENGTH = 10;

export function loadUsersConfig(env: NodeJS.ProcessEnv): UsersConfig {
  return { bootstrapAdminPassword: parseBootstrapPassword(env.BOOTSTRAP_ADMIN_PASSWORD) };
}

export const usersConfig = registerAs('users', () => loadUsersConfig(process.env));

function parseBootstrapPassword(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (raw.length < MIN_PASSWORD_LENGTH) {
    throw new ConfigError('BOOTSTRAP_ADMIN_PASSWORD', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  return raw;
}
