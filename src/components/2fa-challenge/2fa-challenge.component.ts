import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  twoFactorChallengeContract,
  type TwoFactorChallengeRequest,
  type TwoFactorChallengeResult,
} from '../../api/contract/two-factor-challenge.js';
import { registerSchemas } from '../../api/validation.js';
import type { ApiError } from '../../api/errors.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { registerStrings } from '../../i18n/i18n.js';
import challengeStrings from '../../i18n/locales/challenge/strings.js';
import { DnElement, type Message } from '../../internal/dn-element.js';
import { heading } from '../../internal/heading.js';
import { baseStyles } from '../../internal/styles/host.styles.js';
import { buttonStyles } from '../../internal/styles/buttons.styles.js';
import { alertStyles } from '../../internal/styles/alerts.styles.js';
import { layoutStyles } from '../../internal/styles/layout.styles.js';
import { fieldStyles } from '../../internal/styles/fields.styles.js';
import { choiceStyles, codeInputStyles } from '../../internal/styles/choices.styles.js';
import { emit } from '../../internal/events.js';
import { uniqueId } from '../../internal/ids.js';
import { LightDomController } from '../../internal/light-dom.js';
import { renderCodeInput } from '../../internal/fields.js';
import { renderBusyButton } from '../../internal/controls.js';
import { safeHref } from '../../internal/safe-url.js';
import { lightStyles, styles } from './2fa-challenge.styles.js';

registerStrings(challengeStrings);
registerSchemas(twoFactorChallengeContract);

/** Backup codes left at which the element suggests generating new ones. */
const FEW_BACKUP_CODES = 3;

type Method = TwoFactorChallengeRequest['method'];
type View = 'form' | 'verified' | 'expired';

/** A backup code as typed: letters and digits, lower case, one hyphen kept; at most 32 characters. */
function backupCodeOf(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '')
    .slice(0, 32);
}

/**
 * @summary The second step of signing in with two-factor authentication: the 6-digit
 * code from the authenticator app, or a backup code instead, and "Trust this device for
 * 30 days" so later sign-ins on it skip this step.
 *
 * For sign-in pages, after the password step: the host's server starts the challenge and
 * gives its id to the element (`challenge-id`); the element sends the code to
 * `POST /two-factor/challenge` and tells the host with `dn-2fa-verified`, and the host
 * decides where to go next. The code field is in the element's light DOM, with
 * `autocomplete="one-time-code"`, so the browser and password managers can fill it; a
 * pasted code ("123 456") fills it too.
 *
 * A wrong or already-used code is said next to the field, which keeps focus and what was
 * typed. Too many attempts: the wait is shown and "Verify" waits with it. An expired
 * challenge ends the step: "Sign in again" goes to `restart-href` (or, without it, the
 * host handles `dn-2fa-challenge-expired`). After a backup code, the element says how many
 * are left and suggests new ones when few remain (`backup-codes-href`).
 *
 * @event dn-2fa-verified - The code was accepted. `detail.method` (`totp` or `backup`), `detail.trusted` (the device is now trusted), `detail.trustedDevice` (or `null`), `detail.backupCodesRemaining` (after a backup code, else `null`).
 * @event dn-2fa-challenge-expired - The server no longer knows the challenge (expired or already used): the user must sign in again.
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart intro - The sentence under the heading (what to enter).
 * @csspart verified - The success panel (device trusted or not, backup codes left).
 * @csspart warning - The suggestion to generate new backup codes when few are left.
 * @csspart expired - The panel shown when the sign-in attempt expired, with "Sign in again".
 * @csspart restart - The "Sign in again" link or button.
 * @csspart status - The polite live region.
 *
 * @slot form - Filled by the element itself with the code form (light DOM, so autofill and password managers reach the field).
 *
 * @tagname dn-2fa-challenge
 */
export class Dn2faChallenge extends DnElement {
  static override styles = [...baseStyles, buttonStyles, alertStyles, layoutStyles, styles];

  /** The id of the sign-in challenge, from the host's server (after the password step). */
  @property({ attribute: 'challenge-id' }) challengeId = '';

