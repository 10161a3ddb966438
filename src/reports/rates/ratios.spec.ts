import { checkTarget, ratio, roundTo2 } from './ratios';

describe(ratio.name, () => {
  it.each<[number, number, number | null]>([
    [0, 0, null],
    [0, 4, 0],
    [3, 4, 0.75],
    [4, 4, 1],
  ])('%p / %p → %p', (numerator, denominator, expected) => {
    const sut = ratio;
    expect(sut(numerator, denominator)).toBe(expected);
  });
});

describe(checkTarget.name, () => {
  // [target, enterprises, covered, meetsTarget, shortBy]
  it.each<[number, number, number, boolean, number]>([
    [0.9, 10, 9, true, 0], // 0.9 × 10 is 9.000000000000002 in floating point
    [0.9, 10, 8, false, 1],
    [0.9, 10, 10, true, 0],
    [0.9, 10, 0, false, 9],
    [0.9, 30, 27, true, 0], // 0.9 × 30 = 27.000000000000004 in floating point
    [0.9, 30, 26, false, 1],
    [0.9, 21, 19, true, 0], // 18.9 → 19
    [0.9, 21, 18, false, 1],
    [0.9, 0, 0, true, 0], // an empty group needs nothing
    [1.0, 7, 7, true, 0],
    [1.0, 7, 6, false, 1],
    [1.0, 7, 0, false, 7],
    [1.0, 0, 0, true, 0],
    [0.95, 20, 19, true, 0],
    [0.95, 20, 18, false, 1],
    [0.7, 10, 7, true, 0], // 0.7 × 10 = 7.000000000000001 in floating point
    [0.3, 10, 2, false, 1], // 0.3 × 10 = 3.0000000000000004
    [0, 5, 0, true, 0],
    [0.9, 1_000_000, 899_999, false, 1],
  ])(
    'target %p of %p with %p covered → meets %p, shortBy %p',
    (target, enterprises, covered, meets, shortBy) => {
      const sut = checkTarget;
      expect(sut(target, enterprises, covered)).toEqual({ target, meetsTarget: meets, shortBy });
    },
  );
});

describe(roundTo2.name, () => {
  it.each<[number, number]>([
    [51 / 9, 5.67],
    [60 / 11, 5.45],
    [1.005, 1.01], // 1.005 × 100 is 100.49999999999999 in floating point
    [4.5, 4.5],
    [-2.345, -2.35],
    [-0.001, 0],
    [0, 0],
  ])('%p → %p', (value, expected) => {
    const sut = roundTo2;
    expect(sut(value)).toBe(expected);
  });
});
