/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capitals without I, O, S, V, Z); the 18th is a check character over the
 * first 17 with weights 3^(i-1) mod 31.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_LENGTH = 18;

// GB 32100-2015 §5: weights 3^(i-1) mod 31 for positions 1–17.
const WEIGHTS = Array.from({ length: CREDIT_CODE_LENGTH - 1 }, (_, i) => 3 ** i % 31);

/** `reason` for the API, `reasonZh` for the people who fix a roster spreadsheet. */
export type CreditCodeCheck = { valid: true } | { valid: false; reason: string; reasonZh: string };

/** The check character for the first 17 characters, which must be in the alphabet. */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== CREDIT_CODE_LENGTH - 1) {
    throw new RangeError(`expected ${CREDIT_CODE_LENGTH - 1} characters, got ${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < first17.length; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`"${first17[i]}" is not in the credit code alphabet`);
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Checks an already upper-cased code and says precisely what is wrong with it. */
export function checkCreditCode(code: string): CreditCodeCheck {
  if (code.length !== CREDIT_CODE_LENGTH) {
    return {
      valid: false,
      reason: `must be ${CREDIT_CODE_LENGTH} characters, got ${code.length}`,
      reasonZh: `应为 ${CREDIT_CODE_LENGTH} 位，实为 ${code.length} 位`,
    };
  }
  for (let i = 0; i < code.length; i++) {
    if (!CREDIT_CODE_ALPHABET.includes(code[i])) {
      return {
        valid: false,
        reason: `character ${i + 1} "${code[i]}" is not allowed (digits and capital letters except I, O, S, V, Z)`,
        reasonZh: `第 ${i + 1} 位“${code[i]}”不是有效字符（只能是数字和除 I、O、S、V、Z 以外的大写字母）`,
      };
    }
  }
  const expected = creditCodeCheckCharacter(code.slice(0, CREDIT_CODE_LENGTH - 1));
  if (code[CREDIT_CODE_LENGTH - 1] !== expected) {
    return {
      valid: false,
      reason: `check character is "${code[CREDIT_CODE_LENGTH - 1]}" but should be "${expected}" (GB 32100-2015)`,
      reasonZh: `校验位是“${code[CREDIT_CODE_LENGTH - 1]}”，应为“${expected}”（GB 32100-2015），请核对`,
    };
  }
  return { valid: true };
}
