import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { resources } from '../../api/resources.js';
import * as z from 'zod/mini';
import { PASSWORD_RESET_VALID_MINUTES } from '../../api/contract/constants.js';
import { passwordContract, type PasswordPolicy } from '../../api/contract/password.js';
import { registerSchemas } from '../../api/validation.js';
import { formatNumber } from '../../i18n/format.js';
import { registerStrings } from '../../i18n/i18n.js';
import passwordStrings from '../../i18n/locales/password/strings.js';
import passwordResetStrings from '../../i18n/locales/password-reset/strings.js';
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
import { safeHref } from '../../internal/safe-url.js';
import { renderEmailInput, renderUsernameField } from '../../internal/fields.js';
import { renderBusyButton } from '../../internal/controls.js';
import { uniqueId } from '../../internal/ids.js';
import { LightDomController } from '../../internal/light-dom.js';
import { policyError, policyStyles, renderNewPasswordFields } from '../../internal/password-policy.js';
import { styles } from './password-reset.styles.js';

registerStrings(passwordStrings, passwordResetStrings);
registerSchemas(passwordContract);

const emailSchema = z.email();

type Field = 'next' | 'confirm';

/**
 * @summary The forgot-password flow for sign-in pages. Request mode: an email
 * address → always the same neutral confirmation, so it never reveals whether an
 * account exists, and "Send again" after the server's cool-down. Complete mode:
 * the token from the link → a new password under the server's policy.
 *
 * Needs no session. Without `mode`, the element completes a reset when it has a
 * token (the `token` attribute, or `?token=` in the page URL, read once when it is
 * connected) and asks for an email otherwise. An expired or used link says so and
 * offers to send a new one. The forms live in light DOM (slotted) so password
 * managers see the `username` and `new-password` fields.
 *
 * @event dn-password-reset-requested - A reset link was requested (sent only if the account exists). `detail.email`.
 * @event dn-password-reset-completed - The new password was set. `detail.completedAt`.
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart sent - The neutral "check your inbox" panel with the resend cool-down.
 * @csspart done - The success panel with the sign-in link.
 * @csspart sign-in - The link back to sign-in.
 * @csspart token-error - The expired or used link message with "Send a new link".
 * @csspart status - The polite live region.
 * @csspart loading - The loading placeholder (policy, complete mode).
 * @csspart error - The load error with its retry button.
 *
 * @slot form - Filled by the element itself with the current form (light DOM, so password managers see the fields).
 *
 * @tagname dn-password-reset
 */
export class DnPasswordReset extends DnElement {
  static override styles = [...baseStyles, buttonStyles, alertStyles, skeletonStyles, layoutStyles, visuallyHiddenStyles, styles];

  /** `request` (ask for an email) or `complete` (set a new password). Default: `complete` when there is a token, else `request`. */
  @property() mode?: 'request' | 'complete';

  /** The reset token from the link. Default: `?token=` of the page URL. */
  @property() token = '';

  /** Where "Sign in" leads after a successful reset; without it, only the message shows. */
  @property({ attribute: 'sign-in-url' }) signInUrl = '';

  /**
   * The address the reset is for, when the host knows it (e.g. from the link): fills the
   * request form, and names the account to password managers in the new-password form.
   */
  @property() email = '';

  @state() private values: Record<Field, string> = { next: '', confirm: '' };
  @state() private revealed: Record<Field, boolean> = { next: false, confirm: false };
  @state() private errors: Partial<Record<Field | 'email', Message>> = {};
  @state() private formError?: Message;
  @state() private busy: 'request' | 'resend' | 'complete' | null = null;
  /** A link was requested: for whom, how long it is valid, when another may be sent. */
  @state() private sent?: { email: string; validForMinutes: number; resendAt: number };
  @state() private canResend = false;
  @state() private completed = false;
  @state() private tokenProblem?: 'expired' | 'used';

