import { createI18n } from 'vue-i18n';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../i18n/en/negotiation';
import zh from '../../i18n/zh-CN/negotiation';
import { chineseNumeral, ruleWords } from './rule-words';

const { global: wording } = createI18n({
  legacy: false,
  locale: 'zh-CN',
  messages: { 'zh-CN': { negotiation: zh }, en: { negotiation: en } },
});

describe('chineseNumeral', () => {
  it.each([
    [10, '十'],
    [19, '十九'],
    [32, '三十二'],
    [54, '五十四'],
    [105, '一百零五'],
    [110, '一百一十'],
  ])('writes %i as %s', (n, words) => {
    expect(chineseNumeral(n)).toBe(words);
  });
});

describe('ruleWords', () => {
  afterEach(() => {
    wording.locale.value = 'zh-CN';
  });

  it.each([
    ['集体合同规定 art. 32', '集体合同规定第三十二条'],
    ['集体合同规定 art. 47; 劳动合同法 art. 54', '集体合同规定第四十七条；劳动合同法第五十四条'],
    ['集体合同规定 art. 19-24', '集体合同规定第十九条至第二十四条'],
    ['集体合同规定 art. 19, 21', '集体合同规定第十九条、第二十一条'],
    ['集体合同规定 art. 48; 地方规定 (local rule)', '集体合同规定第四十八条；地方规定'],
    ['product rule (event dates)', '本系统规则'],
  ])('words %s in Chinese as %s', (rule, words) => {
    expect(ruleWords(rule, wording)).toBe(words);
  });

  it('keeps the article numbers in English', () => {
    wording.locale.value = 'en';
    expect(ruleWords('集体合同规定 art. 48; 地方规定 (local rule)', wording)).toBe(
      '集体合同规定 art. 48; a local rule',
    );
  });
});
