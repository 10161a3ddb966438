import { BUSINESS_TIME_ZONE } from './format';

const dateParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today as the API counts business dates (`YYYY-MM-DD` in Asia/Shanghai), whatever the browser zone. */
export function businessToday(now: Date = new Date()): string {
  return dateParts.format(now);
}

/** The calendar day a date picker shows (its local midnight) as `YYYY-MM-DD`. */
export function pickerDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}
