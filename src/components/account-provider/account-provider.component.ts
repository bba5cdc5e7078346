import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { AccountApi } from '../../api/account-api.js';
import {
  apiContext,
  defaultSettings,
  directionOf,
  reauthContext,
  settingsContext,
  settingsControlContext,
  DEFAULT_API_BASE,
  type AccountSettings,
  type DisplayPreferences,
  type ReauthHandler,
  type SettingsControl,
} from '../../api/context.js';
import { AccountStore, resourceContext, type ResourceSubscription } from '../../api/resource-store.js';
import { resources } from '../../api/resources.js';
import { RestAccountApi, type RestAccountApiOptions } from '../../api/rest-client.js';
import type { DateFormat, Density, Theme, TimeFormat } from '../../api/contract/constants.js';
import { preferencesContract } from '../../api/contract/preferences.js';
import { registerSchemas } from '../../api/validation.js';
import { availableLocales, ensureLocale, resourceLanguage } from '../../i18n/i18n.js';
import { profileContract, type Profile } from '../../api/contract/profile.js';

registerSchemas(preferencesContract, { getProfile: profileContract.getProfile });

/**
 * @summary Not visual. Gives every `dn-` element inside it the API client and the
 * user's settings: locale, theme, density, time zone, date and time format.
 *
 * Simple case, attributes only:
 * ```html
 * <dn-account-provider api-base="/api/account" locale="de" theme="system">
 *   <dn-profile-form></dn-profile-form>
 * </dn-account-provider>
 * ```
 * For a bearer token, a CSRF header or a timeout set `apiOptions`; for a backend
 * that is not REST, set `api` to any object implementing `AccountApi`.
 *
 * Elements with no provider above them use a REST client at `/api/account`,
 * English, the light theme, comfortable density and the browser's time zone.
 *
 * With `load-preferences`, what the user saved wins over the attributes: the display
 * preferences (theme, density, date and time format, as `<dn-preferences>` saves them) and
 * the profile's time zone and language (as `<dn-profile-form>` saves them) replace the
 * attributes' values once they arrive, and again, live, whenever the user saves another
 * choice. Until they arrive, when loading fails, and for a language the page has no strings
 * for, the attributes' values stay. A value the host sets later (its own language switch)
 * holds until the user saves a different one. Without `load-preferences` the attributes
 * rule; listen to `dn-profile-saved` to follow a saved time zone or language yourself.
 * `<dn-preferences>` inside a provider applies each choice to every element at once,
 * through the provider.
 *
 * @slot - The elements (and any host markup) that use these settings.
 *
 * @tagname dn-account-provider
 */
