/**
 * Text as people type it into forms and spreadsheets, made comparable before it is checked:
 * Chinese input methods and office software write full-width ASCII (９１３６…, Ｃ, ３０) and
 * invisible characters (zero-width spaces, a BOM) that look like nothing in a list. Pure: no
 * framework, no I/O; the API's validators and the imports use the same functions.
 */

/**
 * Characters that render as nothing (Unicode's Default_Ignorable_Code_Point: zero-width spaces and
 * joiners, the BOM, the soft hyphen, the Hangul fillers, invisible operators…): removed anywhere,
 * except the direction controls among them, which are refused instead (see FORBIDDEN).
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Something a reader can see: a letter or a digit of any script. */
const VISIBLE_CONTENT = /[\p{L}\p{N}]/u;

/**
 * Characters refused in stored text, as code point ranges: C0 and C1 controls (NUL, tab, line
 * breaks…) and the bidirectional controls, with which a name can be made to read differently
 * than it sorts and searches ("Trojan Source").
 */
const FORBIDDEN: readonly [number, number][] = [
  [0x0000, 0x001f], // C0 controls
  [0x007f, 0x009f], // DEL and C1 controls
  [0x061c, 0x061c], // Arabic letter mark
  [0x200e, 0x200f], // left-to-right and right-to-left marks
  [0x202a, 0x202e], // embeddings and overrides
  [0x2028, 0x2029], // line and paragraph separators
  [0x2066, 0x2069], // isolates
];

function isForbidden(codePoint: number): boolean {
  return FORBIDDEN.some(([first, last]) => codePoint >= first && codePoint <= last);
}

const FULL_WIDTH_FIRST = 0xff01; // ！
const FULL_WIDTH_LAST = 0xff5e; // ～
const FULL_WIDTH_OFFSET = 0xfee0; // ０ (U+FF10) − 0 (U+0030)
const IDEOGRAPHIC_SPACE = 0x3000;

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space (U+3000) as their half-width forms. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST)
      out += String.fromCodePoint(code - FULL_WIDTH_OFFSET);
    else if (code === IDEOGRAPHIC_SPACE) out += ' ';
    else out += char;
  }
  return out;
}

/** Without invisible characters (anywhere) and without white space at either end (U+3000 included). */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, (char) => (isForbidden(char.codePointAt(0)!) ? char : '')).trim();
}

/** A code, number or date as typed: half-width, clean. `９１３６ ` → `9136`. */
export function cleanCode(text: string): string {
  return cleanText(toHalfWidth(text));
}

/** The first refused character of `text` and its 1-based position, or null when there is none. */
export function forbiddenCharacter(text: string): { position: number; codePoint: string } | null {
  let position = 0;
  for (const char of text) {
    position += 1;
    const codePoint = char.codePointAt(0)!;
    if (isForbidden(codePoint)) {
      return { position, codePoint: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}` };
    }
  }
  return null;
}

/**
 * Why `text` is refused, in English and Chinese, or null: the words every text field uses. Text
 * with no letter or digit at all (only blanks, marks or symbols that show nothing, such as U+2800)
 * would be an invisible line in every list.
 */
export function plainTextProblem(text: string): { en: string; zh: string } | null {
  if (text !== '' && !VISIBLE_CONTENT.test(text)) {
    return {
      en: 'must contain at least one letter or digit (it has only blank or invisible characters)',
      zh: '必须包含文字或数字（现在只有空白或不可见的字符）',
    };
  }
  const found = forbiddenCharacter(text);
  if (!found) return null;
  return {
    en: `must not contain control or bidirectional-override characters (${found.codePoint} at character ${found.position})`,
    zh: `不能包含控制字符或文字方向控制字符（第 ${found.position} 个字符 ${found.codePoint}）`,
  };
}
