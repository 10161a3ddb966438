import { isApiError } from '../api/api-error';
import { i18n } from './index';

/** What to tell the user about a failed call, in their language, from the API's error code. */
export function errorMessage(error: unknown): string {
  const { t, te } = i18n.global;
  if (!isApiError(error)) return t('errors.unknown', { message: String(error) });
  const params = {
    message: error.message,
    minutes: Math.ceil((error.retryAfterSeconds ?? 60) / 60),
  };
  const key = `errors.${error.code}`;
  return te(key) ? t(key, params) : t('errors.unknown', params);
}
