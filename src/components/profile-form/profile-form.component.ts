import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { resources } from '../../api/resources.js';
import { BIO_MAX, COMPANY_MAX, DISPLAY_NAME_MAX, DISPLAY_NAME_MIN, PHONE_PATTERN, PLAIN_LINE_PATTERN } from '../../api/contract/constants.js';
import { profileContract, type Profile, type ProfileUpdate } from '../../api/contract/profile.js';
import { registerSchemas } from '../../api/validation.js';
import { availableLocales, registerStrings } from '../../i18n/i18n.js';
import profileStrings from '../../i18n/locales/profile/strings.js';
import emailChangeStrings from '../../i18n/locales/email-change/strings.js';
import { formatNumber } from '../../i18n/format.js';
import { DnElement, type Message } from '../../internal/dn-element.js';
import { heading } from '../../internal/heading.js';
import { baseStyles } from '../../internal/styles/host.styles.js';
import { buttonStyles } from '../../internal/styles/buttons.styles.js';
import { alertStyles } from '../../internal/styles/alerts.styles.js';
import { skeletonStyles } from '../../internal/styles/skeleton.styles.js';
import { layoutStyles } from '../../internal/styles/layout.styles.js';
import { visuallyHiddenStyles } from '../../internal/styles/utility.styles.js';
import { fieldStyles } from '../../internal/styles/fields.styles.js';
import { ResourceController } from '../../internal/resource-controller.js';
import { emit } from '../../internal/events.js';
import { LightDomController } from '../../internal/light-dom.js';
import { renderBusyButton } from '../../internal/controls.js';
import { styles } from './profile-form.styles.js';
import { AvatarUploadController } from './avatar-upload.js';

registerStrings(profileStrings, emailChangeStrings);
registerSchemas(profileContract);

/** The editable fields, as the form holds them (strings, trimmed on save). */
interface Fields {
  displayName: string;
  phone: string;
  timezone: string;
  language: string;
  company: string;
  bio: string;
}
type FieldName = keyof Fields;

// Module state sits above the class: defining the element upgrades tags already in the page at once.
let zones: string[] | undefined;

const FIELD_ORDER: FieldName[] = ['displayName', 'phone', 'timezone', 'language', 'company', 'bio'];

/**
 * @summary The user's profile: avatar, display name, email (with the change-email
 * flow), phone, time zone, language, company and bio.
 *
 * Save is offered only when something changed; each invalid field says why next
 * to it; a failed save keeps every edit. The avatar uploads as soon as it is
 * chosen (JPG, PNG or WebP by content and decoded before it is sent, at most 2 MB) with a progress bar, and can
 * be removed.
 *
 * @event dn-profile-saved - The profile was saved. `detail.profile`, `detail.changed` (field names).
 * @event dn-avatar-uploaded - A new avatar was uploaded. `detail.profile`.
 * @event dn-avatar-removed - The avatar was removed. `detail.profile`.
 * @event dn-email-change-requested - Bubbles from the embedded `<dn-email-change>`.
 * @event dn-email-changed - Bubbles from the embedded `<dn-email-change>` when the new address is verified.
 * @event dn-unauthorized - The backend answered 401: send the user to sign in.
 *
 * @csspart form - The `<form>`.
 * @csspart header - Title and description.
 * @csspart avatar - The avatar block: image, buttons, hint, progress.
 * @csspart avatar-image - The circular image (or initials).
 * @csspart field - Each label + control + message group.
 * @csspart email-change - The panel that holds `<dn-email-change>` (a loading placeholder while its code loads, the first time).
 * @csspart actions - The row with Save and Discard.
 * @csspart save-button - The Save button.
 * @csspart status - The polite live region with success messages.
 * @csspart loading - The loading placeholder.
 * @csspart error - The load error with its retry button.
 *
 * @slot email-change - Filled by the element itself with `<dn-email-change>` (in the light DOM, so password managers can fill its password field).
 *
 * @tagname dn-profile-form
 */
