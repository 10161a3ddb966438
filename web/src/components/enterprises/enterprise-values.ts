import type { AuditChange, AuditEntry } from '../../api/audit';

/**
 * The enterprise's fields in the order the form shows them: the order of its read-only details
 * and of its changes (`sector` is derived, so it shows but never changes on its own).
 */
export const ENTERPRISE_FIELD_ORDER = [
  'name',
  'creditCode',
  'ownershipType',
  'sector',
  'township',
  'community',
  'industry',
  'employeeCount',
  'memberCount',
  'unionFoundedOn',
  'workersCongressOn',
  'registeredOn',
  'closedOn',
  'instructorId',
] as const;

const DATE_FIELDS = new Set(['unionFoundedOn', 'workersCongressOn', 'registeredOn', 'closedOn']);

/** Values read as one piece, never broken across two lines between two characters (dates, codes). */
export const keepsWhole = (field: string): boolean => DATE_FIELDS.has(field) || field === 'creditCode';

/** What turns a stored value into words: the interface's translations and formatters. */
export interface ValueWords {
  t: (key: string) => string;
  te: (key: string) => boolean;
  date: (iso: string) => string;
  number: (value: number) => string;
  instructor: (id: number) => string;
  /** Shown for no value. */
  empty: string;
}

/** A field's name as a user reads it (`employeeCount` → 职工人数); an unknown one as it is. */
export function fieldLabel(field: string, words: Pick<ValueWords, 't' | 'te'>): string {
  const key = `enterprises.field.${field}`;
  return words.te(key) ? words.t(key) : field;
}

/** A stored value of an enterprise's field as a user reads it: codes worded, dates and numbers formatted. */
export function fieldValue(field: string, value: unknown, words: ValueWords): string {
  if (value === null || value === undefined || value === '') return words.empty;
  if (field === 'instructorId' && typeof value === 'number') return words.instructor(value);
  if ((field === 'employeeCount' || field === 'memberCount') && typeof value === 'number')
    return words.number(value);
  if (DATE_FIELDS.has(field) && typeof value === 'string') return words.date(value);
  const text = String(value);
  if (field === 'ownershipType' || field === 'sector') {
    const key = `enterprises.${field === 'sector' ? 'sector' : 'ownership'}.${text}`;
    return words.te(key) ? words.t(key) : text;
  }
  if (field === 'industry') {
    const key = `enterprises.industry.${text}`;
    return words.te(key) ? `${text} ${words.t(key)}` : text;
  }
  return text;
}

export interface ChangeLine {
  field: string;
  change: AuditChange;
}

const position = (field: string): number => {
  const index = (ENTERPRISE_FIELD_ORDER as readonly string[]).indexOf(field);
  return index === -1 ? ENTERPRISE_FIELD_ORDER.length : index;
};

/** An audit row's changes in the form's order; a creation lists only the fields it filled in. */
export function changeLines(entry: Pick<AuditEntry, 'action' | 'changes'>): ChangeLine[] {
  const created = isCreation(entry.action);
  return Object.entries(entry.changes ?? {})
    .filter(([, change]) => !created || (change.to !== null && change.to !== ''))
    .sort(([a], [b]) => position(a) - position(b))
    .map(([field, change]) => ({ field, change }));
}

export const isCreation = (action: string): boolean => action.endsWith('.create');
