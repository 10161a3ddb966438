import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { registerAs } from '@nestjs/config';
import { ConfigError } from './config/config.error';
import { DatabaseConfig, parseDatabaseUrl } from './config/database-url';
import { parseList, parsePort, parseSwitch } from './config/env';

/**
 * The process's own settings, read by the composition root alone (main.ts, workers.ts,
 * app.module.ts, app.setup.ts): where to listen, how many processes, which database, the log,
 * CORS, the proxy and the web front end. The features' settings live beside each feature.
 */
export interface ServerConfig {
  port: number;
  /** HTTP worker processes sharing the port (WORKERS, default 1; MySQL/MariaDB only for more). */
  workers: number;
  host: string;
  database: DatabaseConfig;
  logLevel: string;
  /** Origins allowed by CORS; empty = CORS off (the web app is served from the same origin). */
  corsOrigins: string[];
  /** Express `trust proxy`: which hops' X-Forwarded-For to believe for the client address. */
  trustProxy: string;
  /** The built web front end served at `/` (WEB_DIR, default web/dist); null = API only. */
  webDir: string | null;
  /**
   * Whether the process applies pending migrations as it starts (MIGRATE_ON_START, default on).
   * Off for the instances of a deployment with several hosts: the migrations are run once, by
   * `npm run migration:run`, and an instance is not ready (/health/ready) until they have been.
   */
  migrateOnStart: boolean;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the environment; throws {@link ConfigError} with a one-line message. */
export function loadServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const database = parseDatabaseUrl(env.DATABASE_URL);
  return {
    port: parsePort('PORT', env.PORT, 3000),
    workers: parseWorkers(env.WORKERS, database),
    host: env.HOST?.trim() || '0.0.0.0',
    database,
    logLevel: parseLogLevel(env.LOG_LEVEL),
    corsOrigins: parseList(env.CORS_ORIGINS),
    trustProxy: env.TRUST_PROXY?.trim() || 'loopback',
    webDir: parseWebDir(env.WEB_DIR),
    migrateOnStart: parseSwitch('MIGRATE_ON_START', env.MIGRATE_ON_START, true),
  };
}

export const serverConfig = registerAs('server', () => loadServerConfig(process.env));

/** `off` serves the API alone; a missing directory is not an error (the web app may not be built). */
function parseWebDir(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (value === 'off') return null;
  return resolve(value || 'web/dist');
}

/** `1`–`32` or `auto` (one per CPU). SQLite has a single writer per file: one process only. */
function parseWorkers(raw: string | undefined, database: DatabaseConfig): number {
  const value = raw?.trim();
  if (!value) return 1;
  const workers = value === 'auto' ? availableParallelism() : Number(value);
  if (!Number.isInteger(workers) || workers < 1 || workers > 32) {
    throw new ConfigError('WORKERS', `"${raw}" must be a whole number from 1 to 32, or auto`);
  }
  if (workers > 1 && database.kind === 'sqlite') {
    throw new ConfigError(
      'WORKERS',
      'must be 1 with SQLite (one writer per file); use MySQL/MariaDB for more',
    );
  }
  return Math.min(workers, 32);
}

function parseLogLevel(raw: string | undefined): string {
  const level = raw?.trim() || 'info';
  if (!LOG_LEVELS.includes(level)) {
    throw new ConfigError('LOG_LEVEL', `"${level}" is not one of ${LOG_LEVELS.join(', ')}`);
  }
  return level;
}