  private urlToken?: string;
  private resendTimer?: ReturnType<typeof setTimeout>;
  private readonly light = new LightDomController(this, 'form', [fieldStyles, buttonStyles, alertStyles, layoutStyles, visuallyHiddenStyles, policyStyles]);
  private readonly ids = {
    email: uniqueId('dn-reset-email'),
    username: uniqueId('dn-reset-username'),
    emailError: uniqueId('dn-reset-email-error'),
    next: uniqueId('dn-new-password'),
    nextError: uniqueId('dn-new-password-error'),
    checklist: uniqueId('dn-new-password-policy'),
    confirm: uniqueId('dn-confirm-password'),
    confirmError: uniqueId('dn-confirm-password-error'),
  };

  /** The password policy, needed only to choose the new password. */
  private readonly policyResource = new ResourceController(this, {
    resource: () => (this.currentMode === 'complete' ? resources.passwordPolicy : null),
    failed: (error) => this.handleFailure(error),
  });

  private get policy(): PasswordPolicy | undefined {
    return this.policyResource.value;
  }

  private get activeToken(): string {
    return this.token || this.urlToken || '';
  }

  private get currentMode(): 'request' | 'complete' {
    return this.mode ?? (this.activeToken ? 'complete' : 'request');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.urlToken ??= new URLSearchParams(window.location.search).get('token') ?? '';
    if (this.sent && !this.canResend) this.scheduleResend(this.sent.resendAt);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.resendTimer);
    this.values = { next: '', confirm: '' };
  }

  /** Moves focus to the first field. */
  override focus(options?: FocusOptions): void {
    this.light.container.querySelector<HTMLElement>('input:not([readonly])')?.focus(options);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.light.render(this.renderForm());
  }

  override render() {
    const complete = this.currentMode === 'complete';
    return html`<section part="base" aria-labelledby="title">
      ${heading(this.headingLevel, this.t(complete ? 'password.reset.completeTitle' : 'password.reset.requestTitle'), { id: 'title', part: 'title' })}
      ${complete ? this.renderComplete() : this.renderRequest()} ${this.renderStatus()}
    </section>`;
  }

  private renderRequest(): TemplateResult {
    const sent = this.sent;
    if (!sent) {
      return html`<p class="intro muted">${this.t('password.reset.requestIntro')}</p>
        <slot name="form"></slot>`;
    }
    return html`<div part="sent" class="panel">
      <p><strong>${this.t('password.reset.sentTitle')}</strong></p>
      <p>${this.t('password.reset.sent', { email: sent.email, duration: this.duration(sent.validForMinutes) })}</p>
      ${this.formError ? html`<div class="alert danger" role="alert">${this.say(this.formError)}</div>` : nothing}
      ${this.canResend ? nothing : html`<p class="muted">${this.say({ key: 'password.reset.resendIn', until: sent.resendAt })}</p>`}
      <div class="actions">
        ${this.canResend
          ? renderBusyButton({
              variant: 'secondary',
              label: this.t('password.reset.resend'),
              busy: this.busy === 'resend',
              disabled: Boolean(this.busy),
              onClick: () => void this.handleResend(),
            })
          : nothing}
        <button class="button link" type="button" @click=${this.handleDifferentEmail}>${this.t('password.reset.differentEmail')}</button>
      </div>
    </div>`;
  }

  private renderComplete(): unknown {
    if (this.completed) {
      return html`<div part="done" class="panel" tabindex="-1">
        <p>${this.t('password.reset.successDetail')}</p>
        ${safeHref(this.signInUrl) ? html`<p><a part="sign-in" href=${safeHref(this.signInUrl)!}>${this.t('password.reset.signIn')}</a></p>` : nothing}
      </div>`;
    }
    if (this.tokenProblem) {
      const text =
        this.tokenProblem === 'used'
          ? this.t('password.reset.used')
          : this.t('password.reset.expired', { duration: this.duration(PASSWORD_RESET_VALID_MINUTES) });
      return html`<div part="token-error" class="panel alert warning" role="alert">
        <p>${text}</p>
        <button class="button secondary" type="button" @click=${this.handleNewLink}>${this.t('password.reset.newLink')}</button>
      </div>`;
    }
    return this.policy ? this.renderCompleteBody() : this.renderLoadState(this.policyResource, 3);
  }

  private renderCompleteBody(): TemplateResult {
    return html`<p class="intro muted">${this.t('password.reset.completeIntro')}</p>
      <slot name="form"></slot>`;
  }

  /** What the light DOM shows: the request form, the new-password form, or nothing. */
  private renderForm(): TemplateResult | null {
    if (this.currentMode === 'request') return this.sent ? null : this.renderRequestForm();
    if (this.completed || this.tokenProblem || !this.policy) return null;
    return this.renderCompleteForm(this.policy);
  }

  private renderFormError(): TemplateResult | typeof nothing {
    return this.formError ? html`<div class="alert danger form-alert" role="alert">${this.say(this.formError)}</div>` : nothing;
  }

  private renderRequestForm(): TemplateResult {
    const { ids } = this;
    return html`<form class="form" novalidate @submit=${this.handleRequest}>
      ${this.renderFormError()}
      <div class="field">
        <label for=${ids.email}>${this.t('password.reset.email')}</label>
        ${renderEmailInput({
          id: ids.email,
          value: this.email,
          autocomplete: 'username',
          invalid: Boolean(this.errors.email),
          describedBy: ids.emailError,
          onInput: (value) => this.handleEmailInput(value),
        })}
        <p id=${ids.emailError} class="error" ?hidden=${!this.errors.email}>${this.say(this.errors.email)}</p>
      </div>
      <div class="actions">
        ${renderBusyButton({
          variant: 'primary',
          type: 'submit',
          label: this.t('password.reset.send'),
          busyLabel: this.t('password.reset.sending'),
          busy: this.busy === 'request',
          disabled: Boolean(this.busy),
        })}
      </div>
    </form>`;
  }

  private renderCompleteForm(policy: PasswordPolicy): TemplateResult {
    const { ids, errors, values, revealed } = this;
    const say = (message: Message) => this.say(message);
    const field = (name: Field) => ({
      value: values[name],
      revealed: revealed[name],
      error: this.say(errors[name]),
      say,
      onInput: (value: string) => this.handlePasswordInput(name, value),
      onToggle: () => (this.revealed = { ...this.revealed, [name]: !this.revealed[name] }),
    });
    return html`<form class="form" novalidate @submit=${this.handleComplete}>
      ${this.renderFormError()}
      ${renderUsernameField({ id: ids.username, value: this.email, label: this.t('common.accountEmail') })}
      ${renderNewPasswordFields({
        policy,
        ids,
        field,
        labels: { next: this.t('password.reset.newPassword'), confirm: this.t('password.reset.confirmPassword') },
      })}
      <div class="actions">
        ${renderBusyButton({
          variant: 'primary',
          type: 'submit',
          label: this.t('password.reset.submit'),
          busyLabel: this.t('password.reset.submitting'),
          busy: this.busy === 'complete',
          disabled: Boolean(this.busy),
        })}
      </div>
    </form>`;
  }

  /** "1 hour", "30 minutes", in the user's language (Intl handles the plural). */
  private duration(minutes: number): string {
    const hours = minutes % 60 === 0;
    return formatNumber(hours ? minutes / 60 : minutes, this.userSettings, { style: 'unit', unit: hours ? 'hour' : 'minute', unitDisplay: 'long' });
  }

  private handleEmailInput(value: string): void {
    this.email = value;
    if (this.errors.email) this.errors = { ...this.errors, email: undefined };
    this.formError = undefined;
  }

  private handlePasswordInput(name: Field, value: string): void {
    const policy = this.policy;
    const wasMet = policy ? !policyError(policy, this.values.next) : false;
    this.values = { ...this.values, [name]: value };
    if (this.errors[name]) this.errors = { ...this.errors, [name]: undefined };
    this.formError = undefined;
    if (name === 'next' && policy) {
      // One polite announcement when the whole policy becomes met, not one per keystroke.
      const isMet = !policyError(policy, value);
      if (isMet && !wasMet) this.announce({ key: 'password.policy.allMet' });
      else if (!isMet && wasMet) this.announce(undefined);
    }
  }

  private emailError(): Message | undefined {
    const email = this.email.trim();
    if (!email) return { key: 'password.reset.errors.emailRequired' };
    if (!emailSchema.safeParse(email).success) return { key: 'password.reset.errors.emailInvalid' };
    return undefined;
  }

  private async handleRequest(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const error = this.emailError();
    this.errors = { email: error };
    this.formError = undefined;
    if (error) {
      this.focusById(this.ids.email);
      return;
    }
    await this.sendLink(this.email.trim(), 'request');
  }

  private async handleResend(): Promise<void> {
    if (this.busy || !this.sent || !this.canResend) return;
    await this.sendLink(this.sent.email, 'resend');
  }

  private async sendLink(email: string, busy: 'request' | 'resend'): Promise<void> {
    this.busy = busy;
    this.formError = undefined;
    try {
      const answer = await this.accountApi.requestPasswordReset({ email }, { signal: this.signal });
      const resendAt = Date.now() + answer.resendAfterSeconds * 1000;
      this.sent = { email, validForMinutes: answer.validForMinutes, resendAt };
      this.scheduleResend(resendAt);
      this.announce({ key: 'password.reset.requested' });
      emit(this, 'dn-password-reset-requested', { email });
    } catch (error) {
      const apiError = this.handleFailure(error);
      if (apiError.kind === 'aborted') return;
      if (apiError.fieldErrors['email']) {
        this.errors = { email: { text: apiError.fieldErrors['email'] } };
        this.focusById(this.ids.email);
      } else {
        this.formError = this.describeError(apiError);
      }
    } finally {
      this.busy = null;
    }
  }

  private scheduleResend(resendAt: number): void {
    clearTimeout(this.resendTimer);
    const wait = resendAt - Date.now();
    this.canResend = wait <= 0;
    if (wait > 0) this.resendTimer = setTimeout(() => (this.canResend = true), wait);
  }

  private handleDifferentEmail(): void {
    clearTimeout(this.resendTimer);
    this.sent = undefined;
    this.formError = undefined;
    void this.updateComplete.then(() => this.focus());
  }

  private handleNewLink(): void {
    this.mode = 'request';
    this.tokenProblem = undefined;
    this.formError = undefined;
    this.errors = {};
    this.values = { next: '', confirm: '' };
    void this.updateComplete.then(() => this.focus());
  }

  private async handleComplete(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.policy) return;
    const { next, confirm } = this.values;
    const errors: Partial<Record<Field, Message>> = {
      next: policyError(this.policy, next),
      confirm: !confirm ? { key: 'password.errors.confirmRequired' } : confirm !== next ? { key: 'password.errors.mismatch' } : undefined,
    };
    this.errors = errors;
    this.formError = undefined;
    if (errors.next || errors.confirm) {
      this.focusById(errors.next ? this.ids.next : this.ids.confirm);
      return;
    }
    this.busy = 'complete';
    try {
      const { completedAt } = await this.accountApi.completePasswordReset({ token: this.activeToken, newPassword: next }, { signal: this.signal });
      this.values = { next: '', confirm: '' };
      this.completed = true;
      this.announce({ key: 'password.reset.success' });
      emit(this, 'dn-password-reset-completed', { completedAt });
      void this.updateComplete.then(() =>
        (this.renderRoot.querySelector<HTMLElement>('[part="sign-in"]') ?? this.renderRoot.querySelector<HTMLElement>('[part="done"]'))?.focus(),
      );
    } catch (error) {
      const apiError = this.handleFailure(error);
      if (apiError.kind === 'aborted') return;
      if (apiError.kind === 'gone' || apiError.code === 'token-expired' || apiError.code === 'token-used') {
        this.tokenProblem = apiError.code === 'token-used' ? 'used' : 'expired';
        this.announce(undefined);
        this.values = { next: '', confirm: '' };
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="token-error"] button')?.focus());
      } else if (apiError.fieldErrors['newPassword']) {
        this.errors = { next: { text: apiError.fieldErrors['newPassword'] } };
        this.focusById(this.ids.next);
      } else {
        this.formError = this.describeError(apiError);
      }
    } finally {
      this.busy = null;
    }
  }

  private focusById(id: string): void {
    void this.updateComplete.then(() => this.light.container.querySelector<HTMLElement>(`#${id}`)?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-password-reset': DnPasswordReset;
  }
}
