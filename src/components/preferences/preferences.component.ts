import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { consume } from '@lit/context';
import { resources } from '../../api/resources.js';
import { settingsControlContext, type AccountSettings, type SettingsControl } from '../../api/context.js';
import type { ApiError } from '../../api/errors.js';
import { DATE_FORMATS, THEMES, TIME_FORMATS, type DateFormat, type Theme, type TimeFormat } from '../../api/contract/constants.js';
import { preferencesContract, type Preferences } from '../../api/contract/preferences.js';
import { registerSchemas } from '../../api/validation.js';
import { formatDate, formatDateTime, formatTime } from '../../i18n/format.js';
import { registerStrings } from '../../i18n/i18n.js';
import preferenceStrings from '../../i18n/locales/preferences/strings.js';
import { RefreshController } from '../../internal/device.js';
import { DnElement, type Message } from '../../internal/dn-element.js';
import { heading } from '../../internal/heading.js';
import { baseStyles } from '../../internal/styles/host.styles.js';
import { buttonStyles } from '../../internal/styles/buttons.styles.js';
import { alertStyles } from '../../internal/styles/alerts.styles.js';
import { skeletonStyles } from '../../internal/styles/skeleton.styles.js';
import { layoutStyles } from '../../internal/styles/layout.styles.js';
import { visuallyHiddenStyles } from '../../internal/styles/utility.styles.js';
import { fieldStyles } from '../../internal/styles/fields.styles.js';
import { choiceStyles } from '../../internal/styles/choices.styles.js';
import { switchStyles } from '../../internal/styles/switch.styles.js';
import { ResourceController } from '../../internal/resource-controller.js';
import { emit } from '../../internal/events.js';
import { spinner } from '../../internal/controls.js';
import { styles } from './preferences.styles.js';

registerStrings(preferenceStrings);
registerSchemas(preferencesContract);

type Key = keyof Preferences;

/** The preferences, in the order the form shows them. */
const KEYS: readonly Key[] = ['theme', 'density', 'dateFormat', 'timeFormat'];

const THEME_LABELS: Record<Theme, string> = {
  light: 'preferences.themeLight',
  dark: 'preferences.themeDark',
  system: 'preferences.themeSystem',
};

const DATE_LABELS: Record<DateFormat, string> = {
  auto: 'preferences.dateAuto',
  'DD/MM/YYYY': 'preferences.dateDayMonthYear',
  'MM/DD/YYYY': 'preferences.dateMonthDayYear',
  'YYYY-MM-DD': 'preferences.dateYearMonthDay',
  'D MMM YYYY': 'preferences.dateDayMonthNameYear',
};

const TIME_LABELS: Record<TimeFormat, string> = {
  auto: 'preferences.timeAuto',
  '12h': 'preferences.time12h',
  '24h': 'preferences.time24h',
};

/** Failures after which sending the next queued change at once is pointless: it is rolled back too. */
const STOPS_THE_QUEUE: readonly ApiError['kind'][] = ['unauthorized', 'rate-limited'];

const keysOf = (update: Partial<Preferences>): Key[] => KEYS.filter((key) => update[key] !== undefined);

function put(target: Partial<Preferences>, key: Key, value: Preferences[Key] | undefined): void {
  if (value !== undefined) (target as Record<Key, Preferences[Key]>)[key] = value;
}

function without<T extends object>(source: T, keys: readonly PropertyKey[]): T {
  const copy = { ...source };
  for (const key of keys) delete copy[key as keyof T];
  return copy;
}

const isOneOf = <T extends string>(allowed: readonly T[], value: string): value is T => (allowed as readonly string[]).includes(value);