  /**
   * Where "Sign in again" goes when the challenge expired (http(s) or relative; other
   * schemes are ignored). Without it, "Sign in again" dispatches `dn-2fa-challenge-expired` again.
   */
  @property({ attribute: 'restart-href' }) restartHref?: string;

  /**
   * Where the user generates new backup codes (the security settings); linked when few
   * backup codes are left. Without it, the suggestion is text only.
   */
  @property({ attribute: 'backup-codes-href' }) backupCodesHref?: string;

  /** Days a trusted device skips this step, for the checkbox's label (the server decides; 30 by default). */
  @property({ type: Number, attribute: 'trust-days' }) trustDays = 30;

  /** Whether "Trust this device" starts checked. */
  @property({ type: Boolean, attribute: 'trust-device' }) trustDevice = false;

  @state() private view: View = 'form';
  @state() private method: Method = 'totp';
  @state() private code = '';
  @state() private backupCode = '';
  @state() private trust = false;
  @state() private busy = false;
  @state() private fieldError?: Message;
  @state() private formError?: Message;
  /** Until when "Verify" waits after too many attempts (epoch ms). */
  @state() private lockedUntil = 0;
  @state() private result?: TwoFactorChallengeResult;

  private focusTarget?: 'field' | 'heading';
  private unlockTimer?: ReturnType<typeof setTimeout>;
  private readonly light = new LightDomController(this, 'form', [fieldStyles, codeInputStyles, choiceStyles, buttonStyles, alertStyles, layoutStyles, lightStyles]);
  private readonly ids = {
    code: uniqueId('dn-2fa-challenge-code'),
    hint: uniqueId('dn-2fa-challenge-hint'),
    error: uniqueId('dn-2fa-challenge-error'),
    trust: uniqueId('dn-2fa-challenge-trust'),
    trustHint: uniqueId('dn-2fa-challenge-trust-hint'),
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.unlockTimer);
    this.unlockTimer = undefined;
    this.lockedUntil = 0;
    this.busy = false;
    this.code = '';
    this.backupCode = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('challengeId') && changed.get('challengeId') !== undefined) {
      // A new challenge (the host started sign-in again): a fresh step.
      this.view = 'form';
      this.method = 'totp';
      this.result = undefined;
      this.fieldError = undefined;
      this.formError = undefined;
      this.code = '';
      this.backupCode = '';
      this.lockedUntil = 0;
      clearTimeout(this.unlockTimer);
      // Nothing of the last step stays: not its "You're verified.", not a ticked "Trust this device".
      this.busy = false;
      this.trust = this.trustDevice;
      this.announce(undefined);
    }
    if (changed.has('trustDevice')) this.trust = this.trustDevice;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.light.render(this.view === 'form' ? this.renderForm() : null);
    const target = this.focusTarget;
    this.focusTarget = undefined;
    if (target === 'field') {
      const field = this.light.container.querySelector<HTMLInputElement>(`#${this.ids.code}`);
      field?.focus();
    } else if (target === 'heading') {
      this.renderRoot.querySelector<HTMLElement>('[data-focus="heading"]')?.focus();
    }
  }

  override render() {
    return html`<section part="base" aria-labelledby="title">
      ${heading(this.headingLevel, this.t('challenge.title'), {
        id: 'title',
        part: 'title',
        focusable: true,
        focus: this.view === 'form' ? undefined : 'heading',
      })}
      ${this.view === 'verified' ? this.renderVerified() : this.view === 'expired' ? this.renderExpired() : this.renderIntro()}
      ${this.renderStatus()}
    </section>`;
  }

  private renderIntro(): TemplateResult {
    return html`<p part="intro">${this.t(this.method === 'totp' ? 'challenge.introCode' : 'challenge.introBackup')}</p>
      <slot name="form"></slot>`;
  }

  private renderForm(): TemplateResult {
    const { ids } = this;
    const totp = this.method === 'totp';
    const locked = this.lockedUntil > Date.now();
    const disabled = this.busy || locked;
    return html`<form class="form" novalidate @submit=${this.handleSubmit}>
      ${this.formError ? html`<div class="alert danger" role="alert"><p>${this.say(this.formError)}</p></div>` : nothing}
      <div class="field">
        <label for=${ids.code}>${this.t(totp ? 'challenge.code' : 'challenge.backupCode')}</label>
        ${totp
          ? renderCodeInput({
              id: ids.code,
              value: this.code,
              invalid: Boolean(this.fieldError),
              describedBy: `${ids.hint} ${ids.error}`,
              onInput: (digits) => this.handleCodeInput(digits),
            })
          : html`<input
              id=${ids.code}
              class="input code"
              type="text"
              name="backup-code"
              autocomplete="off"
              autocapitalize="none"
              dir="ltr"
              spellcheck="false"
              maxlength="32"
              required
              aria-invalid=${this.fieldError ? 'true' : 'false'}
              aria-describedby="${ids.hint} ${ids.error}"
              .value=${this.backupCode}
              @input=${this.handleBackupInput}
            />`}
        <p id=${ids.hint} class="hint">${this.t(totp ? 'challenge.codeHint' : 'challenge.backupHint')}</p>
        <p id=${ids.error} class="error" ?hidden=${!this.fieldError}>${this.say(this.fieldError)}</p>
      </div>
      <div class="field">
        <label class="choice" for=${ids.trust}>
          <input
            id=${ids.trust}
            type="checkbox"
            name="trust-device"
            aria-describedby=${ids.trustHint}
            .checked=${live(this.trust)}
            @change=${this.handleTrustChange}
          />
          ${this.t('challenge.trust', { count: this.trustDays, days: formatNumber(this.trustDays, this.userSettings) })}
        </label>
        <p id=${ids.trustHint} class="hint">${this.t('challenge.trustHint')}</p>
      </div>
      <div class="actions">
        ${renderBusyButton({
          variant: 'primary',
          type: 'submit',
          label: this.t('challenge.verify'),
          busyLabel: this.t('challenge.verifying'),
          busy: this.busy,
          disabled,
        })}
        <button class="button link" type="button" data-action="switch" @click=${this.handleSwitch}>
          ${this.t(totp ? 'challenge.useBackup' : 'challenge.useApp')}
        </button>
      </div>
    </form>`;
  }

  private renderVerified(): TemplateResult {
    const result = this.result;
    const remaining = result?.backupCodesRemaining;
    const few = remaining !== null && remaining !== undefined && remaining <= FEW_BACKUP_CODES;
    const href = safeHref(this.backupCodesHref);
    return html`<div part="verified" class="panel">
      <p class="alert success">${this.t('challenge.verified')}</p>
      ${result?.trustedDevice
        ? html`<p>${this.t('challenge.trustedUntil', { date: formatDate(result.trustedDevice.expiresAt, this.userSettings) })}</p>`
        : nothing}
      ${remaining !== null && remaining !== undefined
        ? html`<p>${remaining === 0 ? this.t('challenge.backupNone') : this.t('challenge.backupLeft', { count: remaining, remaining: formatNumber(remaining, this.userSettings) })}</p>`
        : nothing}
      ${few
        ? html`<p part="warning" class="alert warning">
            ${this.t('challenge.backupFew')}
            ${href ? html`<a href=${href}>${this.t('challenge.backupRegenerate')}</a>` : nothing}
          </p>`
        : nothing}
    </div>`;
  }

  private renderExpired(): TemplateResult {
    const href = safeHref(this.restartHref);
    return html`<div part="expired" class="panel">
      <div class="alert warning" role="alert"><p>${this.t('challenge.expired')}</p></div>
      <div class="actions">
        ${href
          ? html`<a part="restart" class="button primary" href=${href}>${this.t('challenge.restart')}</a>`
          : html`<button part="restart" class="button primary" type="button" @click=${this.handleRestart}>${this.t('challenge.restart')}</button>`}
      </div>
    </div>`;
  }

  // ——— Input ———

  private handleCodeInput(digits: string): void {
    this.code = digits;
    this.fieldError = undefined;
  }

  private handleBackupInput(event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    const code = backupCodeOf(input.value);
    if (input.value !== code) input.value = code;
    this.backupCode = code;
    this.fieldError = undefined;
  }

  private handleTrustChange(event: Event): void {
    this.trust = (event.target as HTMLInputElement).checked;
  }

  private handleSwitch(): void {
    this.method = this.method === 'totp' ? 'backup' : 'totp';
    this.fieldError = undefined;
    this.formError = undefined;
    this.focusTarget = 'field';
  }

  private handleRestart(): void {
    emit(this, 'dn-2fa-challenge-expired', { challengeId: this.challengeId });
  }

  // ——— Verify ———

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    if (this.lockedUntil > Date.now()) {
      // Still waiting out too many attempts: say so again (typing cleared the message).
      this.fieldError = { key: 'errors.rateLimitedFor', until: this.lockedUntil };
      this.focusTarget = 'field';
      return;
    }
    const method = this.method;
    const code = method === 'totp' ? this.code : this.backupCode;
    if (method === 'totp' ? code.length !== 6 : code.replace(/-/g, '').length < 6) {
      this.fieldError = { key: method === 'totp' ? 'challenge.errors.codeFormat' : 'challenge.errors.backupFormat' };
      this.focusTarget = 'field';
      return;
    }
    this.busy = true;
    this.formError = undefined;
    this.fieldError = undefined;
    const challengeId = this.challengeId;
    try {
      const result = await this.accountApi.verifyTwoFactorChallenge({ challengeId, method, code, trustDevice: this.trust }, { signal: this.signal });
      // The host started a new sign-in meanwhile: this answer is about the old one.
      if (challengeId !== this.challengeId) return;
      this.result = result;
      this.view = 'verified';
      this.code = '';
      this.backupCode = '';
      this.focusTarget = 'heading';
      this.announce({ key: 'challenge.verified' });
      emit(this, 'dn-2fa-verified', {
        method,
        trusted: result.trustedDevice !== null,
        trustedDevice: result.trustedDevice,
        backupCodesRemaining: result.backupCodesRemaining,
      });
    } catch (error) {
      if (challengeId === this.challengeId) this.showFailure(this.handleFailure(error), method);
    } finally {
      if (challengeId === this.challengeId) this.busy = false;
    }
  }

  private showFailure(apiError: ApiError, method: Method): void {
    if (apiError.kind === 'aborted') return;
    if (apiError.code === 'challenge-expired' || apiError.kind === 'gone') {
      this.view = 'expired';
      this.code = '';
      this.backupCode = '';
      this.focusTarget = 'heading';
      emit(this, 'dn-2fa-challenge-expired', { challengeId: this.challengeId });
      return;
    }
    if (apiError.kind === 'rate-limited') {
      const seconds = apiError.retryAfter ?? 0;
      if (seconds > 0) {
        this.lockedUntil = Date.now() + seconds * 1000;
        clearTimeout(this.unlockTimer);
        this.unlockTimer = setTimeout(() => {
          this.lockedUntil = 0;
          if (this.fieldError && 'key' in this.fieldError && this.fieldError.key === 'errors.rateLimitedFor') this.fieldError = undefined;
        }, seconds * 1000);
      }
      this.fieldError = this.describeError(apiError);
      this.focusTarget = 'field';
      return;
    }
    if (apiError.code === 'code-reused') {
      this.fieldError = { key: method === 'totp' ? 'challenge.errors.codeReused' : 'challenge.errors.backupReused' };
    } else if (apiError.code === 'invalid-code' || apiError.code === 'invalid-credentials' || apiError.fieldErrors['code']) {
      this.fieldError = { key: method === 'totp' ? 'challenge.errors.codeWrong' : 'challenge.errors.backupWrong' };
    } else {
      this.formError = this.describeError(apiError);
    }
    // The field keeps what was typed and takes focus back, its text selected to retype.
    this.focusTarget = 'field';
    void this.updateComplete.then(() => this.light.container.querySelector<HTMLInputElement>(`#${this.ids.code}`)?.select());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-2fa-challenge': Dn2faChallenge;
  }
}
