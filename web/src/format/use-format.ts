import { language } from '../i18n';
import { formatDate, formatInstant, formatMonth, formatNumber, formatPercent } from './format';

type Text = string | null | undefined;
type Amount = number | null | undefined;

/** The formatters bound to the interface language, for templates: `fmt.date(row.dueOn)`. */
export function useFormat() {
  return {
    date: (iso: Text) => formatDate(iso, language.value),
    month: (iso: Text) => formatMonth(iso, language.value),
    instant: (iso: Text) => formatInstant(iso, language.value),
    percent: (fraction: Amount, digits?: number) => formatPercent(fraction, language.value, digits),
    number: (value: Amount) => formatNumber(value, language.value),
  };
}
