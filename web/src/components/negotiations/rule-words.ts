/** What wording a rule needs of vue-i18n: `i18n.global` or `useI18n()`. */
export interface Wording {
  t(key: string, named: Record<string, unknown>): string;
  locale: { value: string };
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–999 as Chinese writes article numbers: 32 → 三十二, 105 → 一百零五. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let words = hundreds > 0 ? `${DIGITS[hundreds]}百` : '';
  if (tens > 0) words += `${hundreds === 0 && tens === 1 ? '' : DIGITS[tens]}十`;
  else if (hundreds > 0 && ones > 0) words += '零';
  if (ones > 0) words += DIGITS[ones];
  return words;
}

/** The API's article list (`36`, `19-24`, `19, 21`) as Chinese cites it: 第十九条至第二十四条. */
function articlesZh(articles: string): string {
  return articles
    .replace(/\d+/g, (digits) => `第${chineseNumeral(Number(digits))}条`)
    .replace(/\s*-\s*/g, '至')
    .replace(/\s*,\s*/g, '、');
}

/**
 * A rule as the API cites it (src/negotiations/workflow/law.ts: `集体合同规定 art. 47; 劳动合同法 art. 54`,
 * `地方规定 (local rule)`, `product rule (event dates)`) in the interface language:
 * `集体合同规定第四十七条；劳动合同法第五十四条` in Chinese, as the forms' own checks word it.
 */
export function ruleWords(rule: string, { t, locale }: Wording): string {
  const chinese = locale.value.startsWith('zh');
  return rule
    .split(/;\s*/)
    .map((part) => {
      if (part.startsWith('product rule')) return t('negotiation.refusal.productRule', {});
      if (part.includes('(local rule)')) return t('negotiation.refusal.localRule', {});
      const [, law, articles] = /^(.+) art\. (.+)$/.exec(part) ?? [];
      if (!law || !articles) return part;
      return t('negotiation.refusal.article', { law, article: chinese ? articlesZh(articles) : articles });
    })
    .join(t('negotiation.refusal.separator', {}));
}
