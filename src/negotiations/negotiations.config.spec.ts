import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config/config.error';
import { loadRuleSets } from './negotiations.config';
import { NATIONAL_RULE_SET } from './workflow';

describe(loadRuleSets.name, () => {
  const directory = mkdtempSync(join(tmpdir(), 'rule-sets-'));
  const file = (name: string, content: string) => {
    const path = join(directory, name);
    writeFileSync(path, content);
    return path;
  };

  it('uses the national rules when no file is given', () => {
    expect(loadRuleSets(undefined)).toEqual({ all: [NATIONAL_RULE_SET], current: NATIONAL_RULE_SET });
  });

  it('keeps every version of the file, makes the last one current and fills in national numbers', () => {
    const sut = loadRuleSets(
      file(
        'ok.json',
        JSON.stringify([
          { version: 'county-1', filingDays: 7 },
          { version: 'county-2', filingDays: 5 },
        ]),
      ),
    );
    expect(sut.all.map((set) => set.version)).toEqual(['national-2004.1', 'county-1', 'county-2']);
    expect(sut.current).toMatchObject({ version: 'county-2', filingDays: 5, reviewDays: 15 });
  });

  it.each([
    ['a missing file', () => join(directory, 'nope.json'), /does not exist/],
    ['bad JSON', () => file('bad.json', '{ version'), /not valid JSON/],
    ['an empty list', () => file('empty.json', '[]'), /lists no rule set/],
    ['an unknown number', () => file('unknown.json', '{"version": "x", "holidays": 3}'), /holidays/],
    [
      'an impossible quorum',
      () => file('quorum.json', '{"version": "x", "quorumShare": 1.5}'),
      /quorumShare/,
    ],
  ])('stops with a ConfigError naming RULE_SET_FILE for %s', (_case, path, message) => {
    const load = () => loadRuleSets(path());
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
    expect(load).toThrow(/^RULE_SET_FILE: /);
  });
});
