import { CronTime } from 'cron';
import { resolve } from 'node:path';
import { registerAs } from '@nestjs/config';
import { loadBusinessTimeConfig } from '../common/clock/business-time.config';
import { ConfigError } from '../config/config.error';

export interface MailConfig {
  /** `smtp://user:pass@host:587` or `smtps://…`; null: write .eml files to outboxDir. */
  smtpUrl: string | null;
  from: string;
  outboxDir: string;
  /**
   * When instructor digests go out (TZ_BUSINESS): default 08:00 every day, and a day that is not a
   * working day of the official calendar (a holiday, a weekend day not made a 调休 working day) is
   * skipped (README, "The working-day calendar").
   */
  digestCron: string;
  /** When supervisors get the weekly summary: default Monday 08:00. */
  summaryCron: string;
  /** Failed deliveries after which a reminder is parked. */
  maxAttempts: number;
}

/** The schedules are checked in the business time zone (TZ_BUSINESS), where they run. */
export function loadMailConfig(env: NodeJS.ProcessEnv): MailConfig {
  const { timeZone } = loadBusinessTimeConfig(env);
  return {
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    from: env.MAIL_FROM?.trim() || '工资集体协商提醒 <no-reply@wagetrack.local>',
    outboxDir: resolve(env.MAIL_OUTBOX_DIR?.trim() || './data/outbox'),
    digestCron: parseCron('DIGEST_CRON', env.DIGEST_CRON, '0 8 * * *', timeZone),
    summaryCron: parseCron('SUMMARY_CRON', env.SUMMARY_CRON, '0 8 * * 1', timeZone),
    maxAttempts: parseCount('REMINDER_MAX_ATTEMPTS', env.REMINDER_MAX_ATTEMPTS, 8),
  };
}

export const mailConfig = registerAs('mail', () => loadMailConfig(process.env));

function parseSmtpUrl(raw: string | undefined): string | null {
  const url = raw?.trim();
  if (!url) return null;
  if (!/^smtps?:\/\/[^/]+/.test(url)) {
    throw new ConfigError(
      'SMTP_URL',
      'must look like smtp://user:pass@host:587 or smtps://user:pass@host:465',
    );
  }
  return url;
}

function parseCron(variable: string, raw: string | undefined, fallback: string, timeZone: string): string {
  const expression = raw?.trim() || fallback;
  try {
    new CronTime(expression, timeZone);
  } catch (error) {
    throw new ConfigError(variable, `"${expression}" is not a cron expression (${(error as Error).message})`);
  }
  return expression;
}

function parseCount(variable: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw new ConfigError(variable, `"${raw}" must be a whole number from 1 to 100`);
  }
  return value;
}
