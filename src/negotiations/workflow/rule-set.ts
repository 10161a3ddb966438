import type { LimitCounting } from '../../common/dates/work-calendar';

/** The deadlines that count a time limit from a day (the others are agreed dates or states). */
export const COUNTED_LIMITS = [
  'offer_reply',
  'submission_for_review',
  'review_period_end',
  'publication',
] as const;
export type CountedLimit = (typeof COUNTED_LIMITS)[number];

/**
 * The numbers of the procedure. National values are the defaults; a county overrides
 * some of them in configuration under a new version, and every negotiation keeps the
 * version it was created under (see RuleSetRegistry).
 */
export interface RuleSet {
  /** Identifies this set of numbers for ever; a changed number needs a new version. */
  readonly version: string;
  /** 集体合同规定 art. 32: written reply within 20 days of receiving the offer. */
  readonly offerReplyDays: number;
  /** 集体合同规定 art. 42: employer submits the text within 10 days of signing. */
  readonly filingDays: number;
  /** 工资集体协商试行办法 art. 21: wage agreements are submitted within 7 days. */
  readonly wageFilingDays: number;
  /** 集体合同规定 art. 47, 劳动合同法 art. 54: no objection within 15 days of receipt → in force. */
  readonly reviewDays: number;
  /** 集体合同规定 art. 19: at least 3 representatives per side, equal numbers. */
  readonly minRepresentativesPerSide: number;
  /** 集体合同规定 art. 23: outside experts at most 1/3 of a side's representatives. */
  readonly maxExpertShare: number;
  /** 集体合同规定 art. 36: at least 2/3 of the delegates (or staff) present. */
  readonly quorumShare: number;
  /** 集体合同规定 art. 36: more than 1/2 of ALL delegates (not of those present) in favour. */
  readonly majorityShare: number;
  /** 集体合同规定 art. 38 says "usually 1 to 3 years"; the product accepts 1 month upwards. */
  readonly minTermMonths: number;
  /** 集体合同规定 art. 38: usually 1 to 3 years; 36 months is the ceiling. */
  readonly maxTermMonths: number;
  /** 工资集体协商试行办法 art. 23: wage bargaining is held once a year. */
  readonly defaultWageTermMonths: number;
  /** 集体合同规定 art. 38: renewal may be proposed within the 3 months before expiry. */
  readonly renewalWindowMonths: number;
  /** 集体合同规定 art. 48 says "promptly" (及时); 10 days is the common local rule. */
  readonly publicationDays: number;
  /** 集体合同规定 art. 35 lets the parties agree the pause; local rules cap it (60 days common). */
  readonly maxSuspensionDays: number;
  /** Product setting: warn when an open negotiation has recorded nothing for this long. */
  readonly stalledAfterDays: number;
  /** 集体合同规定 art. 31: a vacant representative seat is refilled within 15 days. */
  readonly vacantSeatRefillDays: number;
  /**
   * How each counted time limit is counted: calendar days (集体合同规定 counts 日, calendar
   * days) or working days (工作日, some local rules), and whether a last day on a statutory rest
   * day moves to the first working day after it. 民法典 art. 203: on for every national limit.
   */
  readonly counting: Readonly<Record<CountedLimit, LimitCounting>>;
}

export type RuleSetNumbers = Omit<RuleSet, 'version' | 'counting'>;
export type RuleSetOverrides = Partial<RuleSetNumbers> & {
  version: string;
  counting?: Partial<Record<CountedLimit, Partial<LimitCounting>>>;
};

// 民法典 art. 203: a period whose last day is a statutory rest day ends on the next working day.
const NATIONAL_COUNTING: LimitCounting = Object.freeze({ unit: 'calendar', movesOffRestDay: true });

export const NATIONAL_RULE_SET: RuleSet = Object.freeze({
  version: 'national-2004.1',
  offerReplyDays: 20,
  filingDays: 10,
  wageFilingDays: 7,
  reviewDays: 15,
  minRepresentativesPerSide: 3,
  maxExpertShare: 1 / 3,
  quorumShare: 2 / 3,
  majorityShare: 1 / 2,
  minTermMonths: 1,
  maxTermMonths: 36,
  defaultWageTermMonths: 12,
  renewalWindowMonths: 3,
  publicationDays: 10,
  maxSuspensionDays: 60,
  stalledAfterDays: 30,
  vacantSeatRefillDays: 15,
  counting: Object.freeze({
    offer_reply: NATIONAL_COUNTING,
    submission_for_review: NATIONAL_COUNTING,
    review_period_end: NATIONAL_COUNTING,
    publication: NATIONAL_COUNTING,
  }),
});

/** Raised for a rule set that cannot be used; the message names the field and the accepted values. */
export class RuleSetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleSetError';
  }
}

const SHARE_FIELDS = ['maxExpertShare', 'quorumShare', 'majorityShare'] as const;
const COUNT_FIELDS = (Object.keys(NATIONAL_RULE_SET) as (keyof RuleSet)[]).filter(
  (key) => key !== 'version' && key !== 'counting' && !(SHARE_FIELDS as readonly string[]).includes(key),
);
const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** National defaults with the overrides applied, validated; throws RuleSetError otherwise. */
export function resolveRuleSet(overrides: RuleSetOverrides): RuleSet {
  if (overrides === null || typeof overrides !== 'object') {
    throw new RuleSetError('rule set overrides must be an object with a version');
  }
  for (const key of Object.keys(overrides)) {
    if (!(key in NATIONAL_RULE_SET)) {
      throw new RuleSetError(`unknown rule set field "${key}"`);
    }
  }
  const ruleSet: RuleSet = {
    ...NATIONAL_RULE_SET,
    ...overrides,
    counting: resolveCounting(overrides.counting),
  };
  assertValid(ruleSet);
  return Object.freeze(ruleSet);
}

