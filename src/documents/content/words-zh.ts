import { chineseNumeral, formatShare, type BusinessDate } from '@wagetrack/shared';

/** Where a date is not known yet, a blank to fill in by hand, as printed forms leave it. */
export const BLANK_DATE = '____年__月__日';
/** A value not recorded in the product. */
export const NOT_RECORDED = '（未记录）';
/** A term the parties did not agree on. */
export const NOT_AGREED = '未约定';

/** `2026-03-05` as Chinese documents write it: `2026年3月5日` (no leading zeros). */
export function dateZh(date: BusinessDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** A date, or the blank of a form when it is not known yet. */
export function dateOrBlank(date: BusinessDate | null | undefined): string {
  return date ? dateZh(date) : BLANK_DATE;
}

/** A fraction of the rule set as the law words it: 2/3 → 三分之二, 1/2 → 二分之一; other shares as a percentage. */
export function shareZh(share: number): string {
  const match = /^(\d+)\/(\d+)$/.exec(formatShare(share));
  if (!match) return `${Number((share * 100).toFixed(2))}%`;
  return `${chineseNumeral(Number(match[2]))}分之${chineseNumeral(Number(match[1]))}`;
}

/** Names listed the Chinese way: 张伟、李娜、王芳. */
export function listZh(names: readonly string[]): string {
  return names.join('、');
}

/** A number as the documents print it: no grouping (a form's box), no trailing zeros (6.50 → 6.5). */
export function numberZh(value: number): string {
  return String(Number(value.toFixed(2)));
}
