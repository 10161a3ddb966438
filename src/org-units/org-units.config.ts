import { registerAs } from '@nestjs/config';
import { ConfigError } from '../config/config.error';
import { SECTORS, type Sector } from '@wagetrack/shared';
import { codeProblems, normalizeCode, ORG_UNIT_LEVELS, type OrgUnitLevel } from './domain/org-unit-code';
import { DEFAULT_TARGETS, type SectorTargets } from './domain/unit-targets';

export interface RootUnit {
  code: string;
  name: string;
  level: OrgUnitLevel;
}

export interface OrgUnitsConfig {
  /**
   * The unit a deployment starts with when it has none (ROOT_UNIT_CODE, ROOT_UNIT_NAME,
   * ROOT_UNIT_LEVEL; default a county 本县 with the placeholder code 999999): created at the
   * first start, and by the migration that moves an existing county's townships into units.
   */
  rootUnit: RootUnit;
  /**
   * The deployment's signing-rate targets per sector (REPORT_TARGETS; default state 1.00,
   * non_public 0.90): what a unit inherits when neither it nor any ancestor sets a target.
   */
  defaultTargets: SectorTargets;
}

export const DEFAULT_ROOT_UNIT: RootUnit = { code: '999999000000', name: '本县', level: 'county' };

export function loadOrgUnitsConfig(env: NodeJS.ProcessEnv): OrgUnitsConfig {
  const level = (env.ROOT_UNIT_LEVEL?.trim() || DEFAULT_ROOT_UNIT.level) as OrgUnitLevel;
  if (!ORG_UNIT_LEVELS.includes(level)) {
    throw new ConfigError('ROOT_UNIT_LEVEL', `must be one of ${ORG_UNIT_LEVELS.join(', ')}`);
  }
  const rawCode = env.ROOT_UNIT_CODE?.trim() || DEFAULT_ROOT_UNIT.code;
  const code = normalizeCode(rawCode);
  const problem = code === null ? '须为 6、9 或 12 位数字' : codeProblems(code, level)[0]?.message;
  if (code === null || problem) throw new ConfigError('ROOT_UNIT_CODE', problem ?? '');
  const name = env.ROOT_UNIT_NAME?.trim() || DEFAULT_ROOT_UNIT.name;
  if (name.length > 100) throw new ConfigError('ROOT_UNIT_NAME', 'must be at most 100 characters');
  return { rootUnit: { code, name, level }, defaultTargets: parseReportTargets(env.REPORT_TARGETS) };
}

export const orgUnitsConfig = registerAs('orgUnits', () => loadOrgUnitsConfig(process.env));

/**
 * `REPORT_TARGETS`, e.g. `state=1,non_public=0.9,collective=0.8`: the signing-rate target of
 * each sector as a fraction. Unset: the county's targets of docs/domain.md (state 100 %,
 * non-public 90 %). Owned here, with the targets per unit it is the root default of; the
 * reports read it through `parseReportTargets` too.
 */
export function parseReportTargets(raw: string | undefined): SectorTargets {
  if (raw === undefined || raw.trim() === '') return { ...DEFAULT_TARGETS };
  const targets: SectorTargets = {};
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
