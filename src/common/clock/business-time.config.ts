import { registerAs } from '@nestjs/config';
import { ConfigError } from '../../config/config.error';

/** The zone of business dates and schedules (TZ_BUSINESS; docs/contract.md: Asia/Shanghai dates). */
export interface BusinessTimeConfig {
  timeZone: string;
}

export function loadBusinessTimeConfig(env: NodeJS.ProcessEnv): BusinessTimeConfig {
  return { timeZone: parseTimeZone(env.TZ_BUSINESS) };
}

export const businessTimeConfig = registerAs('businessTime', () => loadBusinessTimeConfig(process.env));

function parseTimeZone(raw: string | undefined): string {
  const zone = raw?.trim() || 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new ConfigError('TZ_BUSINESS', `"${zone}" is not an IANA time zone (e.g. Asia/Shanghai)`);
  }
  return zone;
}
