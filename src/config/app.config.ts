import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { registerAs } from '@nestjs/config';
import { AuthSettings, loadAuthSettings } from './auth-settings';
import { ConfigError } from './config.error';
import { DatabaseConfig, parseDatabaseUrl } from './database-url';
import { loadMailSettings, MailSettings } from './mail-settings';
import { loadRuleSets, RuleSetsConfig } from './rule-sets';
import { parseTargets } from './targets';
import type { Targets } from '../reports/rates/types';

export interface AppConfig {
  port: number;
  /** HTTP worker processes sharing the port (WORKERS, default 1; MySQL/MariaDB only for more). */
  workers: number;
  host: string;
  database: DatabaseConfig;
  /** Zone of business dates and schedules (api.md: dates are Asia/Shanghai business dates). */
  businessTimeZone: string;
  logLevel: string;
  auth: AuthSettings;
  /** Origins allowed by CORS; empty = CORS off (the web app is served from the same origin). */
  corsOrigins: string[];
  /** Express `trust proxy`: which hops' X-Forwarded-For to believe for the client address. */
  trustProxy: string;
  /** The workflow's numbers (deadlines, quorum, terms): national rules unless RULE_SET_FILE. */
  ruleSets: RuleSetsConfig;
  /** Run the timers (and later the reminder) schedules in this process; SCHEDULER=off to disable. */
  schedulerEnabled: boolean;
  /** Signing-rate targets per sector (REPORT_TARGETS; default state 1.00, non_public 0.90). */
  reportTargets: Targets;
  mail: MailSettings;
  /** Largest upload for the imports (IMPORT_MAX_MB, default 20). */
  importMaxBytes: number;
  /** The built web front end served at `/` (WEB_DIR, default web/dist); null = API only. */
  webDir: string | null;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the environment; throws {@link ConfigError} with a one-line message. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const database = parseDatabaseUrl(env.DATABASE_URL);
  const businessTimeZone = parseTimeZone(env.TZ_BUSINESS);
  return {
    port: parsePort(env.PORT),
    workers: parseWorkers(env.WORKERS, database),
    host: env.HOST?.trim() || '0.0.0.0',
    database,
    businessTimeZone,
    logLevel: parseLogLevel(env.LOG_LEVEL),
    auth: loadAuthSettings(env, database),
    corsOrigins: parseList(env.CORS_ORIGINS),
    trustProxy: env.TRUST_PROXY?.trim() || 'loopback',
    ruleSets: loadRuleSets(env.RULE_SET_FILE?.trim()),
    schedulerEnabled: parseSwitch('SCHEDULER', env.SCHEDULER, true),
    reportTargets: parseTargets(env.REPORT_TARGETS),
    mail: loadMailSettings(env, businessTimeZone),
    importMaxBytes: parseMegabytes(env.IMPORT_MAX_MB, 20),
    webDir: parseWebDir(env.WEB_DIR),
  };
}

function parseSwitch(variable: string, raw: string | undefined, fallback: boolean): boolean {
  const value = raw?.trim().toLowerCase();
  if (!value) return fallback;
  if (['on', 'true', '1', 'yes'].includes(value)) return true;
  if (['off', 'false', '0', 'no'].includes(value)) return false;
  throw new ConfigError(variable, `"${raw}" must be on or off`);
}

function parseMegabytes(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback * 1024 * 1024;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 1024) {
    throw new ConfigError('IMPORT_MAX_MB', `"${raw}" must be a number of megabytes from 1 to 1024`);
  }
  return Math.round(value * 1024 * 1024);
}

/** `off` serves the API alone; a missing directory is not an error (the web app may not be built). */
function parseWebDir(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (value === 'off') return null;
  return resolve(value || 'web/dist');
}

function parseList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
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

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || port > 65535) {
    throw new ConfigError('PORT', `"${raw}" is not a port number (0–65535)`);
  }
  return port;
}

function parseTimeZone(raw: string | undefined): string {
  const zone = raw?.trim() || 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new ConfigError('TZ_BUSINESS', `"${zone}" is not an IANA time zone (e.g. Asia/Shanghai)`);
  }
  return zone;
}

function parseLogLevel(raw: string | undefined): string {
  const level = raw?.trim() || 'info';
  if (!LOG_LEVELS.includes(level)) {
    throw new ConfigError('LOG_LEVEL', `"${level}" is not one of ${LOG_LEVELS.join(', ')}`);
  }
  return level;
}

export const appConfig = registerAs('app', () => loadAppConfig());
