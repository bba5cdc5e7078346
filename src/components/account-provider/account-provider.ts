import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { AccountApi } from '../../api/account-api.js';
import { apiContext, defaultSettings, directionOf, settingsContext, DEFAULT_API_BASE, type AccountSettings } from '../../api/context.js';
import { RestAccountApi, type RestAccountApiOptions } from '../../api/rest-client.js';
import type { DateFormat, Density, Theme, TimeFormat } from '../../api/schemas.js';
import { ensureLocale } from '../../i18n/i18n.js';

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
 * @slot - The elements (and any host markup) that use these settings.
 */
@customElement('dn-account-provider')
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

  @provide({ context: apiContext }) protected providedApi: AccountApi = new RestAccountApi({ baseUrl: DEFAULT_API_BASE });

  @provide({ context: settingsContext }) protected providedSettings: AccountSettings = defaultSettings();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('apiBase') || changed.has('apiOptions')) {
      this.providedApi = this.api ?? new RestAccountApi({ ...this.apiOptions, baseUrl: this.apiBase });
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
