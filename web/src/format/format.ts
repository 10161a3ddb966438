import type { Language } from '../api/types';

/** Dates, numbers and rates as people read them: pure functions of a value and a language. */

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** The zone of business dates (the API's `TZ_BUSINESS`). */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';
const EMPTY = '—';

function yearMonthDay(iso: string): [number, number, number | null] | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), match[3] === undefined ? null : Number(match[3])];
}

/** A business date `YYYY-MM-DD`: `2026年3月5日` / `5 Mar 2026`. */
export function formatDate(iso: string | null | undefined, language: Language): string {
  const parts = iso ? yearMonthDay(iso) : null;
  if (!parts || parts[2] === null) return iso || EMPTY;
  const [year, month, day] = parts;
  return language === 'zh-CN' ? `${year}年${month}月${day}日` : `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** A month `YYYY-MM` (the trend report's axis): `2026年3月` / `Mar 2026`. */
export function formatMonth(iso: string | null | undefined, language: Language): string {
  const parts = iso ? yearMonthDay(iso) : null;
  if (!parts || parts[2] !== null) return iso || EMPTY;
  const [year, month] = parts;
  return language === 'zh-CN' ? `${year}年${month}月` : `${EN_MONTHS[month - 1]} ${year}`;
}

/**
 * Intl formatters are slow to make (the first one in a zone loads its data) and fast to use: each
 * is made the first time it is needed, then kept.
 */
function cached<T>(make: (key: string) => T): (key: string) => T {
  const made = new Map<string, T>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make(key)));
    return value;
  };
}

let instantParts: Intl.DateTimeFormat | undefined;

/** An ISO instant (e.g. when an event was recorded), in the county's time: `2026年3月5日 14:05`. */
export function formatInstant(iso: string | null | undefined, language: Language): string {
  const at = iso ? new Date(iso) : null;
  if (!at || Number.isNaN(at.getTime())) return iso || EMPTY;
  const part = Object.fromEntries(
    (instantParts ??= new Intl.DateTimeFormat('en-CA', {
      timeZone: BUSINESS_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }))
      .formatToParts(at)
      .map(({ type, value }) => [type, value]),
  );
  const date = formatDate(`${part.year}-${part.month}-${part.day}`, language);
  return `${date} ${part.hour}:${part.minute}`;
}

const percentFormat = cached((key) => {
  const [language, digits] = key.split(' ');
  return new Intl.NumberFormat(language, {
    style: 'percent',
    minimumFractionDigits: Number(digits),
    maximumFractionDigits: Number(digits),
  });
});

/** A rate the API gives as a fraction 0–1 (null for an empty group): `85.3%`. */
export function formatPercent(fraction: number | null | undefined, language: Language, digits = 1): string {
  if (fraction === null || fraction === undefined) return EMPTY;
  return percentFormat(`${language} ${digits}`).format(fraction);
}

const numberFormat = cached((language) => new Intl.NumberFormat(language));

/** A count or amount with grouping: `12,345`. */
export function formatNumber(value: number | null | undefined, language: Language): string {
  if (value === null || value === undefined) return EMPTY;
  return numberFormat(language).format(value);
}
