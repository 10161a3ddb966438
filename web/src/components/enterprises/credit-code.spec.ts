import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem, normaliseCreditCode } from './credit-code';

describe('creditCodeProblem', () => {
  it.each(['91350100M000100Y43', '913607310001000017', '91360731000100002A', '9136073100010001N9'])(
    'accepts %s',
    (code) => {
      expect(creditCodeProblem(code)).toBeNull();
    },
  );

  it('names the check character it expected', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toEqual({ kind: 'check', actual: '4', expected: '3' });
  });

  it('refuses a code of the wrong length', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toEqual({ kind: 'length', length: 17 });
    expect(creditCodeProblem('')).toEqual({ kind: 'length', length: 0 });
  });

  it.each(['I', 'O', 'S', 'V', 'Z', 'a', '-'])('refuses the character %s', (character) => {
    expect(creditCodeProblem(`9135010${character}M000100Y43`)).toEqual({
      kind: 'character',
      position: 8,
      character,
    });
  });
});

describe('creditCodeCheckCharacter', () => {
  it('is 0 when the weighted sum is a multiple of 31', () => {
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });

  it('makes every code it completes valid', () => {
    for (const first17 of ['91350100M000100Y4', 'Y1234567890ABCDEF', '12345678901234567']) {
      expect(creditCodeProblem(first17 + creditCodeCheckCharacter(first17))).toBeNull();
    }
  });

  it('refuses input that is not 17 characters of the alphabet', () => {
    expect(() => creditCodeCheckCharacter('123')).toThrow(RangeError);
    expect(() => creditCodeCheckCharacter('I2345678901234567')).toThrow(RangeError);
  });
});

describe('normaliseCreditCode', () => {
  it('trims and upper-cases, as the API does on input', () => {
    expect(normaliseCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });
});
