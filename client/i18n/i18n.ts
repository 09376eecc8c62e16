import { useCallback, useSyncExternalStore } from 'react';
import { nl, type MessageKey } from './messages.nl';
import { en } from './messages.en';

export type Locale = 'nl' | 'en';
export type { MessageKey };
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { nl, en };
const STORAGE_KEY = 'mantelkaart:locale';

export function isLocale(v: unknown): v is Locale {
  return v === 'nl' || v === 'en';
}

/** The remembered choice wins; otherwise English only for browsers that ask for English first, Dutch for the rest. */
export function initialLocale(stored: string | null, languages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const lang of languages) {
    const base = lang.toLowerCase().slice(0, 2);
    if (base === 'nl') return 'nl';
    if (base === 'en') return 'en';
  }
  return 'nl';
}

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

let current: Locale = initialLocale(
  readStored(),
  typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language],
);
const listeners = new Set<() => void>();

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this visit only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  for (const l of listeners) l();
}

export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Formats a message of the given locale, filling `{name}` placeholders. */
export function format(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = catalogues[locale][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Translates with the current locale; outside React (commands, confirm dialogs). */
export function t(key: MessageKey, params?: MessageParams): string {
  return format(current, key, params);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Re-renders the component when the language changes; the function is stable per language (safe in effect deps). */
export function useT(): Translate {
  const locale = useSyncExternalStore(subscribeLocale, getLocale, getLocale);
  return useCallback((key, params) => format(locale, key, params), [locale]);
}

export function useLocale(): Locale {
  return useSyncExternalStore(subscribeLocale, getLocale, getLocale);
}
