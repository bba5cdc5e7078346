import { createContext } from '@lit/context';
import type { AccountApi } from './account-api.js';
import type { ReauthMethod } from './errors.js';
import type { DateFormat, Density, Theme, TimeFormat } from './contract/constants.js';

/**
 * The user's display settings, provided by `<dn-account-provider>` to every `dn-`
 * element below it.
 */
export interface AccountSettings {
  /** BCP 47 locale of the UI, e.g. `en`, `de`, `ar`. */
  locale: string;
  /** Writing direction of `locale`. */
  dir: 'ltr' | 'rtl';
  theme: Theme;
  density: Density;
  /** IANA time zone dates and times are shown in. */
  timeZone: string;
  dateFormat: DateFormat;
  timeFormat: TimeFormat;
}

/** The settings a user chooses in `<dn-preferences>` and saves to their account. */
export type DisplayPreferences = Pick<AccountSettings, 'theme' | 'density' | 'dateFormat' | 'timeFormat'>;

/**
 * Lets an element below `<dn-account-provider>` change display preferences for the
 * whole page at once (`<dn-preferences>` applies a choice before saving it, and puts
 * the old value back when the save fails).
 */
export interface SettingsControl {
  /** Applies `update` to every `dn-` element under the provider. */
  apply(update: Partial<DisplayPreferences>): void;
}

/** The `AccountApi` every element talks to. */
export const apiContext = createContext<AccountApi>(Symbol.for('dn-account-api'));

/** Locale, theme, density, time zone, date and time format. */
export const settingsContext = createContext<AccountSettings>(Symbol.for('dn-account-settings'));

/** Provided by `<dn-account-provider>`: see {@link SettingsControl}. */
export const settingsControlContext = createContext<SettingsControl>(Symbol.for('dn-settings-control'));

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'yi', 'dv', 'ckb']);

/** `rtl` for right-to-left languages. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/**
 * What an element uses with no provider above it: English, light theme,
 * comfortable density, the browser's time zone, locale-default date and time formats.
 */
export function defaultSettings(): AccountSettings {
  return {
    locale: 'en',
    dir: 'ltr',
    theme: 'light',
    density: 'comfortable',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    dateFormat: 'auto',
    timeFormat: 'auto',
  };
}

/** Base URL of the REST API an element uses with no provider above it. */
export const DEFAULT_API_BASE = '/api/account';

/** What an element asks a {@link ReauthHandler} when the server wants the user to confirm it's them. */
export interface ReauthChallenge {
  /** Methods the server accepts (`password`, `totp`, `passkey`), the one to offer first leading. */
  methods: readonly ReauthMethod[];
  /** The API of the asking element: `reauthenticate()` sends the password or code. */
  api: AccountApi;
  /** Aborted when the asking element leaves the page: stop waiting and answer `false`. */
  signal: AbortSignal;
}

/**
 * A host's own "Confirm it's you" flow, set as `reauth` on `<dn-account-provider>`: its own
 * modal, or a redirect to a step-up page.
 */
export interface ReauthHandler {
  /**
   * Resolves `true` once the server has accepted the user's password or code (the element
   * then sends its request once more), `false` when the user did not confirm (the element
   * keeps what they typed and says nothing). A rejection is shown as the request's own error.
   */
  confirm(challenge: ReauthChallenge): Promise<boolean>;
}

/** Provided by `<dn-account-provider>` when its `reauth` is set: see {@link ReauthHandler}. */
export const reauthContext = createContext<ReauthHandler | undefined>(Symbol.for('dn-reauth-handler'));
