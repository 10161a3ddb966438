import { registerAs } from '@nestjs/config';
import { ConfigError } from '../config/config.error';
import { parseReportTargets } from '../org-units/org-units.config';
import type { Targets } from './rates/types';

export interface ReportsConfig {
  /**
   * Signing-rate targets per sector (REPORT_TARGETS; default state 1.00, non_public 0.90), parsed
   * where the targets per unit own it (org-units/org-units.config.ts).
   */
  reportTargets: Targets;
  /**
   * The targets the work summary's prose measures the other rates against ("非公企业的建会率达到了
   * 90%以上", "职代会建制率达到了70%以上"): UNIONISATION_TARGET (default 0.9) and
   * WORKERS_CONGRESS_TARGET (default 0.7), fractions 0–1.
   */
  unionisationTarget: number;
  workersCongressTarget: number;
}

export function loadReportsConfig(env: NodeJS.ProcessEnv): ReportsConfig {
  return {
    reportTargets: parseReportTargets(env.REPORT_TARGETS),
    unionisationTarget: parseFraction('UNIONISATION_TARGET', env.UNIONISATION_TARGET, 0.9),
    workersCongressTarget: parseFraction('WORKERS_CONGRESS_TARGET', env.WORKERS_CONGRESS_TARGET, 0.7),
  };
}

function parseFraction(variable: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new ConfigError(variable, `"${raw}" must be a fraction from 0 to 1 (0.9 = 90 %)`);
  }
  return value;
}

export const reportsConfig = registerAs('reports', () => loadReportsConfig(process.env));