export class DnProfileForm extends DnElement {
  static override styles = [...baseStyles, buttonStyles, alertStyles, skeletonStyles, layoutStyles, visuallyHiddenStyles, fieldStyles, styles];

  /**
   * Imports (defines) `<dn-email-change>`: a dynamic `import()` of its module, the first
   * time "Change email" opens (most visits never change the address). Replace it to load
   * it from elsewhere (or, in tests, to fail).
   */
  static loadEmailChange: () => Promise<unknown> = () => import('../email-change/email-change.js');

  @state() private draft?: Fields;
  @state() private errors: Partial<Record<FieldName, Message>> = {};
  @state() private saving = false;
  @state() private saveError?: Message;
  @state() private emailChangeOpen = false;
  /** `<dn-email-change>` is being imported, or its import failed (the error). */
  @state() private emailChangeLoad?: { error?: unknown };

  private readonly light = new LightDomController(this, 'email-change');
  private readonly timeZones = supportedTimeZones();
  /** The avatar: pick, check, preview, upload, remove. */
  private readonly avatar = new AvatarUploadController(this, {
    api: () => this.accountApi,
    signal: () => this.signal,
    t: (key, options) => this.t(key, options),
    say: (message) => this.say(message),
    settings: () => this.userSettings,
    announce: (message) => this.announce(message),
    failed: (error) => this.handleFailure(error),
    describe: (error) => this.describeError(error),
    root: () => this.renderRoot,
    profile: () => this.profile,
    saved: (profile) => {
      this.profile = profile;
    },
  });

  /** The profile, shared with every reader on the page. */
  private readonly profileResource = new ResourceController(this, {
    resource: () => resources.profile,
    failed: (error) => this.handleFailure(error),
    changed: (profile) => {
      // A reload (another API, a retry, a change elsewhere on the page) must not throw away what the user typed.
      if (!this.draft || !this.isDirty) this.draft = fieldsOf(profile);
    },
  });

  private get profile(): Profile | undefined {
    return this.profileResource.value;
  }

  /** Writes through the store: every reader of the profile shows the change. */
  private set profile(profile: Profile) {
    this.profileResource.set(profile);
  }

  constructor() {
    super();
    this.addEventListener('dn-email-changed', (event) => {
      if (this.profile) this.profile = { ...this.profile, email: event.detail.email };
      // The panel closes with the element that noticed; the form says it instead.
      this.emailChangeOpen = false;
      this.announce({ key: 'emailChange.changed', options: { email: event.detail.email } });
    });
  }

  /** Whether the form holds edits that are not saved. */
  get isDirty(): boolean {
    return Object.keys(this.changes()).length > 0;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.light.render(
      this.emailChangeOpen && this.profile
        ? html`<dn-email-change current-email=${this.profile.email}></dn-email-change>`
        : null,
    );
  }

  override render() {
    return html`${this.profile ? this.renderForm() : this.renderLoadState(this.profileResource, 6)}${this.renderStatus()}`;
  }

