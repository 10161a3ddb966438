import {
  AGREEMENT_KIND_LABELS_ZH,
  AGREEMENT_KINDS,
  atLeastShareOf,
  atMostShareOf,
  DEADLINE_KIND_LABELS_ZH,
  DEADLINE_KINDS,
  EVENT_SPECS,
  EVENT_TYPES,
  findEventSpec,
  formatShare,
  impossibleVoteCount,
  INDUSTRY_LABELS_ZH,
  INDUSTRY_SECTIONS,
  isPastDateField,
  moreThanShareOf,
  OPEN_STAGES,
  OWNERSHIP_LABELS_ZH,
  OWNERSHIP_TYPES,
  ownershipTypesOf,
  ruleZh,
  SCOPE_LABELS_ZH,
  SCOPES,
  SECTOR_LABELS_ZH,
  SECTORS,
  sectorOf,
  SETTLED_STAGES,
  SIGNING_FORM_LABELS_ZH,
  STAGE_LABELS_ZH,
  STAGES,
  stateLabelZh,
} from './index';

describe('shares of a count (legal fractions, no floating-point surprises)', () => {
  it('needs 67 of 100 for a 2/3 quorum, and 2 of 3', () => {
    expect(atLeastShareOf(100, 2 / 3)).toBe(67);
    expect(atLeastShareOf(3, 2 / 3)).toBe(2);
    expect(atLeastShareOf(90, 2 / 3)).toBe(60);
  });

  it('needs strictly more than half: 51 of 100, 2 of 2, 3 of 5', () => {
    expect(moreThanShareOf(100, 1 / 2)).toBe(51);
    expect(moreThanShareOf(2, 1 / 2)).toBe(2);
    expect(moreThanShareOf(5, 1 / 2)).toBe(3);
  });

  it('allows at most a third of a side as experts: 2 of 6, exactly 1 of 3', () => {
    expect(atMostShareOf(6, 1 / 3)).toBe(2);
    expect(atMostShareOf(3, 1 / 3)).toBe(1);
    expect(atMostShareOf(2, 1 / 3)).toBe(0);
  });

  it('prints a share as a small fraction, or as a decimal', () => {
    expect(formatShare(2 / 3)).toBe('2/3');
    expect(formatShare(0.5)).toBe('1/2');
    expect(formatShare(0.123)).toBe('0.123');
  });
});

describe('event field rules', () => {
  it('lists every event type once, with its fields', () => {
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_SPECS.length);
    expect(findEventSpec('NO_SUCH_EVENT')).toBeUndefined();
    expect(findEventSpec('VOTE_RECORDED')?.fields.map((field) => [field.name, field.required])).toEqual([
      ['total', true],
      ['present', true],
      ['inFavour', true],
    ]);
  });

  it('cites the rule that makes a field necessary', () => {
    const chief = findEventSpec('REPRESENTATIVES_CONFIRMED')?.fields.find(
      (field) => field.name === 'workerChief',
    );
    expect(chief?.rule).toBe('集体合同规定 art. 19-20');
    expect(ruleZh(chief!.rule!)).toBe('集体合同规定第十九条至第二十条');
  });

  it('offers the sides as the values of who sent the offer', () => {
    const sentBy = findEventSpec('OFFER_SENT')?.fields.find((field) => field.name === 'sentBy');
    expect(sentBy?.values).toEqual(['union', 'employer']);
  });

  it('keeps the day of the event and the day an offer or text was received in the past, not a resume date', () => {
    expect(isPastDateField('occurredOn')).toBe(true);
    expect(isPastDateField('receivedOn')).toBe(true);
    expect(isPastDateField('resumeOn')).toBe(false);
  });

  it('finds the impossible count of a vote', () => {
    expect(impossibleVoteCount({ total: 10, present: 11, inFavour: 5 })).toBe('present');
    expect(impossibleVoteCount({ total: 10, present: 8, inFavour: 9 })).toBe('inFavour');
    expect(impossibleVoteCount({ total: 10, present: 10, inFavour: 10 })).toBeNull();
  });
});

describe('the vocabulary and its Chinese words', () => {
  it('words every stage, kind, scope, deadline, ownership type, sector and industry', () => {
    expect(Object.keys(STAGE_LABELS_ZH)).toEqual([...STAGES]);
    expect(Object.keys(AGREEMENT_KIND_LABELS_ZH)).toEqual([...AGREEMENT_KINDS]);
    expect(Object.keys(SCOPE_LABELS_ZH)).toEqual([...SCOPES]);
    expect(Object.keys(SIGNING_FORM_LABELS_ZH)).toEqual([...SCOPES]);
    expect(Object.keys(DEADLINE_KIND_LABELS_ZH)).toEqual([...DEADLINE_KINDS]);
    expect(Object.keys(OWNERSHIP_LABELS_ZH)).toEqual([...OWNERSHIP_TYPES]);
    expect(Object.keys(SECTOR_LABELS_ZH)).toEqual([...SECTORS]);
    expect(Object.keys(INDUSTRY_LABELS_ZH)).toEqual(INDUSTRY_SECTIONS);
  });

  it('splits the stages into open, in force and closed', () => {
    expect(OPEN_STAGES).toEqual([
      'invitation',
      'preparation',
      'consultation',
      'ratification',
      'signing',
      'filing',
    ]);
    expect([...OPEN_STAGES, ...SETTLED_STAGES]).toEqual([...STAGES]);
    expect(stateLabelZh('filing.underReview')).toBe('报送审查（审查中）');
  });

  it('puts every ownership type in one sector', () => {
    expect(SECTORS.flatMap((sector) => ownershipTypesOf(sector)).sort()).toEqual([...OWNERSHIP_TYPES].sort());
    expect(sectorOf('hk_macao_taiwan')).toBe('non_public');
  });
});
