import { ConfigError } from './config.error';

/**
 * Readers of one environment variable each, shared by the features' config slices. Each throws
 * a {@link ConfigError} naming the variable, so start-up stops with one line an operator can act on.
 * They know nothing of any feature: `src/config/` is the ground floor (docs/architecture.md).
 */

/** `on`/`true`/`1`/`yes` or `off`/`false`/`0`/`no`; unset: the fallback. */
export function parseSwitch(variable: string, raw: string | undefined, fallback: boolean): boolean {
  const value = raw?.trim().toLowerCase();
  if (!value) return fallback;
  if (['on', 'true', '1', 'yes'].includes(value)) return true;
  if (['off', 'false', '0', 'no'].includes(value)) return false;
  throw new ConfigError(variable, `"${raw}" must be on or off`);
}

/** A size in megabytes (fractions allowed, up to 1024), returned in bytes. */
export function parseMegabytes(variable: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback * 1024 * 1024;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 1024) {
    throw new ConfigError(variable, `"${raw}" must be a number of megabytes from 1 to 1024`);
  }
  return Math.round(value * 1024 * 1024);
}

/** A comma-separated list; blanks dropped, unset: empty. */
export function parseList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A TCP port, 0–65535. */
export function parsePort(variable: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || port > 65535) {
    throw new ConfigError(variable, `"${raw}" is not a port number (0–65535)`);
  }
  return port;
}
