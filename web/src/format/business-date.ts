/**
 * Asia/Shanghai (the API's `TZ_BUSINESS`) has been UTC+8 all year since 1991: a fixed offset gives
 * its date without an Intl formatter for the zone, whose first use costs some 100 ms of a cold load.
 */
const BUSINESS_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Today as the API counts business dates (`YYYY-MM-DD` in Asia/Shanghai), whatever the browser zone. */
export function businessToday(now: Date = new Date()): string {
  return new Date(now.getTime() + BUSINESS_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** The calendar day a date picker shows (its local midnight) as `YYYY-MM-DD`. */
export function pickerDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}