  private renderForm(): TemplateResult {
    const profile = this.profile!;
    const draft = this.draft!;
    const dirty = this.isDirty;
    return html`<form part="form" class="form" novalidate @submit=${this.handleSubmit}>
      <header part="header">
        ${heading(this.headingLevel, this.t('profile.title'))}
        <p class="muted">${this.t('profile.description')}</p>
      </header>
      ${this.avatar.render(profile)}
      ${this.renderInput('displayName', { autocomplete: 'name', hint: this.t('profile.displayNameHint'), required: true })}
      <div part="field" class="field">
        <label for="email">${this.t('profile.email')}</label>
        <div class="row">
          <textarea id="email" class="input email" rows="1" dir="auto" .value=${profile.email} readonly aria-describedby="email-hint"></textarea>
          <button
            class="button secondary"
            type="button"
            aria-expanded=${this.emailChangeOpen ? 'true' : 'false'}
            aria-controls="email-change"
            @click=${this.toggleEmailChange}
          >
            ${this.emailChangeOpen ? this.t('profile.keepEmail') : this.t('profile.changeEmail')}
          </button>
        </div>
        <p id="email-hint" class="hint">${this.t('profile.emailHint')}</p>
      </div>
      <div id="email-change" part="email-change" class="email-change" ?hidden=${!this.emailChangeOpen}>
        ${this.emailChangeOpen && this.emailChangeLoad ? this.renderEmailChangeLoad(this.emailChangeLoad) : nothing}
        <slot name="email-change"></slot>
      </div>
      ${this.renderInput('phone', { type: 'tel', autocomplete: 'tel', hint: this.t('profile.phoneHint') })}
      ${this.renderTimezone(draft)} ${this.renderLanguage(draft)}
      ${this.renderInput('company', { autocomplete: 'organization' })} ${this.renderBio(draft)}
      ${this.saveError ? html`<div class="alert danger" role="alert">${this.say(this.saveError)}</div>` : nothing}
      <div part="actions" class="actions">
        ${dirty
          ? html`<button class="button secondary" type="button" @click=${this.handleDiscard}>${this.t('common.discard')}</button>`
          : nothing}
        ${renderBusyButton({
          part: 'save-button',
          variant: 'primary',
          type: 'submit',
          label: this.t('profile.save'),
          busyLabel: this.t('common.saving'),
          busy: this.saving,
          disabled: !dirty || this.saving,
        })}
      </div>
    </form>`;
  }

  private renderInput(
    name: 'displayName' | 'phone' | 'company',
    options: { type?: string; autocomplete: string; hint?: string; required?: boolean },
  ): TemplateResult {
    const error = this.errors[name];
    const describedBy = [options.hint ? `${name}-hint` : '', `${name}-error`].filter(Boolean).join(' ');
    return html`<div part="field" class="field">
      <label for=${name}>
        ${this.t(`profile.${name}`)}${options.required ? nothing : html` <span class="optional">(${this.t('common.optional')})</span>`}
      </label>
      <input
        id=${name}
        name=${name}
        class="input"
        type=${options.type ?? 'text'}
        dir="auto"
        autocomplete=${options.autocomplete}
        ?required=${options.required}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        .value=${this.draft![name]}
        @input=${this.handleInput}
        @blur=${this.handleBlur}
      />
      ${options.hint ? html`<p id="${name}-hint" class="hint">${options.hint}</p>` : nothing}
      <p id="${name}-error" class="error" ?hidden=${!error}>${this.say(error)}</p>
    </div>`;
  }

  private renderTimezone(draft: Fields): TemplateResult {
    const error = this.errors.timezone;
    const current = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return html`<div part="field" class="field">
      <label for="timezone">${this.t('profile.timezone')}</label>
      <input
        id="timezone"
        name="timezone"
        class="input"
        list="timezones"
        dir="auto"
        autocomplete="off"
        spellcheck="false"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="timezone-hint timezone-error"
        .value=${draft.timezone}
        @input=${this.handleInput}
        @blur=${this.handleBlur}
      />
      <datalist id="timezones">${this.timeZones.map((zone) => html`<option value=${zone}></option>`)}</datalist>
      ${current && current !== draft.timezone
        ? html`<button class="button link" type="button" @click=${() => this.setField('timezone', current)}>
            ${this.t('profile.useCurrentTimezone', { zone: current })}
          </button>`
        : nothing}
      <p id="timezone-hint" class="hint">${this.t('profile.timezoneHint')}</p>
      <p id="timezone-error" class="error" ?hidden=${!error}>${this.say(error)}</p>
    </div>`;
  }

