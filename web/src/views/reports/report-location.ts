/**
 * The reports page's state in its address (`/reports?unit=12&tab=orgUnit&asOf=2026-06-30…`), so
 * that a report can be bookmarked, sent to a colleague, reloaded, and left with the browser's
 * Back button (a drill-down into a unit is a step of the history). Pure: no router, no client.
 */

/** What the address can say; anything it leaves out is the page's default. */
export interface ReportLocation {
  /** The tab (a section of the page). */
  tab?: string;
  asOf?: string;
  agreementKind?: string;
  base?: string;
  status?: string;
  /** The unit drilled into (its id), or `all`: the whole deployment chosen over the header's unit. */
  unit?: number | 'all';
}

/** The values each part may take (the page's lists). */
export interface ReportChoices {
  tabs: readonly string[];
  agreementKinds: readonly string[];
  bases: readonly string[];
  statuses: readonly string[];
}

type Query = Record<string, unknown>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day written YYYY-MM-DD (2026-02-30 is not one). */
function isDay(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A query value as one string (the first, when repeated); none otherwise. */
function single(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

const oneOf = (value: string | undefined, allowed: readonly string[]) =>
  value !== undefined && allowed.includes(value) ? value : undefined;

/** The state an address gives: each part kept only when it is one the page knows (a bad one is its default). */
export function readReportLocation(query: Query, choices: ReportChoices): ReportLocation {
  const location: ReportLocation = {};
  const tab = oneOf(single(query.tab), choices.tabs);
  if (tab) location.tab = tab;
  const asOf = single(query.asOf);
  if (asOf !== undefined && isDay(asOf)) location.asOf = asOf;
  const kind = oneOf(single(query.kind), choices.agreementKinds);
  if (kind) location.agreementKind = kind;
  const base = oneOf(single(query.base), choices.bases);
  if (base) location.base = base;
  const status = oneOf(single(query.status), choices.statuses);
  if (status) location.status = status;
  const unit = single(query.unit);
  if (unit === 'all') location.unit = 'all';
  else if (unit !== undefined && /^[1-9]\d{0,9}$/.test(unit)) location.unit = Number(unit);
  return location;
}

/** The address's query for a state: the parts given, in a fixed order. */
export function reportLocationQuery(location: ReportLocation): Record<string, string> {
  const query: Record<string, string> = {};
  if (location.unit !== undefined) query.unit = String(location.unit);
  if (location.tab !== undefined) query.tab = location.tab;
  if (location.asOf !== undefined) query.asOf = location.asOf;
  if (location.agreementKind !== undefined) query.kind = location.agreementKind;
  if (location.base !== undefined) query.base = location.base;
  if (location.status !== undefined) query.status = location.status;
  return query;
}

/** Whether two queries say the same (the order of their keys aside). */
export function sameQuery(a: Query, b: Query): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => single(a[key]) === single(b[key]));
}
