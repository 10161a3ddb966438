// Valid unified social credit codes (GB 32100-2015) for benchmark data, written out here so
// the benchmark imports nothing from src/: 17 characters, then the check character with
// weights 3^(i-1) mod 31 (the same algorithm as src/enterprises/domain/credit-code.ts).
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

export function checkCharacter(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** The n-th code of a series: 91 (enterprise) + 350100 (region) + MA + 7 digits + check. */
export function creditCode(n) {
  const first17 = `91350100MA${String(n).padStart(7, '0')}`;
  return first17 + checkCharacter(first17);
}
