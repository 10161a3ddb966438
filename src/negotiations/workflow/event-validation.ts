import { isBusinessDate } from '../../common/dates/business-date';
import { impossibleVoteCount } from '@wagetrack/shared';
import { EVENT_TYPES, findEventSpec, type FieldSpec, type NegotiationEvent } from './events';

const TEXT_MAX = 2000;
const NAME_MAX = 100;
const LIST_MAX = 200;

const OCCURRED_ON: FieldSpec = { name: 'occurredOn', type: 'date', required: true };

export type EventValidation =
  { ok: true; event: NegotiationEvent } | { ok: false; message: string; field?: string };

/**
 * Checks an event of unknown shape against EVENT_SPECS: known type, real dates, right
 * types, no unknown fields. Never throws. Texts and names come back trimmed.
 */
export function validateEvent(input: unknown): EventValidation {
  let data: unknown;
  try {
    const nonFinite = nonFiniteField(input);
    if (nonFinite !== null) {
      return { ok: false, field: nonFinite, message: `${nonFinite} must be a finite number` };
    }
    // A plain JSON copy: getters, proxies, class instances and cycles cannot surprise us later.
    data = JSON.parse(JSON.stringify(input)) as unknown;
  } catch {
    return { ok: false, message: 'the event must be a JSON object' };
  }
  if (!isPlainObject(data)) {
    return { ok: false, message: 'the event must be a JSON object with "type" and "occurredOn"' };
  }
  const type = data['type'];
  const spec = typeof type === 'string' ? findEventSpec(type) : undefined;
  if (spec === undefined) {
    return {
      ok: false,
      field: 'type',
      message: `type must be one of ${EVENT_TYPES.join(', ')}; got ${describe(type)}`,
    };
  }
  const allowed = new Set(['type', 'occurredOn', ...spec.fields.map((field) => field.name)]);
  const unknown = Object.keys(data).filter((key) => !allowed.has(key));
  if (unknown.length > 0) {
    return {
      ok: false,
      field: unknown[0],
      message: `${type} does not accept field(s) ${unknown.join(', ')}; accepted: ${[...allowed].join(', ')}`,
    };
  }
  const event: Record<string, unknown> = { type };
  for (const field of [OCCURRED_ON, ...spec.fields]) {
    const value = data[field.name];
    if (value === undefined || value === null) {
      if (!field.required) continue;
      const because = field.rule === undefined ? '' : ` (${field.rule})`;
      return { ok: false, field: field.name, message: `${type} requires ${field.name}${because}` };
    }
    const checked = checkField(field, value);
    if (typeof checked === 'string') {
      return { ok: false, field: field.name, message: `${field.name} ${checked}` };
    }
    event[field.name] = checked.value;
  }
  return crossCheck(event as unknown as NegotiationEvent);
}

/** Returns the normalised value, or what is wrong with it. */
function checkField(field: FieldSpec, value: unknown): { value: unknown } | string {
  switch (field.type) {
    case 'date':
      return isBusinessDate(value)
        ? { value }
        : `must be a real calendar date YYYY-MM-DD; got ${describe(value)}`;
    case 'enum':
      return typeof value === 'string' && (field.values ?? []).includes(value)
        ? { value }
        : `must be one of ${(field.values ?? []).join(', ')}; got ${describe(value)}`;
    case 'text':
      return typeof value === 'string' && value.length <= TEXT_MAX
        ? { value: value.trim() }
        : `must be a text of at most ${TEXT_MAX} characters; got ${describe(value)}`;
    case 'integer':
    case 'number':
      return checkNumber(field, value);
    case 'names':
    case 'texts':
      return checkList(field, value);
  }
}

function checkNumber(field: FieldSpec, value: unknown): { value: unknown } | string {
  const whole = field.type === 'integer';
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!whole || Number.isSafeInteger(value)) &&
    (field.min === undefined || value >= field.min) &&
    (field.max === undefined || value <= field.max);
  if (ok) return { value };
  const kind = whole ? 'an integer' : 'a number';
  const range =
    field.min !== undefined && field.max !== undefined ? ` from ${field.min} to ${field.max}` : '';
  return `must be ${kind}${range}; got ${describe(value)}`;
}

function checkList(field: FieldSpec, value: unknown): { value: unknown } | string {
  const maxLength = field.type === 'names' ? NAME_MAX : TEXT_MAX;
  const what = field.type === 'names' ? 'names' : 'texts';
  if (!Array.isArray(value) || value.length > LIST_MAX) {
    return `must be a list of at most ${LIST_MAX} ${what}; got ${describe(value)}`;
  }
  const items: string[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'string' || item.trim() === '' || item.length > maxLength) {
      return `must hold non-empty ${what} of at most ${maxLength} characters; got ${describe(item)}`;
    }
    items.push(item.trim());
  }
  if (field.type === 'texts' && field.required && items.length === 0) {
    const because = field.rule === undefined ? '' : ` (${field.rule})`;
    return `must hold at least one entry${because}`;
  }
  return { value: items };
}

/** Rules between fields of one event that no state can make true: impossible, not refused. */
function crossCheck(event: NegotiationEvent): EventValidation {
  if (event.type === 'VOTE_RECORDED') {
    const impossible = impossibleVoteCount(event);
    if (impossible === 'present') {
      return {
        ok: false,
        field: 'present',
        message: `present (${event.present}) cannot exceed total (${event.total})`,
      };
    }
    if (impossible === 'inFavour') {
      return {
        ok: false,
        field: 'inFavour',
        message: `inFavour (${event.inFavour}) cannot exceed present (${event.present})`,
      };
    }
  }
  return { ok: true, event };
}

/** JSON would turn NaN and Infinity into null, i.e. into a missing field; refuse them instead. */
function nonFiniteField(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === 'number' && !Number.isFinite(value)) return key;
  }
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
