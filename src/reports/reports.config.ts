import { registerAs } from '@nestjs/config';
import { ConfigError } from '../config/config.error';
import { SECTORS, type Sector } from '../enterprises/domain/ownership';
import { DEFAULT_TARGETS } from './rates/signing-rates';
import type { Targets } from './rates/types';

export interface ReportsConfig {
  /** Signing-rate targets per sector (REPORT_TARGETS; default state 1.00, non_public 0.90). */
  reportTargets: Targets;
}

export function loadReportsConfig(env: NodeJS.ProcessEnv): ReportsConfig {
  return { reportTargets: parseTargets(env.REPORT_TARGETS) };
}

export const reportsConfig = registerAs('reports', () => loadReportsConfig(process.env));

/**
 * `REPORT_TARGETS`, e.g. `state=1,non_public=0.9,collective=0.8`: the signing-rate target of
 * each sector as a fraction. Unset: the county's targets of docs/domain.md (state 100 %, non-public 90 %).
 */
function parseTargets(raw: string | undefined): Targets {
  if (raw === undefined || raw.trim() === '') return { ...DEFAULT_TARGETS };
  const targets: Targets = {};
  for (const part of raw.split(',')) {
    const [sector, value] = part.split('=').map((item) => item.trim());
    if (!(SECTORS as readonly string[]).includes(sector)) {
      throw new ConfigError('REPORT_TARGETS', `"${sector}" is not a sector (${SECTORS.join(', ')})`);
    }
    const target = Number(value);
    if (value === undefined || value === '' || !Number.isFinite(target) || target < 0 || target > 1) {
      throw new ConfigError(
        'REPORT_TARGETS',
        `the target of ${sector} must be a fraction from 0 to 1, got "${value ?? ''}"`,
      );
    }
    targets[sector as Sector] = target;
  }
  return targets;
}
