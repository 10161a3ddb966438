import { existsSync, readFileSync } from 'node:fs';
import { registerAs } from '@nestjs/config';
import { ConfigError } from '../config/config.error';
import { NATIONAL_RULE_SET, resolveRuleSet, type RuleSet, RuleSetError } from './workflow';

export interface NegotiationsConfig {
  /** The workflow's numbers (deadlines, quorum, terms): national rules unless RULE_SET_FILE. */
  ruleSets: RuleSetsConfig;
}

export interface RuleSetsConfig {
  /** Every version a negotiation may have been created under, national first. */
  all: RuleSet[];
  /** The version new negotiations are created under: the last one of the file, or national. */
  current: RuleSet;
}

export function loadNegotiationsConfig(env: NodeJS.ProcessEnv): NegotiationsConfig {
  return { ruleSets: loadRuleSets(env.RULE_SET_FILE?.trim()) };
}

export const negotiationsConfig = registerAs('negotiations', () => loadNegotiationsConfig(process.env));

/**
 * `RULE_SET_FILE`: a county's own numbers, as a JSON array of versions, oldest first, each
 * `{ "version": "…", …numbers that differ from the national rules }`. Keep old versions in
 * the file: negotiations go on using the version they were created under.
 */
export function loadRuleSets(file: string | undefined): RuleSetsConfig {
  if (!file) return { all: [NATIONAL_RULE_SET], current: NATIONAL_RULE_SET };
  if (!existsSync(file)) throw new ConfigError('RULE_SET_FILE', `${file} does not exist`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError('RULE_SET_FILE', `${file} is not valid JSON: ${(error as Error).message}`);
  }
  const entries = Array.isArray(parsed) ? parsed : [parsed];
  if (entries.length === 0) throw new ConfigError('RULE_SET_FILE', `${file} lists no rule set`);
  try {
    const county = entries.map((entry) => resolveRuleSet(entry as never));
    const all = [NATIONAL_RULE_SET, ...county.filter((set) => set.version !== NATIONAL_RULE_SET.version)];
    return { all, current: county[county.length - 1] };
  } catch (error) {
    if (error instanceof RuleSetError) throw new ConfigError('RULE_SET_FILE', error.message);
    throw error;
  }
}
