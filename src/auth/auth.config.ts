import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { registerAs } from '@nestjs/config';
import { ConfigError } from '../config/config.error';
import { type DatabaseConfig, parseDatabaseUrl } from '../config/database-url';

/** How tokens are signed and how long they and the user behind them are trusted. */
export interface AuthConfig {
  jwtSecret: string;
  tokenTtlSeconds: number;
  /**
   * How long the user behind a token is remembered between requests (AUTH_USER_CACHE_SECONDS,
   * default 5, 0 = read it every time). A deactivation or password change made through this
   * instance takes effect at once; one made through another instance within this delay.
   */
  userCacheMs: number;
}

const MIN_SECRET_LENGTH = 32;

/** The secret's default depends on the database (DATABASE_URL), read here the way the server reads it. */
export function loadAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  return {
    jwtSecret: resolveJwtSecret(env.JWT_SECRET, parseDatabaseUrl(env.DATABASE_URL)),
    tokenTtlSeconds: parseDuration(env.JWT_EXPIRES_IN, 12 * 3600),
    userCacheMs: parseCacheSeconds(env.AUTH_USER_CACHE_SECONDS) * 1000,
  };
}

export const authConfig = registerAs('auth', () => loadAuthConfig(process.env));

/**
 * `JWT_SECRET` when given. On SQLite without it, a random secret is generated once and kept
 * beside the database file, so tokens survive restarts. Each database file has its own secret
 * (`<file>.jwt-secret`): a token signed for the demo county must not open the real one that sits
 * in the same folder. A server database may be shared by several instances, which must all sign
 * with one secret: there it is required.
 */
function resolveJwtSecret(raw: string | undefined, database: DatabaseConfig): string {
  if (raw !== undefined && raw !== '') {
    if (raw.length < MIN_SECRET_LENGTH) {
      throw new ConfigError('JWT_SECRET', `must be at least ${MIN_SECRET_LENGTH} characters`);
    }
    return raw;
  }
  if (database.kind !== 'sqlite') {
    throw new ConfigError(
      'JWT_SECRET',
      'is required with a MySQL/MariaDB database (every instance must share it)',
    );
  }
  if (database.file === ':memory:') return randomBytes(32).toString('base64url');
  const file = jwtSecretFileOf(database.file);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  // The default ./data folder does not exist on a fresh clone (any other folder was checked).
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** Where the generated signing secret of a SQLite database file is kept. */
function jwtSecretFileOf(databaseFile: string): string {
  return `${databaseFile}.jwt-secret`;
}

function parseCacheSeconds(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 5;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 300) {
    throw new ConfigError(
      'AUTH_USER_CACHE_SECONDS',
      `"${raw}" must be a whole number of seconds from 0 to 300`,
    );
  }
  return seconds;
}

/** `3600`, `90s`, `30m`, `12h` or `7d`. */
function parseDuration(raw: string | undefined, fallbackSeconds: number): number {
  if (raw === undefined || raw.trim() === '') return fallbackSeconds;
  const match = /^(\d+)\s*([smhd]?)$/.exec(raw.trim());
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match?.[2] ?? ''];
  const seconds = match && unit ? Number(match[1]) * unit : 0;
  if (seconds < 60)
    throw new ConfigError('JWT_EXPIRES_IN', `"${raw}" must be a duration of at least a minute (e.g. 12h)`);
  return seconds;
}
