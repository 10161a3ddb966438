import { api } from './client';
import type { AnswerOf, BodyOf } from './schema-types';

/** `GET /calendar`: the years held, where each comes from, and whether next year is loaded. */
export type CalendarYears = AnswerOf<'/calendar'>;
/** `GET`/`PUT /calendar/:year`: one year's holidays and 调休 working weekend days. */
export type CalendarYear = AnswerOf<'/calendar/{year}'>;
export type CalendarYearInput = BodyOf<'/calendar/{year}', 'put'>;

export const fetchCalendarYears = () => api.get<CalendarYears>('/calendar');

export const fetchCalendarYear = (year: number) => api.get<CalendarYear>(`/calendar/${year}`);

/** Replaces a year (admin); the source becomes `admin`. */
export const saveCalendarYear = (year: number, input: CalendarYearInput) =>
  api.put<AnswerOf<'/calendar/{year}', 'put'>>(`/calendar/${year}`, input);
