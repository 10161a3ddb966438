import { isApiError } from '../api/api-error';
import { errorMessage } from '../i18n/error-message';

/** A refused save, split for a form: messages next to the fields they concern, the rest above the form. */
export interface FormErrors {
  fields: Record<string, string>;
  general: string | null;
}

/**
 * The API's `errors[]` go next to their fields; an error code that concerns one field (e.g. a
 * duplicate credit code) goes next to that field, worded in the interface language.
 */
export function formErrors(error: unknown, fieldOfCode: Record<string, string> = {}): FormErrors {
  if (!isApiError(error)) return { fields: {}, general: errorMessage(error) };
  const fields = Object.fromEntries(error.fieldErrors.map(({ field, message }) => [field, message]));
  const field = fieldOfCode[error.code];
  if (field) return { fields: { ...fields, [field]: errorMessage(error) }, general: null };
  return { fields, general: errorMessage(error) };
}
