import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from './config.error';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/wagetrack.sqlite';

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string; url: string }
  | {
      kind: 'mysql' | 'mariadb';
      host: string;
      port: number;
      username: string;
      password: string;
      database: string;
      url: string;
    };

const SQLITE_MEMORY = ':memory:';

/**
 * Parses `DATABASE_URL`: `sqlite:<path>` (or `sqlite::memory:`), `mysql://…` or `mariadb://…`.
 * The default SQLite directory is created on demand; any other SQLite directory must exist,
 * so that a typo does not silently create a new, empty database somewhere else.
 */
export function parseDatabaseUrl(raw: string | undefined, variable = 'DATABASE_URL'): DatabaseConfig {
  const url = raw?.trim() || DEFAULT_DATABASE_URL;
  if (url.startsWith('sqlite:')) return parseSqlite(url, variable);
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) return parseServer(url, variable);
  throw new ConfigError(
    variable,
    `unsupported URL "${maskPassword(url)}"; expected sqlite:<path>, mysql://user:pass@host:port/db or mariadb://…`,
  );
}

function parseSqlite(url: string, variable: string): DatabaseConfig {
  const path = url.slice('sqlite:'.length);
  if (!path)
    throw new ConfigError(variable, 'sqlite: URL has no file path (e.g. sqlite:./data/wagetrack.sqlite)');
  if (path === SQLITE_MEMORY) return { kind: 'sqlite', file: SQLITE_MEMORY, url };
  const file = resolve(path);
  const directory = dirname(file);
  const isDefault = url === DEFAULT_DATABASE_URL;
  if (!isDefault && !isDirectory(directory)) {
    throw new ConfigError(variable, `directory ${directory} does not exist (create it first)`);
  }
  return { kind: 'sqlite', file, url };
}

function parseServer(url: string, variable: string): DatabaseConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(variable, `"${maskPassword(url)}" is not a valid URL`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!parsed.hostname) throw new ConfigError(variable, 'URL has no host');
  if (!database || database.includes('/')) {
    throw new ConfigError(
      variable,
      'URL must name one database, e.g. mariadb://root@127.0.0.1:3306/wagetrack',
    );
  }
  const port = parsed.port ? Number(parsed.port) : 3306;
  return {
    kind: parsed.protocol === 'mariadb:' ? 'mariadb' : 'mysql',
    host: parsed.hostname,
    port,
    username: decodeURIComponent(parsed.username) || 'root',
    password: decodeURIComponent(parsed.password),
    database,
    url,
  };
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** The URL with its password replaced by `***`, for logs. */
export function maskPassword(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]+):[^@]*@/i, '$1:***@');
}
