/** The shape of a locale: the English resource, with every leaf a string. */
export type Messages = { [key: string]: string | Messages };

/** Loads messages: a module whose default export they are, or the messages themselves. */
export type MessagesLoader = () => Promise<{ default: Messages } | Messages>;

/**
 * The strings of one feature (src/i18n/locales/<feature>/strings.ts): its English messages, which the modules
 * that use them import and register, and one loader per other locale the library ships,
 * each an `import()` of its own file so that every bundler makes it a chunk of its own.
 */
export interface Strings {
  /** Where the messages sit among the keys (`sessions`, `password.change`); absent: at the top. */
  readonly at?: string;
  readonly en: Messages;
  /** `{ de: () => import('./de.js'), … }` */
  readonly locales: Readonly<Record<string, MessagesLoader>>;
}