  private renderLanguage(draft: Fields): TemplateResult {
    const languages = [...new Set([...availableLocales(), draft.language])];
    return html`<div part="field" class="field">
      <label for="language">${this.t('profile.language')}</label>
      <select id="language" name="language" class="input" autocomplete="language" .value=${draft.language} @change=${this.handleInput}>
        ${languages.map(
          (code) => html`<option value=${code} lang=${code} ?selected=${code === draft.language}>${languageName(code)}</option>`,
        )}
      </select>
    </div>`;
  }

  private renderBio(draft: Fields): TemplateResult {
    const error = this.errors.bio;
    const length = draft.bio.length;
    return html`<div part="field" class="field">
      <label for="bio">${this.t('profile.bio')} <span class="optional">(${this.t('common.optional')})</span></label>
      <textarea
        id="bio"
        name="bio"
        class="input"
        rows="4"
        dir="auto"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="bio-hint bio-count bio-error"
        .value=${draft.bio}
        @input=${this.handleInput}
        @blur=${this.handleBlur}
      ></textarea>
      <div class="row between">
        <p id="bio-hint" class="hint">${this.t('profile.bioHint')}</p>
        <p id="bio-count" class="hint count ${length > BIO_MAX ? 'over' : ''}">
          ${this.t('common.characterCount', { length: formatNumber(length, this.userSettings), max: formatNumber(BIO_MAX, this.userSettings) })}
        </p>
      </div>
      <p id="bio-error" class="error" ?hidden=${!error}>${this.say(error)}</p>
    </div>`;
  }

  private handleInput(event: Event): void {
    const control = event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    this.setField(control.name as FieldName, control.value);
  }

  private setField(name: FieldName, value: string): void {
    this.draft = { ...this.draft!, [name]: value };
    this.saveError = undefined;
    // A new edit makes the last confirmation old news.
    if (this.announcement) this.announce(undefined);
    // Once a field shows an error, it updates as the user types; before that, only on blur.
    if (this.errors[name] || name === 'timezone' || name === 'bio') this.validateField(name);
  }

  private handleBlur(event: FocusEvent): void {
    this.validateField((event.target as HTMLInputElement).name as FieldName);
  }

  private validateField(name: FieldName): void {
    this.errors = { ...this.errors, [name]: this.fieldError(name, this.draft![name]) };
  }

  private fieldError(name: FieldName, value: string): Message | undefined {
    const trimmed = value.trim();
    // Checked first: a name that hides text-direction overrides must not be saved at any length.
    if (name !== 'bio' && !PLAIN_LINE_PATTERN.test(trimmed)) return { key: 'profile.errors.hiddenCharacters' };
    switch (name) {
      case 'displayName':
        if (trimmed.length < DISPLAY_NAME_MIN) return { key: 'profile.errors.displayNameShort' };
        if (trimmed.length > DISPLAY_NAME_MAX) return { key: 'profile.errors.displayNameLong', options: { count: trimmed.length } };
        return undefined;
      case 'phone':
        return trimmed && !PHONE_PATTERN.test(trimmed) ? { key: 'profile.errors.phone' } : undefined;
      case 'timezone':
        return this.timeZones.includes(trimmed) ? undefined : { key: 'profile.errors.timezone' };
      case 'company':
        return trimmed.length > COMPANY_MAX ? { key: 'profile.errors.companyLong', options: { max: COMPANY_MAX } } : undefined;
      case 'bio':
        return value.length > BIO_MAX ? { key: 'profile.errors.bioLong', options: { max: BIO_MAX, count: value.length } } : undefined;
      default:
        return undefined;
    }
  }

