/**
 * A rule-set version (`national-2004.1`, `county-2026.1`) in words: the national rules or the
 * county's own. The version itself is technical (it identifies the numbers for ever) and stays
 * in a tooltip for whoever compares rounds.
 */
export type RuleSetKind = 'national' | 'local';

/** The built-in national set is `national-…` (server: negotiations/workflow/rule-set.ts). */
export function ruleSetKind(version: string): RuleSetKind {
  return version.startsWith('national-') ? 'national' : 'local';
}
