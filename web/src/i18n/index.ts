import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import { LANGUAGES, type Language } from '../api/types';
import type { Messages } from './messages';

/**
 * One message file per screen and language: `zh-CN/login.ts` holds the `login.*` keys. A new
 * screen adds its two files and touches nothing shared.
 */
function byFileName(modules: Record<string, Messages>): Messages {
  return Object.fromEntries(
    Object.entries(modules).map(([path, messages]) => [path.replace(/^.*\/|\.ts$/g, ''), messages]),
  );
}

const messages: Record<Language, Messages> = {
  'zh-CN': byFileName(import.meta.glob<Messages>('./zh-CN/*.ts', { eager: true, import: 'default' })),
  en: byFileName(import.meta.glob<Messages>('./en/*.ts', { eager: true, import: 'default' })),
};

const STORAGE_KEY = 'wagetrack.language';

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

const stored = localStorage.getItem(STORAGE_KEY);

export const i18n = createI18n({
  legacy: false,
  locale: isLanguage(stored) ? stored : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages,
});

export const language = computed<Language>(() => i18n.global.locale.value as Language);

/** Switches the interface language and remembers it in this browser. */
export function setLanguage(value: Language): void {
  i18n.global.locale.value = value;
  localStorage.setItem(STORAGE_KEY, value);
  document.documentElement.lang = value;
}

document.documentElement.lang = language.value;
