// The legal sources the workflow cites live in the shared package (the web quotes them too).
export { cite, citeAll, LAW } from '@wagetrack/shared';
export type { Citation, LawName } from '@wagetrack/shared';
