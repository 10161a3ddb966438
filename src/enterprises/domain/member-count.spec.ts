import { memberIncrease, recordsMemberCount } from './member-count';

describe(memberIncrease.name, () => {
  it.each([
    ['a count given when the record is created: an increase from zero', null, 40, 40],
    ['a first count of nobody', null, 0, 0],
    ['a rise', 40, 55, 15],
    ['a fall adds nothing', 55, 30, 0],
    ['down to zero adds nothing', 30, 0, 0],
    ['from zero', 0, 12, 12],
    ['the same count', 40, 40, 0],
  ])('%s (%p → %p adds %p)', (_case, previous, next, added) => {
    expect(memberIncrease(previous, next)).toBe(added);
  });
});

describe(recordsMemberCount.name, () => {
  it.each([
    ['a first count', null, 40, true],
    ['a first count of zero', null, 0, true],
    ['a changed count', 40, 41, true],
    ['a count back to zero', 40, 0, true],
    ['the stored count again', 40, 40, false],
    ['a write that leaves the count alone', 40, undefined, false],
    ['a count cleared (unknown): nothing to record', 40, null, false],
    ['no count at all', null, null, false],
  ])('%s: %p → %p records: %p', (_case, stored, written, recorded) => {
    expect(recordsMemberCount(stored, written)).toBe(recorded);
  });
});