function resolveCounting(overrides: RuleSetOverrides['counting']): RuleSet['counting'] {
  if (overrides === undefined) return NATIONAL_RULE_SET.counting;
  if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new RuleSetError(`counting must be an object keyed by ${COUNTED_LIMITS.join(', ')}`);
  }
  for (const key of Object.keys(overrides)) {
    if (!(COUNTED_LIMITS as readonly string[]).includes(key)) {
      throw new RuleSetError(`unknown counted limit "counting.${key}"; known: ${COUNTED_LIMITS.join(', ')}`);
    }
  }
  const counting = {} as Record<CountedLimit, LimitCounting>;
  for (const kind of COUNTED_LIMITS) {
    const override = overrides[kind] ?? {};
    for (const key of Object.keys(override)) {
      if (key !== 'unit' && key !== 'movesOffRestDay') {
        throw new RuleSetError(`unknown field "counting.${kind}.${key}"; known: unit, movesOffRestDay`);
      }
    }
    counting[kind] = Object.freeze({ ...NATIONAL_RULE_SET.counting[kind], ...override });
  }
  return Object.freeze(counting);
}

function assertValid(ruleSet: RuleSet): void {
  if (typeof ruleSet.version !== 'string' || !VERSION_PATTERN.test(ruleSet.version)) {
    throw new RuleSetError(
      `rule set version must be 1-64 characters of letters, digits, ".", "_" or "-"; got ${JSON.stringify(ruleSet.version)}`,
    );
  }
  for (const key of COUNT_FIELDS) {
    const value = ruleSet[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      throw new RuleSetError(`${key} must be a positive integer; got ${String(value)}`);
    }
  }
  for (const key of SHARE_FIELDS) {
    const value = ruleSet[key];
    if (typeof value !== 'number' || !(value > 0 && value < 1)) {
      throw new RuleSetError(`${key} must be a fraction strictly between 0 and 1; got ${String(value)}`);
    }
  }
  for (const kind of COUNTED_LIMITS) {
    const counting = ruleSet.counting?.[kind];
    if (counting === undefined || (counting.unit !== 'calendar' && counting.unit !== 'workday')) {
      throw new RuleSetError(
        `counting.${kind}.unit must be "calendar" or "workday"; got ${String(counting?.unit)}`,
      );
    }
    if (typeof counting.movesOffRestDay !== 'boolean') {
      throw new RuleSetError(
        `counting.${kind}.movesOffRestDay must be true or false; got ${String(counting.movesOffRestDay)}`,
      );
    }
  }
  if (ruleSet.minTermMonths > ruleSet.maxTermMonths) {
    throw new RuleSetError(
      `minTermMonths (${ruleSet.minTermMonths}) must not exceed maxTermMonths (${ruleSet.maxTermMonths})`,
    );
  }
  const wageTerm = ruleSet.defaultWageTermMonths;
  if (wageTerm < ruleSet.minTermMonths || wageTerm > ruleSet.maxTermMonths) {
    throw new RuleSetError(
      `defaultWageTermMonths (${wageTerm}) must lie within minTermMonths..maxTermMonths (${ruleSet.minTermMonths}..${ruleSet.maxTermMonths})`,
    );
  }
  if (ruleSet.renewalWindowMonths > ruleSet.maxTermMonths) {
    throw new RuleSetError(
      `renewalWindowMonths (${ruleSet.renewalWindowMonths}) must not exceed maxTermMonths (${ruleSet.maxTermMonths})`,
    );
  }
}

/**
 * Every rule set version a deployment knows. A negotiation stores the version it was
 * created under; loading it asks the registry for exactly that version.
 */
export class RuleSetRegistry {
  private readonly byVersion = new Map<string, RuleSet>();

  constructor(ruleSets: readonly RuleSet[] = [NATIONAL_RULE_SET]) {
    for (const ruleSet of ruleSets) this.register(ruleSet);
  }

  /** Adds a version; registering different numbers under a known version is refused. */
  register(ruleSet: RuleSet): this {
    assertValid(ruleSet);
    const known = this.byVersion.get(ruleSet.version);
    if (known !== undefined && !sameNumbers(known, ruleSet)) {
      throw new RuleSetError(
        `rule set version "${ruleSet.version}" is already registered with different numbers; give the changed set a new version`,
      );
    }
    this.byVersion.set(ruleSet.version, Object.freeze({ ...ruleSet }));
    return this;
  }

  has(version: string): boolean {
    return this.byVersion.has(version);
  }

  get(version: string): RuleSet {
    const ruleSet = this.byVersion.get(version);
    if (ruleSet === undefined) {
      throw new RuleSetError(
        `unknown rule set version "${version}"; known: ${this.versions().join(', ') || '(none)'}`,
      );
    }
    return ruleSet;
  }

  versions(): string[] {
    return [...this.byVersion.keys()];
  }
}

function sameNumbers(a: RuleSet, b: RuleSet): boolean {
  return (Object.keys(NATIONAL_RULE_SET) as (keyof RuleSet)[]).every((key) =>
    key === 'counting' ? JSON.stringify(a.counting) === JSON.stringify(b.counting) : a[key] === b[key],
  );
}
