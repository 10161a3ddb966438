import { registerAs } from '@nestjs/config';
import { parseReportTargets } from '../org-units/org-units.config';
import type { Targets } from './rates/types';

export interface ReportsConfig {
  /**
   * Signing-rate targets per sector (REPORT_TARGETS; default state 1.00, non_public 0.90), parsed
   * where the targets per unit own it (org-units/org-units.config.ts).
   */
  reportTargets: Targets;
}

export function loadReportsConfig(env: NodeJS.ProcessEnv): ReportsConfig {
  return { reportTargets: parseReportTargets(env.REPORT_TARGETS) };
}

export const reportsConfig = registerAs('reports', () => loadReportsConfig(process.env));
