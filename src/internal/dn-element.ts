import { LitElement, html, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { TOptions } from 'i18next';
import type { AccountApi } from '../api/account-api.js';
import { apiContext, defaultSettings, settingsContext, type AccountSettings } from '../api/context.js';
import { defaultApi } from '../api/default-api.js';
import { ApiError, toApiError } from '../api/errors.js';
import { formatRelative } from '../i18n/format.js';
import { tokens } from '../themes/tokens.js';
import { alertStyles, buttonStyles, hostStyles, skeletonStyles, utilityStyles } from './shared.styles.js';
import { LocalizeController } from './localize-controller.js';
import { emit } from './events.js';
import { confirmIdentity } from './reauth.js';

let fallbackSettings: AccountSettings | undefined;

/**
 * What every `dn-` element shares: the API and settings from the nearest
 * `<dn-account-provider>` (or the documented defaults), `t()` in the user's
 * locale, theme and density reflected for the tokens, an AbortSignal that fires
 * when the element leaves the page, error messages, the polite status region,
 * and "Confirm it's you" around sensitive actions.
 */
export abstract class DnElement extends LitElement {
  static override styles: CSSResultGroup = [tokens, hostStyles, buttonStyles, alertStyles, skeletonStyles, utilityStyles];

  /**
   * The backend. Provided by `<dn-account-provider>`; without one, a REST client
   * for `/api/account` is used. Set it to use another `AccountApi` for this element only.
   */
  @consume({ context: apiContext, subscribe: true })
  @property({ attribute: false })
  api?: AccountApi;

  /**
   * Locale, theme, density, time zone, date and time format. Provided by
   * `<dn-account-provider>`; without one: English, light, comfortable, the
   * browser's time zone, the locale's formats.
   */
  @consume({ context: settingsContext, subscribe: true })
  @property({ attribute: false })
  settings?: AccountSettings;

  /** Text of the polite live region: success messages for screen readers (and on screen). */
  @state() protected announcement = '';

  protected readonly localize = new LocalizeController(this);
  private lifetime = new AbortController();

  /** The API in use (provided, set, or default). */
  protected get accountApi(): AccountApi {
    return this.api ?? defaultApi();
  }

  /** The settings in use (provided, set, or default). */
  protected get userSettings(): AccountSettings {
    return this.settings ?? (fallbackSettings ??= defaultSettings());
  }

  /** Aborted when the element leaves the page: pass it to every request. */
  protected get signal(): AbortSignal {
    return this.lifetime.signal;
  }

  protected t(key: string, options?: TOptions): string {
    return this.localize.t(key, options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.lifetime.signal.aborted) this.lifetime = new AbortController();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.lifetime.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const settings = this.userSettings;
    this.localize.setLocale(settings.locale);
    this.setAttribute('data-dn-theme', settings.theme);
    this.setAttribute('data-dn-density', settings.density);
    if (this.settings) {
      // Only a provider (or a host) decides the language; a lone element keeps the page's.
      this.lang = settings.locale;
      this.dir = settings.dir;
    }
  }

  /** Polite live region; render it once in every element's template. */
  protected renderStatus(): TemplateResult {
    return html`<div part="status" class="status" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  /** Shows `message` in the status region, announced to screen readers. */
  protected announce(message: string): void {
    // Clearing first makes a repeated message announce again.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = message;
    });
  }

  /**
   * Normalises a failure; a 401 also tells the host (`dn-unauthorized`) so it
   * can send the user to sign in.
   */
  protected handleFailure(error: unknown): ApiError {
    const apiError = toApiError(error);
    if (apiError.kind === 'unauthorized') emit(this, 'dn-unauthorized', { error: apiError });
    return apiError;
  }

  /** A sentence the user can act on, for any failure. */
  protected errorMessage(error: unknown): string {
    const e = toApiError(error);
    switch (e.kind) {
      case 'rate-limited':
        return e.retryAfter
          ? this.t('errors.rateLimitedFor', {
              when: formatRelative(Date.now() + e.retryAfter * 1000, this.userSettings),
            })
          : this.t('errors.rateLimited');
      case 'validation': {
        // Field messages no field on screen shows, or the server's own sentence.
        const messages = [...new Set(Object.values(e.fieldErrors))];
        return messages.length > 0 ? messages.join(' ') : (e.problem?.detail ?? this.t('errors.validation'));
      }
      default:
        return this.t(`errors.${camel(e.kind)}`);
    }
  }

  /** Loading placeholder: `lines` shimmering bars, hidden from screen readers but announced as busy. */
  protected renderLoading(lines = 3): TemplateResult {
    return html`<div part="loading" class="loading" role="status" aria-busy="true">
      <span class="visually-hidden">${this.t('common.loading')}</span>
      ${Array.from({ length: lines }, () => html`<div class="skeleton" aria-hidden="true"></div>`)}
    </div>`;
  }

  /** The error state with a retry button. */
  protected renderLoadError(error: unknown, retry: () => void): TemplateResult {
    return html`<div part="error" class="alert danger" role="alert">
      <p>${this.errorMessage(error)}</p>
      <button class="button secondary" type="button" @click=${retry}>${this.t('common.retry')}</button>
    </div>`;
  }

  /**
   * Runs a sensitive action; when the server asks to re-authenticate, opens
   * "Confirm it's you" and runs it once more. Rejects with kind `aborted` when
   * the user closes the dialog, so the element keeps what they typed and says nothing.
   */
  protected async withReauth<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.kind !== 'reauth-required') throw apiError;
      const confirmed = await confirmIdentity(this, { methods: apiError.methods, api: this.accountApi });
      if (!confirmed) throw new ApiError('aborted', 'Re-authentication cancelled');
      return action();
    }
  }
}

function camel(kind: string): string {
  return kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
