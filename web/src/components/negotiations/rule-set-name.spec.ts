import { describe, expect, it } from 'vitest';
import { ruleSetKind } from './rule-set-name';

describe('ruleSetKind', () => {
  it('calls the built-in set the national rules and every configured one local', () => {
    expect(ruleSetKind('national-2004.1')).toBe('national');
    expect(ruleSetKind('county-2026.1')).toBe('local');
    expect(ruleSetKind('nationalish')).toBe('local');
  });
});