  /** What differs from the saved profile, as the server wants it. */
  private changes(): ProfileUpdate {
    if (!this.profile || !this.draft) return {};
    const saved = fieldsOf(this.profile);
    const update: Record<string, string | null> = {};
    for (const name of FIELD_ORDER) {
      const value = name === 'bio' ? this.draft.bio : this.draft[name].trim();
      if (value === saved[name]) continue;
      const optional = name === 'phone' || name === 'company' || name === 'bio';
      update[name] = optional && value === '' ? null : value;
    }
    return update as ProfileUpdate;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    const errors: Partial<Record<FieldName, Message>> = {};
    for (const name of FIELD_ORDER) {
      const message = this.fieldError(name, this.draft![name]);
      if (message) errors[name] = message;
    }
    this.errors = errors;
    if (Object.keys(errors).length > 0) {
      this.focusFirstError();
      return;
    }
    const update = this.changes();
    const changed = Object.keys(update);
    if (changed.length === 0) {
      this.announce({ key: 'profile.noChanges' });
      return;
    }
    this.saving = true;
    this.saveError = undefined;
    const sent = { ...this.draft! };
    try {
      const profile = await this.accountApi.updateProfile(update, { signal: this.signal });
      this.profile = profile;
      // What the user typed while the save was in flight is newer than its answer: keep it.
      const fresh = fieldsOf(profile);
      for (const name of FIELD_ORDER) if (this.draft && this.draft[name] !== sent[name]) fresh[name] = this.draft[name];
      this.draft = fresh;
      this.announce({ key: 'profile.saved' });
      emit(this, 'dn-profile-saved', { profile, changed });
    } catch (error) {
      const apiError = this.handleFailure(error);
      if (apiError.kind === 'aborted') return;
      const fieldErrors = Object.entries(apiError.fieldErrors).filter(([field]) => FIELD_ORDER.includes(field as FieldName));
      if (fieldErrors.length > 0) {
        this.errors = Object.fromEntries(fieldErrors.map(([field, text]) => [field, { text }]));
        this.saveError = { key: 'errors.validation' };
        this.focusFirstError();
      } else {
        this.saveError = [{ key: 'errors.notSaved' }, this.describeError(apiError)];
      }
    } finally {
      this.saving = false;
    }
  }

  private handleDiscard(): void {
    if (!this.profile) return;
    this.draft = fieldsOf(this.profile);
    this.errors = {};
    this.saveError = undefined;
    this.announce({ key: 'profile.discarded' });
  }

  private focusFirstError(): void {
    void this.updateComplete.then(() => {
      const first = FIELD_ORDER.find((name) => this.errors[name]);
      if (first) this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
    });
  }

  private toggleEmailChange(): void {
    this.emailChangeOpen = !this.emailChangeOpen;
    if (this.emailChangeOpen) void this.openEmailChange();
  }

  /** Imports `<dn-email-change>` if it is not defined yet, then moves focus into it. */
  private async openEmailChange(): Promise<void> {
    if (!customElements.get('dn-email-change')) {
      this.emailChangeLoad = {};
      try {
        await DnProfileForm.loadEmailChange();
        this.emailChangeLoad = undefined;
      } catch (error) {
        console.warn('[dn] Could not load <dn-email-change>.', error);
        this.emailChangeLoad = { error };
        return;
      }
    }
    await this.updateComplete;
    if (this.emailChangeOpen) this.light.container.querySelector('dn-email-change')?.focus();
  }

  /** In the panel while `<dn-email-change>` loads: the placeholder, or the error with "Try again". */
  private renderEmailChangeLoad(load: { error?: unknown }): TemplateResult {
    if (load.error === undefined) return this.renderLoading(2);
    return this.renderLoadError(load.error, () => {
      void this.openEmailChange().then(() => {
        // The button went with the message: focus stays in the panel.
        if (this.emailChangeLoad) this.renderRoot.querySelector<HTMLElement>('[part="error"] button')?.focus();
      });
    });
  }
}

function fieldsOf(profile: Profile): Fields {
  return {
    displayName: profile.displayName,
    phone: profile.phone ?? '',
    timezone: profile.timezone,
    language: profile.language,
    company: profile.company ?? '',
    bio: profile.bio ?? '',
  };
}

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function supportedTimeZones(): string[] {
  zones ??= [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])];
  return zones;
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-profile-form': DnProfileForm;
  }
}
