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
  const { unionFoundedOn, registeredOn } = dates;
  if (unionFoundedOn === null) return null;
  if (unionFoundedOn > today) {
    return {
      en: `unionFoundedOn ${unionFoundedOn} is in the future (today is ${today})`,
      zh: `建会日期 ${unionFoundedOn} 不能晚于今天（${today}）`,
    };
  }
  if (registeredOn !== null && unionFoundedOn < registeredOn) {
    return {
      en: `unionFoundedOn ${unionFoundedOn} is before the enterprise was registered (registeredOn ${registeredOn})`,
      zh: `建会日期 ${unionFoundedOn} 不能早于企业成立日期 ${registeredOn}`,
    };
  }
  return null;
}

/** Whether an update touches the dates `unionFoundedOnProblem` judges. */
export function unionDatesChanged(
  before: Pick<EnterpriseDates, 'unionFoundedOn' | 'registeredOn'>,
  after: Pick<EnterpriseDates, 'unionFoundedOn' | 'registeredOn'>,
): boolean {
  return before.unionFoundedOn !== after.unionFoundedOn || before.registeredOn !== after.registeredOn;
}
