import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextRoot, consume } from '@lit/context';
import type { TOptions } from 'i18next';
import type { AccountApi } from '../api/account-api.js';
import { apiContext, defaultSettings, settingsContext, type AccountSettings } from '../api/context.js';
import { defaultApi } from '../api/default-api.js';
import { toApiError, type ApiError } from '../api/errors.js';
import { formatRelative } from '../i18n/format.js';
import { baseStyles } from './styles/host.styles.js';
import { LocalizeController } from './localize-controller.js';
import { describeError, handleFailure } from './errors.js';
import { focusWhenRendered } from './focus.js';
import type { Message as MessageType } from './message.js';

/** See ./message.ts; also here for the elements, which import it with `DnElement`. */
export type Message = MessageType;
import type { ResourceController } from './resource-controller.js';

let fallbackSettings: AccountSettings | undefined;
let contextRoot: ContextRoot | undefined;

/**
 * Keeps the context requests of elements that found no provider, and asks again when a
 * provider appears: a `<dn-account-provider>` defined or added after its elements (the
 * single-file bundle defines elements in module order; a host may load the provider's
 * module last) still reaches them. On the document element, once.
 */
function ensureContextRoot(): void {
  if (contextRoot) return;
  contextRoot = new ContextRoot();
  contextRoot.attach(document.documentElement);
}

/**
 * What every `dn-` element shares: the API and settings from the nearest
 * `<dn-account-provider>` (or the documented defaults), `t()` in the user's
 * locale, theme and density reflected for the tokens, an AbortSignal that fires
 * when the element leaves the page, error messages, the polite status region and
 * the loading and error states. Behaviour only some elements need ("Confirm it's
 * you", confirmed destructive actions) is in controllers those elements create.
 *
 * Brand inputs (`--dn-brand-*`, `--dn-font-family`, `--dn-radius`): set them on any ancestor
 * (`:root`, a wrapper, the provider); every token derives from them. Semantic tokens: override
 * one on an element (`dn-profile-form { --dn-color-surface: … }`) to fine-tune.
 *
 * @cssproperty --dn-brand-color - Brand colour: buttons, links, focus, accents (light theme).
 * @cssproperty --dn-brand-color-dark - Brand colour in the dark theme (defaults to a lighter `--dn-brand-color`).
 * @cssproperty --dn-brand-contrast - Text on the brand colour (light theme).
 * @cssproperty --dn-brand-contrast-dark - Text on the brand colour (dark theme).
 * @cssproperty --dn-font-family - Font stack of every element.
 * @cssproperty --dn-radius - Base corner radius; the small, large and pill radii derive from it.

 * @cssproperty --dn-color-surface - Background of the element.
 * @cssproperty --dn-color-surface-raised - Background of raised things (dialogs, menus).
 * @cssproperty --dn-color-surface-sunken - Background of read-only fields and wells.
 * @cssproperty --dn-color-text - Body text.
 * @cssproperty --dn-color-text-muted - Hints and secondary text.
 * @cssproperty --dn-color-border - Borders of fields and cards.
 * @cssproperty --dn-color-border-strong - Borders that must stand out (controls, 3:1 contrast).
 * @cssproperty --dn-color-accent - Primary buttons and links.
 * @cssproperty --dn-color-on-accent - Text on `--dn-color-accent`.
 * @cssproperty --dn-color-danger - Errors and destructive actions.
 * @cssproperty --dn-color-success - Success messages.
 * @cssproperty --dn-color-warning - Warnings.
 * @cssproperty --dn-color-focus - Focus ring colour.
 * @cssproperty --dn-space-1 - Smallest spacing step (`--dn-space-1` … `--dn-space-8`, scaled by density).
 * @cssproperty --dn-control-height - Height of inputs and buttons (never below 24 px).
 * @cssproperty --dn-font-size-md - Body text size (`-xs`, `-sm`, `-lg`, `-xl` also exist).
 * @cssproperty --dn-shadow-md - Elevation of raised surfaces (`-sm`, `-lg` also exist).
 * @cssproperty --dn-duration-normal - Length of transitions (0 s under reduced motion).
 * @cssproperty --dn-avatar-size - Size of avatars.
 * @cssproperty --dn-dialog-width - Width of dialogs.
 * @cssproperty --dn-list-max-block-size - Long lists only (over 200 sessions or devices, windowed) and the sign-in activity list, which loads more as it scrolls: the most they grow before scrolling inside their box. Shorter session and device lists take their full height in the page.
 */
export abstract class DnElement extends LitElement {
  static override styles = baseStyles;

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

