import { checkCreditCode, creditCodeCheckCharacter } from './credit-code';

describe(checkCreditCode.name, () => {
  // Codes whose check characters were computed by hand from the GB 32100-2015 weights.
  it.each([['91350100M000100Y43'], ['91110000600037341L'], ['11100000000013127D'], ['91310000717866186P']])(
    'accepts %s',
    (code) => {
      expect(checkCreditCode(code)).toEqual({ valid: true });
    },
  );

  it.each([
    ['too short', '91350100M000100Y4', /must be 18 characters, got 17/],
    ['too long', '91350100M000100Y433', /must be 18 characters, got 19/],
    ['empty', '', /must be 18 characters, got 0/],
    ['letter I', '9135010IM000100Y43', /character 8 "I" is not allowed/],
    ['letter O', 'O1350100M000100Y43', /character 1 "O" is not allowed/],
    ['letter S', '91350100M000100S43', /character 16 "S" is not allowed/],
    ['letter V', '91350100M000100Y4V', /character 18 "V" is not allowed/],
    ['letter Z', '913501Z0M000100Y43', /character 7 "Z" is not allowed/],
    ['lower case', '91350100m000100Y43', /character 9 "m" is not allowed/],
    ['punctuation', '91350100M000100-43', /character 16 "-" is not allowed/],
    ['wrong check character', '91350100M000100Y44', /check character is "4" but should be "3"/],
    ['swapped digits', '19350100M000100Y43', /check character is "3" but should be/],
  ])('rejects a code that is %s', (_case, code, reason) => {
    const result = checkCreditCode(code);
    expect(result.valid).toBe(false);
    expect(result.valid === false && result.reason).toMatch(reason);
  });
});

describe(creditCodeCheckCharacter.name, () => {
  it('maps a remainder of 0 to "0" rather than to the 32nd character', () => {
    // 17 zeros weigh 0 → (31 - 0) mod 31 = 0 → "0".
    expect(creditCodeCheckCharacter('0'.repeat(17))).toBe('0');
  });

  it('uses the letters of the alphabet for check values above 9', () => {
    // "1" then 16 zeros: weight 1 → 31 - 1 = 30 → "Y", the last character of the alphabet.
    expect(creditCodeCheckCharacter('1' + '0'.repeat(16))).toBe('Y');
  });
});
