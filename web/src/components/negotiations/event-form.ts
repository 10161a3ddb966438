import type { EventField, EventValues } from '../../api/negotiations';

/**
 * The form generated from an event's fields (`availableEvents[].fields`): which input each field
 * gets, the values it starts with, and the event body built from what was typed.
 */

/** The input for a field: a chief is chosen among the names typed for their side. */
export type Widget = 'date' | 'choice' | 'chief' | 'paragraph' | 'names' | 'lines' | 'integer' | 'decimal';

/** What an input holds while the form is filled in. */
export type FormValue = string | string[] | number | null | undefined;
export type FormValues = Record<string, FormValue>;

/** A chief representative is one of the names of their own side. */
export const CHIEF_SIDES: Readonly<Record<string, string>> = {
  workerChief: 'workerReps',
  employerChief: 'employerReps',
};

export function widgetFor(field: EventField): Widget {
  switch (field.type) {
    case 'date':
      return 'date';
    case 'enum':
      return 'choice';
    case 'names':
      return 'names';
    case 'texts':
      return 'lines';
    case 'integer':
      return 'integer';
    case 'number':
      return 'decimal';
    case 'text':
      return field.name in CHIEF_SIDES ? 'chief' : 'paragraph';
  }
}

/** Empty inputs, except the date the event happened: today, the usual case. */
export function initialValues(fields: readonly EventField[], today: string): FormValues {
  return Object.fromEntries(
    fields.map((field) => {
      const widget = widgetFor(field);
      if (field.name === 'occurredOn') return [field.name, today];
      if (widget === 'names') return [field.name, []];
      if (widget === 'integer' || widget === 'decimal') return [field.name, undefined];
      return [field.name, ''];
    }),
  );
}

/** The field's value as the API takes it, or undefined when nothing was entered. */
function apiValue(field: EventField, value: FormValue): string | number | string[] | undefined {
  switch (widgetFor(field)) {
    case 'names':
      return nonEmpty(Array.isArray(value) ? value : []);
    case 'lines':
      return nonEmpty(typeof value === 'string' ? value.split('\n') : []);
    case 'integer':
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    default:
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }
}

function nonEmpty(list: readonly string[]): string[] | undefined {
  const entries = list.map((entry) => entry.trim()).filter((entry) => entry !== '');
  return entries.length > 0 ? entries : undefined;
}

/** The event's fields as the API takes them; fields left empty are left out. */
export function eventValues(fields: readonly EventField[], values: FormValues): EventValues {
  const body: EventValues = {};
  for (const field of fields) {
    const value = apiValue(field, values[field.name]);
    if (value !== undefined) body[field.name] = value;
  }
  return body;
}
