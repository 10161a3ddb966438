import { AppError, type FieldError } from '../common/errors/app-error';

/** A year the calendar does not hold: neither loaded from the package nor entered by an admin. */
export class CalendarYearNotFoundError extends AppError {
  constructor(year: number | string) {
    super(404, 'CALENDAR.YEAR_NOT_FOUND', `${year} 年的节假日安排尚未导入`);
  }
}

/** A year outside the range the calendar accepts. */
export class CalendarYearRangeError extends AppError {
  constructor(year: string) {
    super(422, 'CALENDAR.BAD_YEAR', `年份 ${year} 无效：须为 2000 至 2100 之间的整数`, [
      { field: 'year', message: `年份 ${year} 无效：须为 2000 至 2100 之间的整数` },
    ]);
  }
}

/** Dates of a year's arrangement that cannot be right; each problem names its field. */
export class CalendarDatesError extends AppError {
  constructor(problems: FieldError[]) {
    super(422, 'CALENDAR.BAD_DATES', problems.map((problem) => problem.message).join('；'), problems);
  }
}