/**
 * @summary Display preferences: theme (light, dark or following the device), compact
 * mode, date format and 12 / 24-hour time, with a preview of a date and time in the
 * chosen formats.
 *
 * There is no Save button. A choice applies at once to every `dn-` element under the
 * same `<dn-account-provider>` (through its settings control, no reload), then is saved.
 * Saves go one request at a time, in order; choices made while one is under way are
 * combined into the next request, and a choice undone before it was sent sends nothing.
 * The controls stay usable meanwhile: the group being saved is `aria-busy` and says
 * "Saving…". A save that fails puts the previous value back, on the page and in the
 * form, with a message next to the setting; focus stays where it was. After a 401 or a
 * 429 the changes still waiting are put back too (the 429 message says when to try again).
 *
 * **When it loads**, the saved preferences win: any that differ from what the page
 * shows are applied (not saved again), so the form never shows one thing while the page
 * renders another. Afterwards, when the provider's settings change from elsewhere (a
 * host's own toolbar setting the provider's `theme`), the form follows them without
 * saving.
 *
 * **Without a provider** above it, the element still saves and emits, but a choice
 * applies to the element itself only: listen to `dn-preferences-changed` and apply
 * `detail.preferences` to the rest of the page.
 *
 * @event dn-preferences-changed - A save went through. `detail.preferences`: the server's preferences
 * afterwards; `detail.changed`: the preferences this save sent.
 * @event dn-unauthorized - The backend answered 401: send the user to sign in.
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart intro - The sentence under the heading.
 * @csspart form - The settings and the preview.
 * @csspart group - One setting with its label, hint, "Saving…" and error (also `theme`, `density`, `date-format` or `time-format`).
 * @csspart theme - The theme setting (a `<fieldset>` of radio buttons).
 * @csspart density - The compact mode setting.
 * @csspart date-format - The date format setting.
 * @csspart time-format - The time format setting (a `<fieldset>` of radio buttons).
 * @csspart legend - The name of a setting (a `<legend>` or `<label>`).
 * @csspart options - The radio buttons of the theme, date format or time format setting.
 * @csspart option - One radio button with its label.
 * @csspart switch - The compact mode switch (`<input type="checkbox" role="switch">`).
 * @csspart hint - What a setting or an option does.
 * @csspart saving - "Saving…" next to a setting while it is saved.
 * @csspart save-error - Why a setting was not saved (it is back to its previous value).
 * @csspart preview - The preview box: now, in the chosen formats, time zone and language.
 * @csspart preview-label - "Preview".
 * @csspart preview-value - The date and time in the chosen formats.
 * @csspart preview-hint - What the preview shows, with the time zone.
 * @csspart status - The polite live region ("Preferences saved.").
 * @csspart loading - The loading placeholder.
 * @csspart error - The load error with its retry button.
 *
 * @tagname dn-preferences
 */
export class DnPreferences extends DnElement {
  static override styles = [...baseStyles, buttonStyles, alertStyles, skeletonStyles, layoutStyles, visuallyHiddenStyles, fieldStyles, choiceStyles, switchStyles, styles];

  /**
   * Applies a choice to every element under the provider. Provided by
   * `<dn-account-provider>`; without one, choices apply to this element only.
   */
  @consume({ context: settingsControlContext, subscribe: true })
  @property({ attribute: false })
  settingsControl?: SettingsControl;

  /** Choices the server has not confirmed yet (sent or waiting): what the form shows for them. */
  @state() private desired: Partial<Preferences> = {};
  /** Why a setting was not saved, until the user changes it again. */
  @state() private errors: Partial<Record<Key, Message>> = {};
  /** With no provider: the choices applied to this element only. */
  @state() private own: Partial<Preferences> = {};

  /** Per pending choice: the value to put back when it fails (the one before it, or the last one saved). */
  private rollback: Partial<Preferences> = {};
  /** The running save queue, if any (see {@link drain}). */
  private draining?: Promise<void>;

  /** Keeps the preview's "now" current. */
  protected readonly refresh = new RefreshController(this);

  /** The server's preferences: the last answer to the load or a save, shared with every reader on the page. */
  private readonly savedResource = new ResourceController(this, {
    resource: () => resources.preferences,
    failed: (error) => this.handleFailure(error),
    changed: (saved, _previous, own) => {
      if (own) return;
      // The saved choice wins over what the page shows (see the class documentation).
      const current = this.userSettings;
      const differing: Partial<Preferences> = {};
      for (const key of KEYS) if (!(key in this.desired) && saved[key] !== current[key]) put(differing, key, saved[key]);
      this.apply(differing);
    },
  });

