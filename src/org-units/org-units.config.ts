import { registerAs } from '@nestjs/config';
import { ConfigError } from '../config/config.error';
import { codeProblems, normalizeCode, ORG_UNIT_LEVELS, type OrgUnitLevel } from './domain/org-unit-code';

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
  return { rootUnit: { code, name, level } };
}

export const orgUnitsConfig = registerAs('orgUnits', () => loadOrgUnitsConfig(process.env));
