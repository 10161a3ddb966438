import { CronTime } from 'cron';
import { addDays, type BusinessDate, todayIn } from '../common/dates/business-date';
import { startOfBusinessDay } from '../common/dates/zoned';
import type { SlotKind } from './reminder.entity';

/**
 * The slot of `today` is due once its scheduled time has passed: checked every minute, so a
 * slot missed while the app was down is still built when it comes back the same day, and the
 * dedupe key makes checking twice harmless. Returns the slot date, or null.
 */
export function dueSlotDate(cron: string, timeZone: string, now: Date): BusinessDate | null {
  const today = todayIn(timeZone, now);
  // The first scheduled instant at or after the start of today (the cron library's "next" is
  // exclusive, hence the millisecond before midnight).
  const dayStart = startOfBusinessDay(today, timeZone);
  const firstToday = new CronTime(cron, timeZone).getNextDateFrom(new Date(dayStart.getTime() - 1), timeZone);
  const scheduledAt = firstToday.toJSDate();
  if (scheduledAt >= startOfBusinessDay(addDays(today, 1), timeZone)) return null; // not a scheduled day
  return scheduledAt <= now ? today : null;
}

export function dedupeKey(kind: SlotKind, recipientId: number, slotDate: BusinessDate): string {
  return `${kind}.${recipientId}.${slotDate}`;
}

/** RFC 5322 Message-ID from the dedupe key: a re-sent reminder carries the same one. */
export function messageIdOf(key: string): string {
  return `<${key}@wagetrack.reminders>`;
}
