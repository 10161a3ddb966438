/**
 * 统一社会信用代码 (GB 32100-2015), checked in the browser as the API checks it: 18 characters from
 * a 31-character alphabet (digits and capitals without I, O, S, V, Z), the last a check character
 * over the first 17 with weights 3^(i-1) mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const LENGTH = 18;
const WEIGHTS = Array.from({ length: LENGTH - 1 }, (_, i) => 3 ** i % 31);

/** What is wrong with a code, for the form to word; `null` when it is valid. */
export type CreditCodeProblem =
  | { kind: 'length'; length: number }
  | { kind: 'character'; position: number; character: string }
  | { kind: 'check'; actual: string; expected: string };

/** The check character for 17 characters of the alphabet. */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== LENGTH - 1) throw new RangeError(`expected ${LENGTH - 1} characters`);
  const sum = [...first17].reduce((total, character, i) => {
    const value = ALPHABET.indexOf(character);
    if (value < 0) throw new RangeError(`"${character}" is not in the credit code alphabet`);
    return total + value * WEIGHTS[i]!;
  }, 0);
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** The form's input as the API stores it: trimmed and upper-cased. */
export const normaliseCreditCode = (input: string) => input.trim().toUpperCase();

export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== LENGTH) return { kind: 'length', length: code.length };
  const bad = [...code].findIndex((character) => !ALPHABET.includes(character));
  if (bad >= 0) return { kind: 'character', position: bad + 1, character: code[bad]! };
  const expected = creditCodeCheckCharacter(code.slice(0, LENGTH - 1));
  const actual = code[LENGTH - 1]!;
  return actual === expected ? null : { kind: 'check', actual, expected };
}
