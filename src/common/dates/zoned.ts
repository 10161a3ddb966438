import type { BusinessDate } from './business-date';

/** The offset of `timeZone` from UTC at `instant`, in minutes (Asia/Shanghai: +480). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The instant a business day begins in `timeZone` (midnight local time). */
export function startOfBusinessDay(date: BusinessDate, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const utcMidnight = Date.UTC(year, month - 1, day);
  // Two passes settle days whose offset changes around midnight (daylight saving zones).
  let guess = utcMidnight - offsetMinutes(new Date(utcMidnight), timeZone) * 60000;
  guess = utcMidnight - offsetMinutes(new Date(guess), timeZone) * 60000;
  return new Date(guess);
}
