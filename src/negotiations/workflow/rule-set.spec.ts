import { NATIONAL_RULE_SET, resolveRuleSet, RuleSetError, RuleSetRegistry } from './rule-set';

describe(resolveRuleSet.name, () => {
  it('keeps the national numbers where a county overrides nothing', () => {
    const sut = resolveRuleSet({ version: 'county-2026.1', filingDays: 7, publicationDays: 5 });
    expect(sut).toEqual({
      ...NATIONAL_RULE_SET,
      version: 'county-2026.1',
      filingDays: 7,
      publicationDays: 5,
    });
    expect(Object.isFrozen(sut)).toBe(true);
  });

  it.each([
    ['national numbers: CC 32 offer reply 20 days', 'offerReplyDays', 20],
    ['CC 42 filing 10 days', 'filingDays', 10],
    ['WN 21 wage filing 7 days', 'wageFilingDays', 7],
    ['CC 47 / LCL 54 review 15 days', 'reviewDays', 15],
    ['CC 19 three per side', 'minRepresentativesPerSide', 3],
    ['CC 38 at most 36 months', 'maxTermMonths', 36],
    ['CC 38 renewal window 3 months', 'renewalWindowMonths', 3],
    ['CC 31 vacant seat refilled within 15 days', 'vacantSeatRefillDays', 15],
  ] as const)('%s', (_, field, value) => {
    expect(NATIONAL_RULE_SET[field]).toBe(value);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a zero count', { filingDays: 0 }, 'filingDays must be a positive integer; got 0'],
    ['a fractional count', { reviewDays: 1.5 }, 'reviewDays must be a positive integer; got 1.5'],
    ['a string count', { offerReplyDays: '20' }, 'offerReplyDays must be a positive integer; got 20'],
    ['a share of 1', { quorumShare: 1 }, 'quorumShare must be a fraction strictly between 0 and 1; got 1'],
    ['a share of 0', { maxExpertShare: 0 }, 'maxExpertShare must be a fraction strictly between 0 and 1'],
    ['min above max term', { minTermMonths: 40 }, 'minTermMonths (40) must not exceed maxTermMonths (36)'],
    [
      'wage default outside the term range',
      { defaultWageTermMonths: 48 },
      'defaultWageTermMonths (48) must lie within',
    ],
    ['an unknown field', { filingWeeks: 2 }, 'unknown rule set field "filingWeeks"'],
    ['an empty version', { version: '' }, 'rule set version must be 1-64 characters'],
  ])('refuses %s', (_, overrides, message) => {
    const attempt = () => resolveRuleSet({ version: 'county-x', ...overrides } as never);
    expect(attempt).toThrow(RuleSetError);
    expect(attempt).toThrow(message);
  });
});

describe(RuleSetRegistry.name, () => {
  const county = resolveRuleSet({ version: 'county-2026.1', filingDays: 7 });

  it('returns the version a negotiation was created under', () => {
    const sut = new RuleSetRegistry([NATIONAL_RULE_SET, county]);
    expect(sut.get('county-2026.1').filingDays).toBe(7);
    expect(sut.get('national-2004.1').filingDays).toBe(10);
    expect(sut.versions()).toEqual(['national-2004.1', 'county-2026.1']);
  });

  it('throws for an unknown version, naming the known ones', () => {
    const sut = new RuleSetRegistry();
    expect(sut.has('county-2026.1')).toBe(false);
    expect(() => sut.get('county-2026.1')).toThrow(
      'unknown rule set version "county-2026.1"; known: national-2004.1',
    );
  });

  it('refuses different numbers under a version it already knows', () => {
    const sut = new RuleSetRegistry([county]);
    expect(() => sut.register({ ...county })).not.toThrow();
    expect(() => sut.register({ ...county, filingDays: 5 })).toThrow(
      'already registered with different numbers',
    );
  });
});
