import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { resources } from '../../api/resources.js';
import * as z from 'zod/mini';
import { EMAIL_CHANGE_VALID_HOURS } from '../../api/contract/constants.js';
import { emailContract, type EmailChangeState } from '../../api/contract/email.js';
import { profileContract } from '../../api/contract/profile.js';
import { registerSchemas } from '../../api/validation.js';
import { formatDateTime } from '../../i18n/format.js';
import { registerStrings } from '../../i18n/i18n.js';
import emailChangeStrings from '../../i18n/locales/email-change/strings.js';
import { DnElement, type Message } from '../../internal/dn-element.js';
import { heading } from '../../internal/heading.js';
import { baseStyles } from '../../internal/styles/host.styles.js';
import { buttonStyles } from '../../internal/styles/buttons.styles.js';
import { alertStyles } from '../../internal/styles/alerts.styles.js';
import { skeletonStyles } from '../../internal/styles/skeleton.styles.js';
import { layoutStyles } from '../../internal/styles/layout.styles.js';
import { visuallyHiddenStyles } from '../../internal/styles/utility.styles.js';
import { fieldStyles } from '../../internal/styles/fields.styles.js';
import { ReauthController } from '../../internal/reauth-controller.js';
import { ResourceController } from '../../internal/resource-controller.js';
import { emit } from '../../internal/events.js';
import { renderCurrentPasswordInput, renderEmailInput, renderUsernameField } from '../../internal/fields.js';
import { renderBusyButton } from '../../internal/controls.js';
import { uniqueId } from '../../internal/ids.js';
import { LightDomController } from '../../internal/light-dom.js';
import { styles } from './email-change.styles.js';
import { confirmIdentity } from '../reauth-dialog/confirm-identity.js';

registerStrings(emailChangeStrings);
registerSchemas(emailContract, profileContract);

const emailSchema = z.email();

/**
 * @summary Change the login email: the new address (and the current password when
 * the server asks for it) → a verification link valid 24 hours, with resend and
 * cancel → the new address once it is verified.
 *
 * When the server requires re-authentication, "Confirm it's you" opens and the
 * request is sent again once the user confirmed — nothing they typed is lost.
 * While a change is pending, the element checks again whenever the page becomes
 * visible, and announces the new address once it was verified.
 *
 * @event dn-email-change-requested - A verification link was sent. `detail.newEmail`, `detail.expiresAt`.
 * @event dn-email-change-resent - The link was sent again. `detail.newEmail`, `detail.expiresAt`.
 * @event dn-email-change-cancelled - The pending change was cancelled. `detail.newEmail`.
 * @event dn-email-changed - The new address was verified. `detail.email`.
 * @event dn-unauthorized - The backend answered 401: send the user to sign in.
 * @event dn-error - Checking in the background whether the new address was verified failed. `detail.error`, `detail.action`.
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart pending - The "check your inbox" panel with resend and cancel.
 * @csspart status - The polite live region.
 * @csspart loading - The loading placeholder.
 * @csspart error - The load error with its retry button.
 *
 * @slot form - Filled by the element itself with the request form (light DOM, so password managers see the fields).
 *
 * @tagname dn-email-change
 */
export class DnEmailChange extends DnElement {
  static override styles = [...baseStyles, buttonStyles, alertStyles, skeletonStyles, layoutStyles, visuallyHiddenStyles, styles];

  /** The current login email, shown and used to refuse "changing" to the same address. */
  @property({ attribute: 'current-email' }) currentEmail = '';

  @state() private newEmail = '';
  @state() private password = '';
  @state() private errors: { newEmail?: Message; currentPassword?: Message } = {};
  @state() private formError?: Message;
  @state() private busy: 'request' | 'resend' | 'cancel' | null = null;

  private focusWhenReady = false;
  private readonly light = new LightDomController(this, 'form', [fieldStyles, buttonStyles, alertStyles, visuallyHiddenStyles]);
  /** "Confirm it's you" around sensitive requests. */
  private readonly reauth = new ReauthController(this, confirmIdentity);
  private readonly ids = {
    email: uniqueId('dn-new-email'),
    emailError: uniqueId('dn-new-email-error'),
    password: uniqueId('dn-current-password'),
    username: uniqueId('dn-email-change-username'),
    passwordHint: uniqueId('dn-current-password-hint'),
    passwordError: uniqueId('dn-current-password-error'),
  };

  /** The pending change, shared with every reader on the page. */
  private readonly emailChange = new ResourceController(this, {
    resource: () => resources.emailChange,
    failed: (error) => this.handleFailure(error),
    changed: (next, previous, own) => {
      // A pending change that disappeared on reload (not by our own answer) may have been verified.
      const newEmail = previous?.pending?.newEmail;
      if (newEmail && !next.pending && !own) void this.checkVerified(newEmail);
    },
  });

  private get state(): EmailChangeState | undefined {
    return this.emailChange.value;
  }

  /** Writes through the store: every reader of the pending change shows it. */
  private set state(state: EmailChangeState) {
    this.emailChange.set(state);
  }

