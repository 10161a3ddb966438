import { cleanCode, cleanText, forbiddenCharacter, plainTextProblem, toHalfWidth } from './plain-text';

describe('plain text', () => {
  describe('toHalfWidth', () => {
    it.each([
      ['９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
      ['Ｃ', 'C'],
      ['３０', '30'],
      ['２０１９－０３－０５', '2019-03-05'],
      ['１，２００', '1,200'],
      ['！～', '!~'],
      ['\u3000', ' '],
    ])('turns %s into %s', (full, half) => {
      expect(toHalfWidth(full)).toBe(half);
    });

    it('leaves Chinese text and its punctuation outside U+FF01–U+FF5E alone', () => {
      expect(toHalfWidth('金八角水泥有限公司、万安镇。')).toBe('金八角水泥有限公司、万安镇。');
    });
  });

  describe('cleanText', () => {
    it('trims ordinary, ideographic and no-break spaces', () => {
      expect(cleanText(' \u3000金山镇\u00A0\t')).toBe('金山镇');
    });

    it('removes zero-width characters and the BOM anywhere, so an invisible name becomes empty', () => {
      expect(cleanText('\u200B\u200B\u200B')).toBe('');
      expect(cleanText('\uFEFF金\u200B八角\u2060')).toBe('金八角');
    });

    it.each([
      ['an invisible separator', '\u2063'],
      ['a Hangul filler', '\u3164'],
      ['a Hangul choseong filler', '\u115F'],
      ['a soft hyphen', '\u00AD'],
      ['a Mongolian vowel separator', '\u180E'],
      ['a combining grapheme joiner', '\u034F'],
    ])('removes %s, as every character that renders as nothing', (_case, invisible) => {
      expect(cleanText(`${invisible}金${invisible}山${invisible}`)).toBe('金山');
    });

    it('keeps the direction controls among the invisible characters, to be refused', () => {
      expect(cleanText('金\u202E山')).toBe('金\u202E山');
    });

    it('keeps full-width characters of a name (Chinese parentheses are part of it)', () => {
      expect(cleanText('兴旺水泥（分厂）')).toBe('兴旺水泥（分厂）');
    });
  });

  it('cleanCode converts to half-width before trimming', () => {
    expect(cleanCode('\u3000ｃ\u200B ')).toBe('c');
  });

  describe('forbiddenCharacter', () => {
    it.each([
      ['a NUL', '金\u0000山', 2, 'U+0000'],
      ['a line break', '金山\n镇', 3, 'U+000A'],
      ['DEL', '\u007F', 1, 'U+007F'],
      ['a C1 control', '金\u0085', 2, 'U+0085'],
      ['a right-to-left override', '金山\u202E司公', 3, 'U+202E'],
      ['a left-to-right isolate', '\u2066金山', 1, 'U+2066'],
      ['a right-to-left mark', '金\u200F', 2, 'U+200F'],
      ['a line separator', '金山\u2028镇', 3, 'U+2028'],
    ])('finds %s', (_case, text, position, codePoint) => {
      expect(forbiddenCharacter(text)).toEqual({ position, codePoint });
    });

    it('counts positions in characters, not UTF-16 units', () => {
      expect(forbiddenCharacter('𠀋\u0000')).toEqual({ position: 2, codePoint: 'U+0000' });
    });

    it('accepts ordinary Chinese, Latin and punctuation', () => {
      expect(forbiddenCharacter('金八角水泥有限公司（A-1 分厂）·№5')).toBeNull();
    });
  });

  it('words the refusal in English and Chinese', () => {
    expect(plainTextProblem('金山\u202E')).toEqual({
      en: 'must not contain control or bidirectional-override characters (U+202E at character 3)',
      zh: '不能包含控制字符或文字方向控制字符（第 3 个字符 U+202E）',
    });
    expect(plainTextProblem('金山')).toBeNull();
  });

  it.each([
    ['braille blanks', '\u2800\u2800'],
    ['punctuation only', '——'],
  ])('refuses text with no letter or digit: %s', (_case, text) => {
    expect(plainTextProblem(text)).toEqual({
      en: 'must contain at least one letter or digit (it has only blank or invisible characters)',
      zh: '必须包含文字或数字（现在只有空白或不可见的字符）',
    });
  });
});
