import { OWNERSHIP_TYPES, SECTORS } from '../../enterprises/domain/ownership';
import { compareCodePoints, listGroups } from './groups';
import type { GroupBy } from './types';

describe(listGroups.name, () => {
  const sut = listGroups;
  it.each<[GroupBy, string[], string[]]>([
    ['sector', ['non_public'], [...SECTORS]],
    ['ownershipType', [], [...OWNERSHIP_TYPES]],
    // code points: 万 U+4E07 < 蟠 U+87E0 < 金 U+91D1
    ['township', ['金山镇', '万安镇', '蟠龙镇', '金山镇'], ['万安镇', '蟠龙镇', '金山镇']],
    ['industry', ['Q', 'C', 'A'], ['A', 'C', 'Q']],
    ['instructor', ['10', 'none', '2', '1'], ['1', '2', '10', 'none']],
    ['township', [], []],
  ])('%s of %p → %p', (groupBy, present, expected) => {
    expect(sut(groupBy, present)).toEqual(expected);
  });
});

describe(compareCodePoints.name, () => {
  const sut = compareCodePoints;
  it.each<[string, string, number]>([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['ab', 'a', 1],
    ['镇', '镇', 0],
    // U+20000 (a CJK Extension B character) sorts after U+FFFD by code point, though its first
    // UTF-16 unit (0xD840) is smaller.
    ['\u{20000}', '\uFFFD', 1],
  ])('%p vs %p → %p', (a, b, expected) => {
    expect(sut(a, b)).toBe(expected);
  });
});