  /** The user came back (maybe from the verification link): look again. */
  private readonly handleReturn = (event: Event) => {
    if (event.type === 'visibilitychange' && document.visibilityState !== 'visible') return;
    if (this.state?.pending && !this.busy) void this.emailChange.retry();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.handleReturn);
    window.addEventListener('focus', this.handleReturn);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.handleReturn);
    window.removeEventListener('focus', this.handleReturn);
    this.password = '';
  }

  /** Moves focus to the first field (or the first button of the pending panel), once loaded. */
  override focus(options?: FocusOptions): void {
    const target =
      this.light.container.querySelector<HTMLElement>('input') ?? this.renderRoot.querySelector<HTMLElement>('button');
    this.focusWhenReady = !target;
    target?.focus(options);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.light.render(this.state && !this.state.pending ? this.renderForm(this.state) : null);
    if (this.focusWhenReady && this.state) this.focus();
  }

  override render() {
    return html`<section part="base" aria-labelledby="title">
      ${heading(this.headingLevel, this.t('emailChange.title'), { id: 'title', part: 'title' })}
      ${this.state ? this.renderBody(this.state) : this.renderLoadState(this.emailChange, 2)}
      ${this.renderStatus()}
    </section>`;
  }

  private renderBody(state: EmailChangeState): TemplateResult {
    if (!state.pending) {
      return html`<p class="muted">${this.t('emailChange.intro')}</p>
        ${this.currentEmail ? html`<p>${this.t('emailChange.currentEmail', { email: this.currentEmail })}</p>` : nothing}
        <slot name="form"></slot>`;
    }
    const { newEmail, expiresAt } = state.pending;
    const expired = Date.parse(expiresAt) <= Date.now();
    return html`<div part="pending" class="pending">
      ${expired
        ? html`<p class="alert warning">${this.t('emailChange.expired', { email: newEmail })}</p>`
        : html`<p><strong>${this.t('emailChange.pendingTitle')}</strong></p>
            <p>${this.t('emailChange.pending', { email: newEmail })}</p>
            <p class="muted">
              ${this.t('emailChange.pendingValidUntil', {
                hours: EMAIL_CHANGE_VALID_HOURS,
                until: formatDateTime(expiresAt, this.userSettings),
              })}
            </p>`}
      ${this.formError ? html`<div class="alert danger" role="alert">${this.say(this.formError)}</div>` : nothing}
      <div class="actions">
        ${renderBusyButton({
          variant: 'secondary',
          label: this.t('emailChange.resend'),
          busy: this.busy === 'resend',
          disabled: Boolean(this.busy),
          onClick: () => void this.handleResend(),
        })}
        <button class="button link danger" type="button" aria-disabled=${this.busy ? 'true' : 'false'} aria-busy=${this.busy === 'cancel' ? 'true' : 'false'} @click=${this.handleCancel}>
          ${this.t('emailChange.cancelChange')}
        </button>
      </div>
    </div>`;
  }

  private renderForm(state: EmailChangeState): TemplateResult {
    const { ids, errors } = this;
    return html`<form class="form" novalidate @submit=${this.handleSubmit}>
      ${this.formError ? html`<div class="alert danger" role="alert">${this.say(this.formError)}</div>` : nothing}
      <div class="field">
        <label for=${ids.email}>${this.t('emailChange.newEmail')}</label>
        ${renderEmailInput({
          id: ids.email,
          value: this.newEmail,
          autocomplete: 'email',
          invalid: Boolean(errors.newEmail),
          describedBy: ids.emailError,
          onInput: (value) => this.handleEmailInput(value),
        })}
        <p id=${ids.emailError} class="error" ?hidden=${!errors.newEmail}>${this.say(errors.newEmail)}</p>
      </div>
      ${state.passwordRequired
        ? html`${renderUsernameField({ id: ids.username, value: this.currentEmail, label: this.t('common.accountEmail') })}
          <div class="field">
            <label for=${ids.password}>${this.t('emailChange.currentPassword')}</label>
            ${renderCurrentPasswordInput({
              id: ids.password,
              value: this.password,
              invalid: Boolean(errors.currentPassword),
              describedBy: `${ids.passwordHint} ${ids.passwordError}`,
              onInput: (value) => this.handlePasswordInput(value),
            })}
            <p id=${ids.passwordHint} class="hint">${this.t('emailChange.currentPasswordHint')}</p>
            <p id=${ids.passwordError} class="error" ?hidden=${!errors.currentPassword}>${this.say(errors.currentPassword)}</p>
          </div>`
        : nothing}
      <div class="actions">
        ${renderBusyButton({
          variant: 'primary',
          type: 'submit',
          label: this.t('emailChange.submit'),
          busyLabel: this.t('emailChange.sending'),
          busy: this.busy === 'request',
          disabled: Boolean(this.busy),
        })}
      </div>
    </form>`;
  }

  private handleEmailInput(value: string): void {
    this.newEmail = value;
    if (this.errors.newEmail) this.errors = { ...this.errors, newEmail: this.emailError() };
    this.formError = undefined;
  }

  private handlePasswordInput(value: string): void {
    this.password = value;
    if (this.errors.currentPassword) this.errors = { ...this.errors, currentPassword: undefined };
    this.formError = undefined;
  }

  private emailError(): Message | undefined {
    const email = this.newEmail.trim();
    if (!email) return { key: 'emailChange.errors.emailRequired' };
    if (!emailSchema.safeParse(email).success) return { key: 'emailChange.errors.emailInvalid' };
    if (email.toLowerCase() === this.currentEmail.toLowerCase()) return { key: 'emailChange.errors.emailSame' };
    return undefined;
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.state) return;
    const passwordRequired = this.state.passwordRequired;
    this.errors = {
      newEmail: this.emailError(),
      currentPassword: passwordRequired && !this.password ? { key: 'emailChange.errors.passwordRequired' } : undefined,
    };
    if (this.errors.newEmail || this.errors.currentPassword) {
      this.focusField(this.errors.newEmail ? this.ids.email : this.ids.password);
      return;
    }
    const newEmail = this.newEmail.trim();
    this.busy = 'request';
    this.formError = undefined;
    try {
      const request = passwordRequired ? { newEmail, currentPassword: this.password } : { newEmail };
      const state = await this.reauth.run(() => this.accountApi.requestEmailChange(request, { signal: this.signal }));
      this.state = state;
      this.newEmail = '';
      this.password = '';
      if (state.pending) {
        this.announce({ key: 'emailChange.requested', options: { email: state.pending.newEmail } });
        emit(this, 'dn-email-change-requested', { newEmail: state.pending.newEmail, expiresAt: state.pending.expiresAt });
      }
      void this.updateComplete.then(() => this.focus());
    } catch (error) {
      const apiError = this.handleFailure(error);
      if (apiError.kind === 'aborted') return;
      if (apiError.code === 'email-taken') {
        this.errors = { newEmail: { key: 'emailChange.errors.emailTaken' } };
        this.focusField(this.ids.email);
      } else if (apiError.code === 'invalid-credentials' || apiError.fieldErrors.currentPassword) {
        this.errors = { currentPassword: { key: 'emailChange.errors.passwordWrong' } };
        this.focusField(this.ids.password);
      } else if (apiError.fieldErrors.newEmail) {
        this.errors = { newEmail: { text: apiError.fieldErrors.newEmail } };
        this.focusField(this.ids.email);
      } else {
        this.formError = this.describeError(apiError);
      }
    } finally {
      this.busy = null;
    }
  }

  private async handleResend(): Promise<void> {
    if (this.busy) return;
    this.busy = 'resend';
    this.formError = undefined;
    try {
      const state = await this.accountApi.resendEmailChange({ signal: this.signal });
      this.state = state;
      if (state.pending) {
        this.announce({ key: 'emailChange.resent', options: { email: state.pending.newEmail } });
        emit(this, 'dn-email-change-resent', { newEmail: state.pending.newEmail, expiresAt: state.pending.expiresAt });
      }
    } catch (error) {
      const apiError = this.handleFailure(error);
      if (apiError.kind !== 'aborted') this.formError = this.describeError(apiError);
    } finally {
      this.busy = null;
    }
  }

  private async handleCancel(): Promise<void> {
    if (this.busy || !this.state?.pending) return;
    const newEmail = this.state.pending.newEmail;
    this.busy = 'cancel';
    this.formError = undefined;
    try {
      this.state = await this.accountApi.cancelEmailChange({ signal: this.signal });
      this.announce({ key: 'emailChange.cancelled' });
      emit(this, 'dn-email-change-cancelled', { newEmail });
      void this.updateComplete.then(() => this.focus());
    } catch (error) {
      const apiError = this.handleFailure(error);
      if (apiError.kind !== 'aborted') this.formError = this.describeError(apiError);
    } finally {
      this.busy = null;
    }
  }

  /** A pending change disappeared: if the profile now has that address, it was verified. */
  private async checkVerified(newEmail: string): Promise<void> {
    try {
      const profile = await this.accountApi.getProfile({ signal: this.signal });
      if (profile.email.toLowerCase() !== newEmail.toLowerCase()) return;
      // Everything on the page that shows the address catches up.
      this.emailChange.store.set('profile', profile);
      this.emailChange.invalidate('account-deletion');
      this.currentEmail = profile.email;
      this.announce({ key: 'emailChange.changed', options: { email: profile.email } });
      emit(this, 'dn-email-changed', { email: profile.email });
    } catch (error) {
      // A background check: nothing on screen to attach a message to, so the host hears of it.
      const apiError = this.handleFailure(error);
      if (apiError.kind !== 'aborted') emit(this, 'dn-error', { error: apiError, action: 'check-email-verified' });
    }
  }

  private focusField(id: string): void {
    void this.updateComplete.then(() => this.light.container.querySelector<HTMLElement>(`#${id}`)?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-email-change': DnEmailChange;
  }
}