  /**
   * The level of the element's heading, 2 to 6: 2 (the default) for a section of a page whose
   * title is its `h1`; 3 when the element sits under a heading of the host's own. Its
   * sub-headings are one level below. The look does not change with the level. Inside
   * `<dn-account-settings>`, that element's `heading-level` applies to every section.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** The polite live region's message: success, for screen readers and on screen. */
  @state() protected announcement?: Message;

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
    // Before super: connecting is when the context consumers ask for a provider.
    ensureContextRoot();
    super.connectedCallback();
    if (this.lifetime.signal.aborted) this.lifetime = new AbortController();
    if (this.skippedUpdate) {
      this.skippedUpdate = false;
      this.requestUpdate();
    }
  }

  /** Where focus goes after the next update (see {@link focusSoon}). */
  private pendingFocus?: { selector: string; fallback: string };

  /**
   * Moves focus to the first match of `selector` in the shadow root after the next update,
   * waiting for windowed lists to render the row; to `fallback` (the heading) when it never
   * appears (e.g. the last row was removed).
   */
  protected focusSoon(selector: string, fallback = '.title'): void {
    this.pendingFocus = { selector, fallback };
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const pending = this.pendingFocus;
    if (pending) {
      this.pendingFocus = undefined;
      void focusWhenRendered(this.renderRoot, pending.selector, () => this.renderRoot.querySelector<HTMLElement>(pending.fallback));
    }
  }

  /** Set when an update was skipped because the element had left the page. */
  private skippedUpdate = false;
  private offPageUpdate = false;

  /**
   * Renders once more although the element has left the page: for taking secrets out of
   * its DOM on removal. Do not use it with templates that start observers (lists).
   */
  protected renderOffPage(): void {
    this.offPageUpdate = true;
    this.requestUpdate();
  }

  /**
   * No rendering off the page: an answer that lands after removal would otherwise build
   * DOM (and start observers, such as the list virtualizer's scroll listener) that
   * nothing ever tears down. The update runs when the element comes back.
   */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    const offPage = this.offPageUpdate;
    this.offPageUpdate = false;
    if (!this.isConnected && this.hasUpdated && !offPage) {
      this.skippedUpdate = true;
      return false;
    }
    return super.shouldUpdate(changed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.lifetime.abort();
  }

  /**
   * Holds the update while the strings it needs in the user's locale are loading (an element
   * opened later on a German page): it renders once, in German, rather than in English first.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = this.localize.loading(this.userSettings.locale);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
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
    return html`<div part="status" class="status" role="status" aria-live="polite">${this.say(this.announcement)}</div>`;
  }

  /** Shows `message` in the status region, announced to screen readers; `undefined` clears it. */
  protected announce(message: Message | undefined): void {
    // Clearing first makes a repeated message announce again.
    this.announcement = undefined;
    if (message) {
      void this.updateComplete.then(() => {
        this.announcement = message;
      });
    }
  }

  /** The words of `message` in the user's language now. */
  protected say(message: Message | undefined | null): string {
    if (!message) return '';
    if (Array.isArray(message)) return message.map((part) => this.say(part)).join(' ');
    if ('text' in message) return message.text;
    const options =
      message.until === undefined ? message.options : { ...message.options, when: formatRelative(message.until, this.userSettings) };
    return this.t(message.key, options);
  }

  /**
   * Normalises a failure; a 401 also tells the host (`dn-unauthorized`) so it
   * can send the user to sign in.
   */
  protected handleFailure(error: unknown): ApiError {
    return handleFailure(this, error);
  }

  /** A sentence the user can act on, for any failure (captured now, translated when shown). */
  protected describeError(error: unknown): Message {
    return describeError(error);
  }

  /** `describeError` in words, for one-off use. */
  protected errorMessage(error: unknown): string {
    return this.say(this.describeError(error));
  }

  /** Loading placeholder: `lines` shimmering bars, hidden from screen readers but announced as busy. */
  protected renderLoading(lines = 3): TemplateResult {
    return html`<div part="loading" class="loading" role="status" aria-busy="true">
      <span class="visually-hidden">${this.t('common.loading')}</span>
      ${Array.from({ length: lines }, () => html`<div class="skeleton" aria-hidden="true"></div>`)}
    </div>`;
  }

  /** The error state with a retry button (none after a 401: the host sends the user to sign in). */
  protected renderLoadError(error: unknown, retry: () => void): TemplateResult {
    const signedOut = toApiError(error).kind === 'unauthorized';
    return html`<div part="error" class="alert danger" role="alert">
      <p>${this.errorMessage(error)}</p>
      ${signedOut ? nothing : html`<button class="button secondary" type="button" @click=${retry}>${this.t('common.retry')}</button>`}
    </div>`;
  }

  /**
   * While `resource`'s data is not there: its loading placeholder (`rows` lines) or its load
   * error with "Try again" (none after a 401). Nothing once it has a value.
   */
  protected renderLoadState(resource: Pick<ResourceController<unknown>, 'hasValue' | 'error' | 'retry'>, rows = 3): unknown {
    if (resource.hasValue) return nothing;
    const error = resource.error;
    return error === undefined ? this.renderLoading(rows) : this.renderLoadError(error, () => void resource.retry());
  }
}