  private get saved(): Preferences | undefined {
    return this.savedResource.value;
  }

  private set saved(saved: Preferences) {
    this.savedResource.set(saved);
  }

  /** With no provider, this element's own choices on top of its settings. */
  protected override get userSettings(): AccountSettings {
    const settings = super.userSettings;
    return this.settingsControl ? settings : { ...settings, ...this.own };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) return;
    // Back on the page: carry on where the element left off (a load cut short starts again by itself).
    if (this.saved && keysOf(this.desired).length > 0) void this.drain();
  }

  override render() {
    const saved = this.saved;
    return html`<section part="base" class="stack" aria-labelledby="title">
      ${heading(this.headingLevel, this.t('preferences.title'), { id: 'title', part: 'title', focusable: true })}
      ${saved
        ? html`<p part="intro" class="muted">${this.t('preferences.intro')}</p>
            <div part="form" class="form">
              ${this.renderTheme()}${this.renderDensity()}${this.renderDateFormat()}${this.renderTimeFormat()}${this.renderPreview()}
            </div>`
        : this.renderLoadState(this.savedResource, 5)}
      ${this.renderStatus()}
    </section>`;
  }

  // ——— Rendering ———

  private renderTheme(): TemplateResult {
    const shown = this.shown('theme');
    return html`<fieldset part="group theme" class="group" aria-busy=${this.busy('theme')}>
      <legend part="legend" class="legend">${this.t('preferences.theme')}</legend>
      <div part="options" class="options row-options">
        ${THEMES.map(
          (theme) => html`<label part="option" class="option">
            <input
              type="radio"
              name="theme"
              value=${theme}
              .checked=${live(theme === shown)}
              aria-describedby=${this.describedBy('theme', theme === 'system' ? 'theme-hint' : undefined)}
              @change=${this.handleThemeChange}
            />
            <span>${this.t(THEME_LABELS[theme])}</span>
          </label>`,
        )}
      </div>
      <p id="theme-hint" part="hint" class="hint">${this.t('preferences.themeSystemHint')}</p>
      ${this.renderProgress('theme')}
    </fieldset>`;
  }

  private renderDensity(): TemplateResult {
    const compact = this.shown('density') === 'compact';
    return html`<div part="group density" class="group" aria-busy=${this.busy('density')}>
      <div class="switch-row">
        <input
          id="density"
          part="switch"
          class="switch"
          type="checkbox"
          role="switch"
          .checked=${live(compact)}
          aria-checked=${compact ? 'true' : 'false'}
          aria-describedby=${this.describedBy('density', 'density-hint')}
          @change=${this.handleDensityChange}
        />
        <label for="density" part="legend" class="legend">${this.t('preferences.density')}</label>
      </div>
      <p id="density-hint" part="hint" class="hint">${this.t('preferences.densityHint')}</p>
      ${this.renderProgress('density')}
    </div>`;
  }

  /** Radio buttons, not a `<select>`: each label (today's date in its format) wraps on a narrow screen instead of being cut off. */
  private renderDateFormat(): TemplateResult {
    const shown = this.shown('dateFormat');
    const settings = this.pendingSettings;
    const today = Date.now();
    return html`<fieldset part="group date-format" class="group" aria-busy=${this.busy('dateFormat')}>
      <legend part="legend" class="legend">${this.t('preferences.dateFormat')}</legend>
      <div part="options" class="options">
        ${DATE_FORMATS.map(
          (format) => html`<label part="option" class="option">
            <input
              type="radio"
              name="date-format"
              value=${format}
              .checked=${live(format === shown)}
              aria-describedby=${this.describedBy('dateFormat')}
              @change=${this.handleDateFormatChange}
            />
            <span>${this.t(DATE_LABELS[format], { example: formatDate(today, { ...settings, dateFormat: format }) })}</span>
          </label>`,
        )}
      </div>
      ${this.renderProgress('dateFormat')}
    </fieldset>`;
  }

  private renderTimeFormat(): TemplateResult {
    const shown = this.shown('timeFormat');
    const { locale } = this.pendingSettings;
    // An afternoon time (16:05), so 12-hour and 24-hour read differently; the zone does not matter here.
    const sample = new Date();
    sample.setUTCHours(16, 5, 0, 0);
    return html`<fieldset part="group time-format" class="group" aria-busy=${this.busy('timeFormat')}>
      <legend part="legend" class="legend">${this.t('preferences.timeFormat')}</legend>
      <div part="options" class="options">
        ${TIME_FORMATS.map(
          (format) => html`<label part="option" class="option">
            <input
              type="radio"
              name="time-format"
              value=${format}
              .checked=${live(format === shown)}
              aria-describedby=${this.describedBy('timeFormat')}
              @change=${this.handleTimeFormatChange}
            />
            <span>${this.t(TIME_LABELS[format], { example: formatTime(sample, { locale, timeZone: 'UTC', timeFormat: format }) })}</span>
          </label>`,
        )}
      </div>
      ${this.renderProgress('timeFormat')}
    </fieldset>`;
  }

  private renderPreview(): TemplateResult {
    const settings = this.pendingSettings;
    const now = new Date();
    return html`<div part="preview" class="preview" role="group" aria-labelledby="preview-label">
      <p id="preview-label" part="preview-label" class="preview-label">${this.t('preferences.preview')}</p>
      <p part="preview-value" class="preview-value"><time datetime=${now.toISOString()}>${formatDateTime(now, settings)}</time></p>
      <p part="preview-hint" class="hint">${this.t('preferences.previewHint', { zone: settings.timeZone })}</p>
    </div>`;
  }

  /** "Saving…" while `key` is pending, and why its last save failed. */
  private renderProgress(key: Key): TemplateResult {
    const error = this.errors[key];
    return html`${key in this.desired
      ? html`<span part="saving" class="saving muted">${spinner}${this.t('preferences.saving')}</span>`
      : nothing}
    ${error ? html`<p id=${this.errorId(key)} part="save-error" class="error" role="alert">${this.say(error)}</p>` : nothing}`;
  }

  private errorId(key: Key): string {
    return `${key}-error`;
  }

  private describedBy(key: Key, hint?: string): string | typeof nothing {
    const ids = [hint, this.errors[key] ? this.errorId(key) : undefined].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : nothing;
  }

  private busy(key: Key): 'true' | 'false' {
    return key in this.desired ? 'true' : 'false';
  }

  /** What the form shows for `key`: the pending choice, else what the page uses. */
  private shown<K extends Key>(key: K): Preferences[K] {
    return (this.desired[key] ?? this.userSettings[key]) as Preferences[K];
  }

  /** The settings with the pending choices: for the examples and the preview, before the provider re-renders. */
  private get pendingSettings(): AccountSettings {
    return { ...this.userSettings, ...this.desired };
  }

  // ——— Choices ———

  private readonly handleThemeChange = (event: Event): void => {
    const { value } = event.target as HTMLInputElement;
    if (isOneOf(THEMES, value)) this.choose('theme', value);
  };

  private readonly handleDensityChange = (event: Event): void => {
    this.choose('density', (event.target as HTMLInputElement).checked ? 'compact' : 'comfortable');
  };

  private readonly handleDateFormatChange = (event: Event): void => {
    const { value } = event.target as HTMLInputElement;
    if (isOneOf(DATE_FORMATS, value)) this.choose('dateFormat', value);
  };

  private readonly handleTimeFormatChange = (event: Event): void => {
    const { value } = event.target as HTMLInputElement;
    if (isOneOf(TIME_FORMATS, value)) this.choose('timeFormat', value);
  };

  /** Applies the user's choice at once and lets the save queue send it. */
  private choose<K extends Key>(key: K, value: Preferences[K]): void {
    if (!this.saved || this.shown(key) === value) return;
    if (!(key in this.rollback)) put(this.rollback, key, this.shown(key));
    this.desired = { ...this.desired, [key]: value };
    this.errors = without(this.errors, [key]);
    this.announce(undefined);
    this.apply({ [key]: value });
    void this.drain();
  }

  /** Shows `update` on every element under the provider, or on this element alone without one. */
  private apply(update: Partial<Preferences>): void {
    if (keysOf(update).length === 0) return;
    if (this.settingsControl) this.settingsControl.apply(update);
    else this.own = { ...this.own, ...update };
  }

  // ——— The save queue ———

  /** Starts the save queue unless it runs already; resolves once it is empty. */
  private drain(): Promise<void> {
    return (this.draining ??= this.runQueue().finally(() => {
      this.draining = undefined;
    }));
  }

  /**
   * Sends the pending choices, one request at a time: each request carries every choice
   * that differs from the server's when it leaves, so quick changes are combined and a
   * choice undone meanwhile sends nothing.
   */
  private async runQueue(): Promise<void> {
    for (;;) {
      const update = this.pendingUpdate();
      if (keysOf(update).length === 0) return;
      let answer: Preferences;
      try {
        answer = await this.accountApi.updatePreferences(update, { signal: this.signal });
      } catch (error) {
        const apiError = this.handleFailure(error);
        // Left the page: the choices stay pending and are sent when the element comes back.
        if (apiError.kind === 'aborted') return;
        const stop = STOPS_THE_QUEUE.includes(apiError.kind);
        this.failed(update, apiError, stop);
        if (stop) return;
        continue;
      }
      this.succeeded(update, answer);
    }
  }

  /** The pending choices that differ from the server's; drops those that match it. */
  private pendingUpdate(): Partial<Preferences> {
    const saved = this.saved;
    const update: Partial<Preferences> = {};
    if (!saved) return update;
    const settled = keysOf(this.desired).filter((key) => this.desired[key] === saved[key]);
    if (settled.length > 0) {
      this.desired = without(this.desired, settled);
      this.rollback = without(this.rollback, settled);
    }
    for (const key of keysOf(this.desired)) put(update, key, this.desired[key]);
    return update;
  }

  private succeeded(sent: Partial<Preferences>, answer: Preferences): void {
    this.saved = answer;
    const done: Key[] = [];
    const corrected: Partial<Preferences> = {};
    for (const key of keysOf(sent)) {
      if (this.desired[key] === sent[key]) {
        done.push(key);
        // The server stored something else (it normalised the value): show what it has.
        if (answer[key] !== sent[key]) put(corrected, key, answer[key]);
      } else {
        // A newer choice is waiting; should it fail, this saved value comes back.
        put(this.rollback, key, answer[key]);
      }
    }
    this.desired = without(this.desired, done);
    this.rollback = without(this.rollback, done);
    this.apply(corrected);
    this.announce({ key: 'preferences.saved' });
    emit(this, 'dn-preferences-changed', { preferences: answer, changed: keysOf(sent) });
  }

  /**
   * Puts back the choices of a failed request (those the user has not changed again since)
   * — with `everything`, every pending choice — and says why next to each setting.
   */
  private failed(sent: Partial<Preferences>, error: ApiError, everything: boolean): void {
    const message: Message = [{ key: 'preferences.notSaved' }, this.describeError(error)];
    const keys = everything ? keysOf(this.desired) : keysOf(sent).filter((key) => this.desired[key] === sent[key]);
    const restore: Partial<Preferences> = {};
    const errors = { ...this.errors };
    for (const key of keys) {
      put(restore, key, this.rollback[key] ?? this.saved?.[key]);
      errors[key] = message;
    }
    this.desired = without(this.desired, keys);
    this.rollback = without(this.rollback, keys);
    this.errors = errors;
    this.apply(restore);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-preferences': DnPreferences;
  }
}