export class DnAccountProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the REST API (the contract in `openapi.json`). Ignored when `api` is set. */
  @property({ attribute: 'api-base' }) apiBase = DEFAULT_API_BASE;

  /** Options for the built-in REST client: bearer-token getter, CSRF header, timeout, retry, fetch. */
  @property({ attribute: false }) apiOptions: Omit<RestAccountApiOptions, 'baseUrl'> = {};

  /** Any `AccountApi` implementation; replaces the REST client built from `api-base`. */
  @property({ attribute: false }) api?: AccountApi;

  /** BCP 47 locale of the UI: `en`, `de`, `es`, `ar` ship; others fall back to English unless registered. */
  @property({ reflect: true }) locale = 'en';

  /** `light`, `dark`, or `system` (follows the operating system, live). */
  @property({ reflect: true }) theme: Theme = 'light';

  /** `comfortable` or `compact` (less spacing; targets stay at least 24 px). */
  @property({ reflect: true }) density: Density = 'comfortable';

  /** IANA time zone for every date and time; defaults to the browser's. */
  @property({ attribute: 'time-zone' }) timeZone = defaultSettings().timeZone;

  /** `auto` (the locale's), `DD/MM/YYYY`, `MM/DD/YYYY`, `YYYY-MM-DD` or `D MMM YYYY`. */
  @property({ attribute: 'date-format' }) dateFormat: DateFormat = 'auto';

  /** `auto` (the locale's), `12h` or `24h`. */
  @property({ attribute: 'time-format' }) timeFormat: TimeFormat = 'auto';

  /**
   * Fetch the user's saved display preferences and profile from the API when connected and
   * apply them (theme, density, date and time format; the profile's time zone and language),
   * then follow every choice the user saves; until they arrive, and if a request fails, the
   * attributes' values stay.
   */
  @property({ type: Boolean, attribute: 'load-preferences' }) loadPreferences = false;

  /**
   * The host's own "Confirm it's you", for the elements inside: when the server asks the user
   * to re-authenticate before a sensitive action, an element calls `reauth.confirm({ methods,
   * api, signal })` and sends the action once more if it resolves `true` (the server accepted
   * the user's password or code, e.g. through `api.reauthenticate()` or a step-up page), or
   * stops quietly, keeping what the user typed, if it resolves `false`. Unset: the shipped
   * `<dn-reauth-dialog>`, loaded the first time it is needed.
   */
  @provide({ context: reauthContext })
  @property({ attribute: false })
  reauth?: ReauthHandler;

  @provide({ context: apiContext }) protected providedApi: AccountApi = new RestAccountApi({ baseUrl: DEFAULT_API_BASE });

  /** The account data its elements share (one cache per API: a new API starts empty). */
  @provide({ context: resourceContext }) protected providedStore: AccountStore = new AccountStore(this.providedApi);

  @provide({ context: settingsContext }) protected providedSettings: AccountSettings = defaultSettings();

  @provide({ context: settingsControlContext }) protected settingsControl: SettingsControl = {
    apply: (update) => this.applyPreferences(update),
  };

  /** Sets the display preferences in `update` (what `<dn-preferences>` uses). */
  applyPreferences(update: Partial<DisplayPreferences>): void {
    if (update.theme !== undefined) this.theme = update.theme;
    if (update.density !== undefined) this.density = update.density;
    if (update.dateFormat !== undefined) this.dateFormat = update.dateFormat;
    if (update.timeFormat !== undefined) this.timeFormat = update.timeFormat;
  }

  /** The store whose saved preferences are applied (with `load-preferences`), and that reading. */
  private preferencesFrom?: AccountStore;
  private preferencesReading?: ResourceSubscription;
  private profileReading?: ResourceSubscription;
  /** The profile's time zone and language as last seen: only a change of them is applied. */
  private savedProfile?: Pick<Profile, 'timezone' | 'language'>;

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page: load the saved preferences again (see `updated`).
    if (this.hasUpdated && this.loadPreferences) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.readPreferences(undefined);
  }

  protected override updated(): void {
    this.readPreferences(this.loadPreferences ? this.providedStore : undefined);
  }

  /**
   * Reads the saved preferences and profile through the store its elements share, so
   * `<dn-preferences>` or `<dn-profile-form>` on the same page sends no second request, and
   * a saved choice reaches every element. When loading fails the attributes' values stay;
   * the elements show their own errors.
   */
  private readPreferences(store: AccountStore | undefined): void {
    if (store === this.preferencesFrom) return;
    this.preferencesReading?.unsubscribe();
    this.profileReading?.unsubscribe();
    this.preferencesFrom = store;
    this.savedProfile = undefined;
    this.preferencesReading = store?.subscribe(resources.preferences.key, resources.preferences.load, (snapshot) => {
      if (snapshot.status === 'complete' && snapshot.value) this.applyPreferences(snapshot.value);
    });
    this.profileReading = store?.subscribe(resources.profile.key, resources.profile.load, (snapshot) => {
      if (snapshot.status === 'complete' && snapshot.value) this.applyProfile(snapshot.value);
    });
  }

  /** The profile's time zone and language, where they changed since last seen (a save of the name changes neither). */
  private applyProfile({ timezone, language }: Profile): void {
    const before = this.savedProfile;
    this.savedProfile = { timezone, language };
    if (timezone && timezone !== before?.timezone) this.timeZone = timezone;
    if (language !== before?.language && availableLocales().includes(resourceLanguage(language))) this.locale = language;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('apiBase') || changed.has('apiOptions')) {
      this.providedApi = this.api ?? new RestAccountApi({ ...this.apiOptions, baseUrl: this.apiBase });
      this.providedStore = new AccountStore(this.providedApi);
    }
    const settingKeys = ['locale', 'theme', 'density', 'timeZone', 'dateFormat', 'timeFormat'] as const;
    if (settingKeys.some((key) => changed.has(key))) {
      void ensureLocale(this.locale);
      this.providedSettings = {
        locale: this.locale,
        dir: directionOf(this.locale),
        theme: this.theme,
        density: this.density,
        timeZone: this.timeZone,
        dateFormat: this.dateFormat,
        timeFormat: this.timeFormat,
      };
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-account-provider': DnAccountProvider;
  }
}
