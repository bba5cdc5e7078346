/**
 * One i18next instance for every element. English is bundled; other locales load
 * on first use. Hosts add a locale with `registerLocale` or override any string
 * with `addTranslations`.
 */
import i18next, { type i18n as I18n, type TOptions } from 'i18next';
import en from './locales/en.js';
import type { Messages } from './messages.js';

export type { Messages } from './messages.js';

type Loader = () => Promise<{ default: Messages } | Messages>;

export const i18n: I18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en } },
  // Lit escapes every interpolation; i18next must not do it a second time.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
} as Parameters<typeof i18n.init>[0]);

const loaders = new Map<string, Loader>([
  ['de', () => import('./locales/de.js')],
  ['es', () => import('./locales/es.js')],
  ['ar', () => import('./locales/ar.js')],
]);
const loading = new Map<string, Promise<void>>();
/** Languages whose loader has run (a host's overrides alone do not count). */
const loaded = new Set<string>();
/** Locales a host registered with their messages. */
const registered = new Set<string>();

/** Locales the library ships (plus any a host registered). */
export function availableLocales(): string[] {
  return [...new Set(['en', ...loaders.keys(), ...registered])];
}

/** The language i18next keys resources by: `de-AT` → `de` unless `de-AT` itself is registered. */
export function resourceLanguage(locale: string): string {
  if (i18n.hasResourceBundle(locale, 'translation') || loaders.has(locale)) return locale;
  return locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
}

/** Whether the strings of `locale` (or its fallback) are ready to render. */
export function isLocaleReady(locale: string): boolean {
  const language = resourceLanguage(locale);
  // A bundle alone is not enough: a host's overrides may have created it before the loader ran.
  return !loaders.has(language) || loaded.has(language);
}

/** Loads the strings of `locale` once; resolves at once when they are there or unknown (English is used). */
export function ensureLocale(locale: string): Promise<void> {
  const language = resourceLanguage(locale);
  if (isLocaleReady(language)) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    const loader = loaders.get(language)!;
    pending = loader()
      .then((module) => {
        const messages = 'default' in module ? (module.default as Messages) : module;
        // Deep-merged under what is there, so a host's earlier overrides win.
        i18n.addResourceBundle(language, 'translation', messages, true, false);
        loaded.add(language);
      })
      .catch((error: unknown) => {
        loading.delete(language);
        console.warn(`[dn] Could not load locale "${language}"; showing English.`, error);
      });
    loading.set(language, pending);
  }
  return pending;
}

/**
 * Adds a locale the library does not ship: pass its messages, or a function that
 * imports them (loaded the first time the locale is used).
 */
export function registerLocale(locale: string, messages: Messages | Loader): void {
  if (typeof messages === 'function') {
    loaders.set(locale, messages);
  } else {
    i18n.addResourceBundle(locale, 'translation', messages, true, true);
    registered.add(locale);
  }
}

/** Overrides some strings of a locale, e.g. `addTranslations('en', { profile: { title: 'Your profile' } })`. */
export function addTranslations(locale: string, messages: Messages): void {
  i18n.addResourceBundle(locale, 'translation', messages, true, true);
}

/** Translates `key` in `locale` (falling back to English). */
export function translate(locale: string, key: string, options?: TOptions): string {
  return i18n.getFixedT(resourceLanguage(locale))(key, options) as string;
}
