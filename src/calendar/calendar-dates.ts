import { isBusinessDate } from '../common/dates/business-date';
import { isWeekend, yearOf } from '../common/dates/work-calendar';
import type { FieldError } from '../common/errors/app-error';

const LABELS = { holidays: '节假日（holidays）', workdays: '调休上班日（workdays）' } as const;

/**
 * What is wrong with a year's arrangement, each problem naming its field (`holidays[2]`):
 * a date that is not one, outside the year, listed twice, listed as both a rest and a working
 * day, or a working day that is a weekday (Monday to Friday are working days already; only a
 * weekend day can be made one). A weekend day listed as a holiday is fine: a holiday block
 * names its weekend days too.
 */
export function calendarDateProblems(year: number, holidays: string[], workdays: string[]): FieldError[] {
  const problems: FieldError[] = [];
  const lists = { holidays, workdays };
  for (const field of ['holidays', 'workdays'] as const) {
    const seen = new Set<string>();
    lists[field].forEach((date, index) => {
      const at = `${field}[${index}]`;
      const label = `${LABELS[field]}第 ${index + 1} 项`;
      if (!isBusinessDate(date)) {
        problems.push({ field: at, message: `${label} ${String(date)} 不是有效日期（格式 YYYY-MM-DD）` });
        return;
      }
      if (yearOf(date) !== year) {
        problems.push({ field: at, message: `${label} ${date} 不在 ${year} 年内` });
      } else if (seen.has(date)) {
        problems.push({ field: at, message: `${label} ${date} 重复` });
      } else if (field === 'workdays' && !isWeekend(date)) {
        problems.push({
          field: at,
          message: `${label} ${date} 是周一至周五，本就是工作日；调休上班日只列调为工作日的周六、周日`,
        });
      } else if (field === 'workdays' && holidays.includes(date)) {
        problems.push({ field: at, message: `${label} ${date} 同时列为节假日` });
      }
      seen.add(date);
    });
  }
  return problems;
}
