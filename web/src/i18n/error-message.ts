import { isApiError } from '../api/api-error';
import { i18n } from './index';

/** What to tell the user about a failed call, in their language, from the API's error code. */
export function errorMessage(error: unknown): string {
  const { t, te } = i18n.global;
  if (!isApiError(error)) return t('errors.unknown', { message: String(error) });
  // Where the server words the problem in Chinese itself (an unreadable import file, the upload
  // limit), that wording is the precise one: the English message must not show through.
  const messageZh = error.body.messageZh;
  if (i18n.global.locale.value === 'zh-CN' && typeof messageZh === 'string' && messageZh) return messageZh;
  const params = {
    message: error.message,
    minutes: Math.ceil((error.retryAfterSeconds ?? 60) / 60),
  };
  const key = `errors.${error.code}`;
  return te(key) ? t(key, params) : t('errors.unknown', params);
}
