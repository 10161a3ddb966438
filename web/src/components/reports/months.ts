/** The month `count` months before a month `YYYY-MM` (or the month of a date `YYYY-MM-DD`). */
export function monthsBefore(iso: string, count: number): string {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
