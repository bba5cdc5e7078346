/**
 * One i18next instance for every element, holding the strings of the features loaded so far.
 * Each module that shows text registers the English strings of its feature
 * (`registerStrings(sessionStrings)`, from ./locales/<feature>/strings.ts), so a page carries
 * only the English it uses; the strings every element shares (./locales/core/) are registered
 * here. Another shipped locale loads per feature: when it is first used, the files of the
 * features registered so far; when a feature registers later, its file at once. Keys do not
 * depend on the split (`sessions.title` stays `sessions.title`). Hosts add a locale with
 * `registerLocale` (all its strings at once) or override any string with `addTranslations`.
 */
import i18next, { type i18n as I18n, type TOptions } from 'i18next';
import type { Messages, MessagesLoader, Strings } from './messages.js';
import coreStrings from './locales/core/strings.js';

export type { Messages, MessagesLoader, Strings } from './messages.js';

export const i18n: I18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  resources: {},
  // Lit escapes every interpolation; i18next must not do it a second time.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
} as Parameters<typeof i18n.init>[0]);

/** What one locale loads its strings from: a feature's file, or a host's loader for the whole locale. */
interface Source {
  /** The feature, or the host's loader itself. */
  readonly id: Strings | MessagesLoader;
  readonly load: MessagesLoader;
  readonly at?: string;
  /** The top-level keys it fills (`sessions`; `common`, `errors`, …); `undefined`: all. */
  readonly namespaces?: readonly string[];
}

interface Load {
  readonly promise: Promise<void>;
  done: boolean;
  failed: boolean;
}

/** The features registered, with the top-level keys each fills. */
const features = new Map<Strings, readonly string[]>();
/** Languages the library ships besides English (those the features have files for). */
const shipped = new Set<string>();
/** Locales a host gave a loader for: it brings the whole locale, the shipped files are not used. */
const hostLoaders = new Map<string, MessagesLoader>();
/** Locales a host registered with their messages. */
const registered = new Set<string>();
/** Shipped languages asked for so far: a feature registered later loads its strings in them at once. */
const requested = new Set<string>();
/** Per language, each source's load (a host's overrides alone never count as loaded). */
const loads = new Map<string, Map<Strings | MessagesLoader, Load>>();

/** `messages` placed under the dotted path `at` (`password.change`), or as they are. */
function nest(at: string | undefined, messages: Messages): Messages {
  return at ? at.split('.').reduceRight<Messages>((inner, key) => ({ [key]: inner }), messages) : messages;
}

function sourcesOf(language: string): Source[] {
  const host = hostLoaders.get(language);
  if (host) return [{ id: host, load: host }];
  const sources: Source[] = [];
  for (const [strings, namespaces] of features) {
    const load = strings.locales[language];
    if (load) sources.push({ id: strings, load, at: strings.at, namespaces });
  }
  return sources;
}

const covers = (source: Source, namespaces: ReadonlySet<string> | undefined) =>
  !namespaces || !source.namespaces || source.namespaces.some((namespace) => namespaces.has(namespace));

function start(language: string, source: Source): Load {
  const load: Load = {
    done: false,
    failed: false,
    promise: source.load().then(
      (module) => {
        const messages = 'default' in module ? (module.default as Messages) : module;
        // Deep-merged under what is there, so a host's earlier overrides win.
        i18n.addResourceBundle(language, 'translation', nest(source.at, messages), true, false);
        load.done = true;
      },
      (error: unknown) => {
        load.failed = true;
        console.warn(`[dn] Could not load locale "${language}"${source.at ? ` (${source.at})` : ''}; showing English.`, error);
      },
    ),
  };
  let byId = loads.get(language);
  if (!byId) loads.set(language, (byId = new Map()));
  byId.set(source.id, load);
  return load;
}

/**
 * Starts what `language` still lacks (of `namespaces`, or all) and returns what is in flight,
 * or `undefined` when nothing is. A load that failed starts again only with `retry`.
 */
function loadLanguage(language: string, retry: boolean, namespaces?: ReadonlySet<string>): Promise<void> | undefined {
  if (shipped.has(language)) requested.add(language);
  const pending: Promise<void>[] = [];
  for (const source of sourcesOf(language)) {
    if (!covers(source, namespaces)) continue;
    let load = loads.get(language)?.get(source.id);
    if (!load || (load.failed && retry)) load = start(language, source);
    if (!load.done && !load.failed) pending.push(load.promise);
  }
  return pending.length > 0 ? Promise.all(pending).then(() => undefined) : undefined;
}

/**
 * Registers the strings of features: their English at once (under what is there, so a
 * host's earlier `addTranslations` win), and, in every shipped language asked for so far,
 * their translation as soon as it loads. Called by the modules that use them, when they load;
 * registering a feature again does nothing.
 */
export function registerStrings(...list: Strings[]): void {
  for (const strings of list) {
    if (features.has(strings)) continue;
    features.set(strings, strings.at ? [strings.at.split('.')[0]!] : Object.keys(strings.en));
    for (const language of Object.keys(strings.locales)) shipped.add(language);
    i18n.addResourceBundle('en', 'translation', nest(strings.at, strings.en), true, false);
    for (const language of requested) void loadLanguage(language, false);
  }
}

registerStrings(coreStrings);

/** Locales the library ships (plus any a host registered). */
export function availableLocales(): string[] {
  return [...new Set(['en', ...shipped, ...hostLoaders.keys(), ...registered])];
}

/** The language i18next keys resources by: `de-AT` → `de` unless `de-AT` itself is registered. */
export function resourceLanguage(locale: string): string {
  if (i18n.hasResourceBundle(locale, 'translation') || shipped.has(locale) || hostLoaders.has(locale)) return locale;
  return locale.toLowerCase().split(/[-_]/)[0] ?? 'en';
}

/**
 * Whether the strings of `locale` (or its fallback) are ready to render: of every feature
 * registered so far, or only of those filling `namespaces` (`['sessions', 'common']`).
 */
export function isLocaleReady(locale: string, namespaces?: Iterable<string>): boolean {
  const language = resourceLanguage(locale);
  const wanted = namespaces ? new Set(namespaces) : undefined;
  // A bundle alone is not enough: a host's overrides may have created it before the files loaded.
  return sourcesOf(language).every((source) => !covers(source, wanted) || loads.get(language)?.get(source.id)?.done === true);
}

/**
 * Loads the strings of `locale` for every feature registered so far (again, those that
 * failed); resolves when they are there, at once for English and unknown locales (English is
 * used). Features registered later load in this locale as they register.
 */
export function ensureLocale(locale: string): Promise<void> {
  return loadLanguage(resourceLanguage(locale), true) ?? Promise.resolve();
}

/**
 * What an element waits for before rendering in `locale`: the strings of `namespaces` (all,
 * when absent) still loading, started if never tried; `undefined` when there is nothing to
 * wait for (a load that failed is not retried here, English shows).
 */
export function localeLoading(locale: string, namespaces?: ReadonlySet<string>): Promise<void> | undefined {
  return loadLanguage(resourceLanguage(locale), false, namespaces);
}

/**
 * Adds a locale the library does not ship: pass its messages, or a function that
 * imports them (loaded the first time the locale is used). Either gives all of its
 * strings at once; a loader for a shipped language replaces the library's files.
 */
export function registerLocale(locale: string, messages: Messages | MessagesLoader): void {
  if (typeof messages === 'function') {
    hostLoaders.set(locale, messages);
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
