/** Dates as `YYYY-MM-DD` text, which compares in calendar order. */
interface EnterpriseDates {
  registeredOn: string | null;
  closedOn: string | null;
  unionFoundedOn: string | null;
}

/** An enterprise cannot close before it was registered (both optional). */
export function closesBeforeRegistered(dates: Pick<EnterpriseDates, 'registeredOn' | 'closedOn'>): boolean {
  return dates.registeredOn !== null && dates.closedOn !== null && dates.closedOn < dates.registeredOn;
}

/**
 * What is wrong with the registration date, or null: an enterprise is registered (成立) on a
 * day that has come (`today`, a business date in the business time zone). `zh` for the roster.
 */
export function registeredOnProblem(
  registeredOn: string | null,
  today: string,
): { en: string; zh: string } | null {
  if (registeredOn === null || registeredOn <= today) return null;
  return {
    en: `registeredOn ${registeredOn} is in the future (today is ${today})`,
    zh: `成立日期 ${registeredOn} 不能晚于今天（${today}）`,
  };
}

/**
 * What is wrong with the union's founding date, or null: a union is founded in an enterprise
 * that exists (on or after registeredOn) and on a day that has come (`today`, a business date).
 * `zh` words it for the people who fix a roster spreadsheet.
 */
export function unionFoundedOnProblem(
  dates: EnterpriseDates,
  today: string,
): { en: string; zh: string } | null {
  return sinceRegistrationProblem(
    { field: 'unionFoundedOn', zh: '建会日期' },
    dates.unionFoundedOn,
    dates.registeredOn,
    today,
  );
}

/** Whether an update touches the dates `unionFoundedOnProblem` judges. */
export function unionDatesChanged(
  before: Pick<EnterpriseDates, 'unionFoundedOn' | 'registeredOn'>,
  after: Pick<EnterpriseDates, 'unionFoundedOn' | 'registeredOn'>,
): boolean {
  return before.unionFoundedOn !== after.unionFoundedOn || before.registeredOn !== after.registeredOn;
}

/** The dates the workers' congress date is judged against. */
interface CongressDates {
  registeredOn: string | null;
  workersCongressOn: string | null;
}

/**
 * What is wrong with the date the workers' congress (职工代表大会) was established, or null: as
 * the union's, in an enterprise that exists (on or after registeredOn) and on a day that has
 * come (`today`, a business date). `zh` for the roster.
 */
export function workersCongressOnProblem(
  dates: CongressDates,
  today: string,
): { en: string; zh: string } | null {
  return sinceRegistrationProblem(
    { field: 'workersCongressOn', zh: '职代会建立日期' },
    dates.workersCongressOn,
    dates.registeredOn,
    today,
  );
}

/** Whether an update touches the dates `workersCongressOnProblem` judges. */
export function congressDatesChanged(before: CongressDates, after: CongressDates): boolean {
  return before.workersCongressOn !== after.workersCongressOn || before.registeredOn !== after.registeredOn;
}

/** A date of something the enterprise set up: not after today, not before the enterprise was registered. */
function sinceRegistrationProblem(
  name: { field: string; zh: string },
  date: string | null,
  registeredOn: string | null,
  today: string,
): { en: string; zh: string } | null {
  if (date === null) return null;
  if (date > today) {
    return {
      en: `${name.field} ${date} is in the future (today is ${today})`,
      zh: `${name.zh} ${date} 不能晚于今天（${today}）`,
    };
  }
  if (registeredOn !== null && date < registeredOn) {
    return {
      en: `${name.field} ${date} is before the enterprise was registered (registeredOn ${registeredOn})`,
      zh: `${name.zh} ${date} 不能早于企业成立日期 ${registeredOn}`,
    };
  }
  return null;
}
