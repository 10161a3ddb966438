import type zh from '../zh-CN/calendar';

export default {
  title: 'Holiday calendar',
  year: 'Year',
  source: 'Source',
  sourceAdmin: 'Entered by an admin ({who}, {when})',
  sourcePackage: 'State Council notice (npm package {source})',
  notLoaded:
    'The holiday arrangement of {year} is not loaded: deadlines in that year are counted in calendar days. Enter it below and save.',
  holidays: 'Days off (holidays)',
  holidaysHelp: 'Statutory holidays and the weekend days of a holiday block, one date per line',
  workdays: 'Working weekend days (调休)',
  workdaysHelp: 'Saturdays and Sundays made working days, one date per line',
  add: 'Add',
  remove: 'Remove',
  save: 'Save the year',
  saved: 'Holiday arrangement of {year} saved',
  remindNextYear:
    'The holiday arrangement of {year} is not loaded yet: once the State Council publishes it, enter it under “Holiday calendar”.',
  workdayUnit: 'working days',
  calendarDayUnit: 'calendar days',
  missingWarning:
    'The holiday arrangement of this year is not loaded yet: the deadline is counted in calendar days',
} satisfies typeof zh;
