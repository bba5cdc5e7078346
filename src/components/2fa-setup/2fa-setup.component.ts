import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { resources } from '../../api/resources.js';
import type { ReauthRequest } from '../../api/contract/reauth.js';
import type { Profile } from '../../api/contract/profile.js';
import { twoFactorContract, type BackupCodes, type TwoFactorSetup, type TwoFactorStatus } from '../../api/contract/two-factor.js';
import { registerSchemas } from '../../api/validation.js';
import type { ApiError } from '../../api/errors.js';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.js';
import { registerStrings } from '../../i18n/i18n.js';
import twoFactorStrings from '../../i18n/locales/two-factor/strings.js';
import { DnElement, type Message } from '../../internal/dn-element.js';
import { heading } from '../../internal/heading.js';
import { baseStyles } from '../../internal/styles/host.styles.js';
import { buttonStyles } from '../../internal/styles/buttons.styles.js';
import { alertStyles } from '../../internal/styles/alerts.styles.js';
import { badgeStyles } from '../../internal/styles/badges.styles.js';
import { skeletonStyles } from '../../internal/styles/skeleton.styles.js';
import { layoutStyles } from '../../internal/styles/layout.styles.js';
import { visuallyHiddenStyles } from '../../internal/styles/utility.styles.js';
import { fieldStyles } from '../../internal/styles/fields.styles.js';
import { choiceStyles, codeInputStyles } from '../../internal/styles/choices.styles.js';
import { ReauthController } from '../../internal/reauth-controller.js';
import { emit } from '../../internal/events.js';
import { uniqueId } from '../../internal/ids.js';
import { ResourceController } from '../../internal/resource-controller.js';
import { LightDomController } from '../../internal/light-dom.js';
import { renderCodeInput, renderCurrentPasswordInput, renderUsernameField } from '../../internal/fields.js';
import { renderBusyButton } from '../../internal/controls.js';
import { clearQr, drawQr } from '../../internal/qr.js';
import { lightStyles, styles } from './2fa-setup.styles.js';
import { BackupCodesController, type CodesFor } from './backup-codes.js';
import { confirmIdentity } from '../reauth-dialog/confirm-identity.js';

registerStrings(twoFactorStrings);
registerSchemas(twoFactorContract);

/** Backup codes left at which the status warns. */
const FEW_BACKUP_CODES = 3;

type View = 'status' | 'setup' | 'codes' | 'confirm';
type ConfirmAction = 'disable' | 'regenerate';
type Busy = 'start' | 'verify' | 'confirm' | null;

/** The key for manual entry in groups of four: `JBSW Y3DP EHPK …`. */
export function groupKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * @summary Two-factor authentication with an authenticator app: the status (on or
 * off, since when, backup codes left), turning it on (QR code and key → a 6-digit
 * code → backup codes shown once), turning it off and generating new backup codes.
 *
 * Secrets — the TOTP key, the `otpauth://` URI and the backup codes — are only in
 * the element's memory and DOM while their step is open, never in attributes, URLs,
 * storage or events; they are dropped when the flow ends, is cancelled, or the element
 * leaves the page. The QR code is drawn on a canvas by a library loaded when the setup
 * step first opens. "Print" prints only the codes, from a hidden frame removed afterwards.
 *
 * Turning 2FA off and new backup codes are confirmed with the password or a current code;
 * when the server also asks to re-authenticate, "Confirm it's you" opens.
 *
 * @event dn-2fa-enabled - 2FA was turned on and the user finished saving the backup codes. `detail.status` (no codes).
 * @event dn-2fa-disabled - 2FA was turned off. `detail.status`.
 * @event dn-backup-codes-regenerated - A new set of backup codes replaced the old one. `detail.generatedAt`, `detail.count`.
 * @event dn-unauthorized - The backend answered 401: send the user to sign in.
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart summary - The status view: on/off, since when, backup codes left, actions.
 * @csspart badge - The on/off badge.
 * @csspart recommendation - The banner recommending 2FA (admins and owners, while off).
 * @csspart warning - The warning that few backup codes are left.
 * @csspart setup - The setup step: QR code, key, code form.
 * @csspart qr - The light card around the QR code canvas.
 * @csspart key - The key for manual entry.
 * @csspart backup-codes - The backup codes panel (list, download, copy, print, confirmation).
 * @csspart codes - The list of backup codes.
 * @csspart confirm - The confirmation step of turning off or generating new codes.
 * @csspart status - The polite live region.
 * @csspart loading - The loading placeholder.
 * @csspart error - The load error with its retry button.
 *
 * @slot form - Filled by the element itself with the code or password form (light DOM, so autofill and password managers reach the fields).
 *
 * @tagname dn-2fa-setup
 */
export class Dn2faSetup extends DnElement {
  static override styles = [...baseStyles, buttonStyles, alertStyles, badgeStyles, skeletonStyles, layoutStyles, visuallyHiddenStyles, fieldStyles, choiceStyles, styles];

  /**
   * The name of what the backup codes sign in to, written at the top of the downloaded and
   * printed codes with the account and the date (e.g. your product's name). Without it: the
   * name the server gives authenticator apps (when 2FA was turned on here), else the page's host.
   */
  @property({ attribute: 'service-name' }) serviceName = '';

  @state() private view: View = 'status';
  /** The pending setup: holds the secret while the setup step is open. */
  @state() private setup?: TwoFactorSetup;
  @state() private setupExpired = false;
  @state() private qrFailed = false;
  @state() private confirmAction: ConfirmAction = 'disable';
  @state() private method: ReauthRequest['method'] = 'password';
  @state() private code = '';
  @state() private password = '';
  @state() private errors: { code?: Message; password?: Message } = {};
  @state() private formError?: Message;
  @state() private copyError?: Message;
  @state() private busy: Busy = null;

  /** Set once 2FA was turned on in this flow; the event goes out on Finish. */
  private enabledPending = false;
  private qrDrawnFor?: string;
  private focusTarget?: string;
  /** The issuer and account name of the setup that turned 2FA on here. */
  private setupFor?: { service: string; account: string };
  /** The account's email, asked for when no profile was on the page. */
  private accountEmail?: string;
  private readonly light = new LightDomController(this, 'form', [fieldStyles, codeInputStyles, choiceStyles, buttonStyles, alertStyles, layoutStyles, visuallyHiddenStyles, lightStyles]);
  /** "Confirm it's you" around sensitive requests. */
  private readonly reauth = new ReauthController(this, confirmIdentity);
  /** The backup codes, shown once after turning 2FA on and after generating new ones. */
  private readonly codesView = new BackupCodesController(this, {
    t: (key, options) => this.t(key, options),
    say: (message) => this.say(message),
    settings: () => this.userSettings,
    headingLevel: () => this.headingLevel,
    codesFor: () => this.codesFor(),
    announce: (message) => this.announce(message),
    focus: (selector) => {
      this.focusTarget = selector;
    },
    finished: () => this.handleFinish(),
  });
  private readonly ids = {
    code: uniqueId('dn-2fa-code'),
    codeHint: uniqueId('dn-2fa-code-hint'),
    codeError: uniqueId('dn-2fa-code-error'),
    password: uniqueId('dn-2fa-password'),
    username: uniqueId('dn-2fa-username'),
    passwordError: uniqueId('dn-2fa-password-error'),
    method: uniqueId('dn-2fa-method'),
  };

  /** Whether 2FA is on, shared with every reader on the page. */
  private readonly twoFactor = new ResourceController(this, {
    resource: () => resources.twoFactor,
    failed: (error) => this.handleFailure(error),
  });

  private get status(): TwoFactorStatus | undefined {
    return this.twoFactor.value;
  }

  /** Writes through the store: every reader of the status shows the change. */
  private set status(status: TwoFactorStatus) {
    this.twoFactor.set(status);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.forgetSecrets();
    this.view = 'status';
    this.busy = null;
    // The key and the codes leave the DOM now, not when the element comes back.
    this.renderOffPage();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.light.render(this.renderLightForm());
    if (this.view === 'setup' && this.setup && this.qrDrawnFor !== this.setup.setupId) void this.drawQrCode(this.setup);
    if (this.focusTarget) {
      const selector = this.focusTarget;
      this.focusTarget = undefined;
      const target = this.light.container.querySelector<HTMLElement>(selector) ?? this.renderRoot.querySelector<HTMLElement>(selector);
      target?.focus();
    }
  }

  override render() {
    return html`<section part="base" aria-labelledby="title">
      ${heading(this.headingLevel, this.t('twoFactor.title'), { id: 'title', part: 'title' })}
      ${this.status
        ? this.renderBody(this.status)
        : this.renderLoadState(this.twoFactor, 2)}
      ${this.renderStatus()}
    </section>`;
  }

  private renderBody(status: TwoFactorStatus): TemplateResult {
    switch (this.view) {
      case 'setup':
        return this.renderSetup();
      case 'codes':
        return this.codesView.render();
      case 'confirm':
        return this.renderConfirm();
      default:
        return this.renderSummary(status);
    }
  }

  private renderSummary(status: TwoFactorStatus): TemplateResult {
    const few = status.enabled && status.backupCodesRemaining <= FEW_BACKUP_CODES;
    return html`<div part="summary" class="panel">
      <p class="row">
        <span>${this.t('twoFactor.statusLabel')}</span>
        <span part="badge" class="badge ${status.enabled ? 'success' : ''}">${this.t(status.enabled ? 'twoFactor.on' : 'twoFactor.off')}</span>
      </p>
      ${status.enabled
        ? html`${status.enabledAt
              ? html`<p class="muted">${this.t('twoFactor.enabledSince', { date: formatDate(status.enabledAt, this.userSettings) })}</p>`
              : nothing}
            ${few
              ? html`<p part="warning" class="alert warning">${this.backupCodesWarning(status.backupCodesRemaining)}</p>`
              : html`<p>${this.t('twoFactor.backupCodesLeft', { remaining: formatNumber(status.backupCodesRemaining, this.userSettings) })}</p>`}`
        : html`<p class="muted">${this.t('twoFactor.intro')}</p>
            ${status.recommended ? html`<p part="recommendation" class="alert info">${this.t('twoFactor.recommended')}</p>` : nothing}`}
      ${this.renderFormError()}
      <div class="actions">
        ${status.enabled
          ? html`<button class="button secondary" type="button" data-action="regenerate" @click=${() => this.openConfirm('regenerate')}>
                ${this.t('twoFactor.regenerate')}
              </button>
              <button class="button secondary" type="button" data-action="disable" @click=${() => this.openConfirm('disable')}>
                ${this.t('twoFactor.disable')}
              </button>`
          : renderBusyButton({
              variant: 'primary',
              data: { action: 'enable' },
              label: this.t('twoFactor.enable'),
              busyLabel: this.t('twoFactor.starting'),
              busy: this.busy === 'start',
              disabled: Boolean(this.busy),
              onClick: () => void this.handleStart(),
            })}
      </div>
    </div>`;
  }

  /** "Only 2 backup codes left…", with the plural form the language needs. */
  private backupCodesWarning(remaining: number): string {
    if (remaining === 0) return this.t('twoFactor.backupCodesNone');
    return this.t('twoFactor.backupCodesLow', { count: remaining, remaining: formatNumber(remaining, this.userSettings) });
  }

  private renderSetup(): TemplateResult {
    const setup = this.setup;
    return html`<div part="setup" class="panel">
      ${heading(this.headingLevel, this.t('twoFactor.setupTitle'), { sub: true, focusable: true, focus: 'heading' })}
      ${this.setupExpired || !setup
        ? html`<div class="alert warning" role="alert">
              <p>${this.t('twoFactor.errors.expired')}</p>
            </div>
            ${this.renderFormError()}
            <div class="actions">
              ${renderBusyButton({
                variant: 'primary',
                label: this.t('twoFactor.startOver'),
                busy: this.busy === 'start',
                disabled: Boolean(this.busy),
                onClick: () => void this.handleStart(),
              })}
              <button class="button secondary" type="button" @click=${this.handleCancel}>${this.t('common.cancel')}</button>
            </div>`
        : html`<p>${this.t('twoFactor.scan')}</p>
            <div part="qr" class="qr">
              <canvas role="img" aria-label=${this.t('twoFactor.qrLabel')} width="0" height="0"></canvas>
            </div>
            ${this.qrFailed ? html`<p class="alert warning">${this.t('twoFactor.qrFailed')}</p>` : nothing}
            <p>${this.t('twoFactor.manualKey')}</p>
            <div class="row">
              <code part="key" class="key" dir="ltr" translate="no">${groupKey(setup.secret)}</code>
              <button class="button secondary" type="button" @click=${this.handleCopyKey}>${this.t('twoFactor.copyKey')}</button>
            </div>
            ${this.copyError ? html`<p class="error" role="alert">${this.say(this.copyError)}</p>` : nothing}
            <p class="muted">${this.t('twoFactor.setupValidUntil', { time: formatDateTime(setup.expiresAt, this.userSettings) })}</p>
            <p>${this.t('twoFactor.enterCode')}</p>
            <slot name="form"></slot>`}
    </div>`;
  }

  private renderConfirm(): TemplateResult {
    const disable = this.confirmAction === 'disable';
    return html`<div part="confirm" class="panel">
      ${heading(this.headingLevel, this.t(disable ? 'twoFactor.disableTitle' : 'twoFactor.regenerateTitle'), {
        sub: true,
        focusable: true,
        focus: 'heading',
      })}
      <p>${this.t(disable ? 'twoFactor.disableIntro' : 'twoFactor.regenerateIntro')}</p>
      <slot name="form"></slot>
    </div>`;
  }

  private renderFormError(): TemplateResult | typeof nothing {
    return this.formError ? html`<div class="alert danger" role="alert"><p>${this.say(this.formError)}</p></div>` : nothing;
  }

  /** The fields autofill and password managers must reach: in light DOM, slotted in. */
  private renderLightForm(): TemplateResult | null {
    if (this.view === 'setup' && this.setup && !this.setupExpired) {
      return html`<form class="form" novalidate @submit=${this.handleVerify}>
        ${this.renderFormError()} ${this.renderCodeField()}
        <div class="actions">
          ${renderBusyButton({
            variant: 'primary',
            type: 'submit',
            label: this.t('twoFactor.verify'),
            busyLabel: this.t('twoFactor.verifying'),
            busy: this.busy === 'verify',
            disabled: Boolean(this.busy),
          })}
          <button class="button secondary" type="button" @click=${this.handleCancel}>${this.t('common.cancel')}</button>
        </div>
      </form>`;
    }
    if (this.view === 'confirm') {
      const disable = this.confirmAction === 'disable';
      const { ids } = this;
      return html`<form class="form" novalidate @submit=${this.handleConfirm}>
        ${this.renderFormError()}
        <fieldset>
          <legend>${this.t('twoFactor.confirmWith')}</legend>
          <label class="choice">
            <input type="radio" name=${ids.method} value="password" .checked=${this.method === 'password'} @change=${this.handleMethodChange} />
            ${this.t('twoFactor.methodPassword')}
          </label>
          <label class="choice">
            <input type="radio" name=${ids.method} value="totp" .checked=${this.method === 'totp'} @change=${this.handleMethodChange} />
            ${this.t('twoFactor.methodCode')}
          </label>
        </fieldset>
        ${this.method === 'password'
          ? html`${renderUsernameField({ id: ids.username, value: this.twoFactor.peek(resources.profile)?.email ?? '', label: this.t('common.accountEmail') })}
              <div class="field">
                <label for=${ids.password}>${this.t('twoFactor.password')}</label>
                ${renderCurrentPasswordInput({
                  id: ids.password,
                  value: this.password,
                  invalid: Boolean(this.errors.password),
                  describedBy: ids.passwordError,
                  onInput: (value) => this.handlePasswordInput(value),
                })}
                <p id=${ids.passwordError} class="error" ?hidden=${!this.errors.password}>${this.say(this.errors.password)}</p>
              </div>`
          : this.renderCodeField()}
        <div class="actions">
          ${renderBusyButton({
            variant: disable ? 'danger' : 'primary',
            type: 'submit',
            label: this.t(disable ? 'twoFactor.confirmDisable' : 'twoFactor.confirmRegenerate'),
            busyLabel: this.t('twoFactor.working'),
            busy: this.busy === 'confirm',
            disabled: Boolean(this.busy),
          })}
          <button class="button secondary" type="button" @click=${this.handleCancel}>${this.t('common.cancel')}</button>
        </div>
      </form>`;
    }
    return null;
  }

  private renderCodeField(): TemplateResult {
    const { ids } = this;
    return html`<div class="field">
      <label for=${ids.code}>${this.t('twoFactor.code')}</label>
      ${renderCodeInput({
        id: ids.code,
        value: this.code,
        invalid: Boolean(this.errors.code),
        describedBy: `${ids.codeHint} ${ids.codeError}`,
        onInput: (digits) => this.handleCodeInput(digits),
      })}
      <p id=${ids.codeHint} class="hint">${this.t('twoFactor.codeHint')}</p>
      <p id=${ids.codeError} class="error" ?hidden=${!this.errors.code}>${this.say(this.errors.code)}</p>
    </div>`;
  }

  // ——— Status → setup ———

  private async handleStart(): Promise<void> {
    if (this.busy) return;
    this.busy = 'start';
    this.formError = undefined;
    try {
      const setup = await this.reauth.run(() => this.accountApi.startTwoFactorSetup({ signal: this.signal }));
      this.forgetSecrets();
      this.setup = setup;
      this.setupExpired = false;
      this.qrFailed = false;
      this.view = 'setup';
      this.focusTarget = '[data-focus="heading"]';
    } catch (error) {
      const apiError = this.handleFailure(error);
      if (apiError.kind !== 'aborted') this.formError = this.describeError(apiError);
    } finally {
      this.busy = null;
    }
  }

  private async drawQrCode(setup: TwoFactorSetup): Promise<void> {
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas) return;
    this.qrDrawnFor = setup.setupId;
    try {
      const style = getComputedStyle(canvas);
      await drawQr(canvas, setup.otpauthUri, { dark: style.color, light: style.backgroundColor });
      // Cancelled (or started over) while the library loaded.
      if (this.setup?.setupId !== setup.setupId) clearQr(canvas);
    } catch {
      if (this.setup?.setupId === setup.setupId) this.qrFailed = true;
    }
  }

  private async handleCopyKey(): Promise<void> {
    if (!this.setup) return;
    await this.copy(this.setup.secret, { key: 'twoFactor.keyCopied' });
  }

  private handleCodeInput(digits: string): void {
    this.code = digits;
    if (this.errors.code) this.errors = { ...this.errors, code: undefined };
    this.formError = undefined;
  }

  private async handleVerify(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const setup = this.setup;
    if (this.busy || !setup) return;
    if (this.code.length !== 6) {
      this.errors = { code: { key: 'twoFactor.errors.codeFormat' } };
      this.focusField(this.ids.code);
      return;
    }
    this.busy = 'verify';
    this.formError = undefined;
    try {
      const result = await this.accountApi.verifyTwoFactorSetup({ setupId: setup.setupId, code: this.code }, { signal: this.signal });
      this.forgetSecrets();
      this.setupFor = { service: setup.issuer, account: setup.accountName };
      this.status = result.status;
      // Trusting devices depends on 2FA.
      this.twoFactor.invalidate('trusted-devices');
      this.enabledPending = true;
      this.showCodes(result.backupCodes, false);
      this.announce({ key: 'twoFactor.enabled' });
    } catch (error) {
      const apiError = this.handleFailure(error);
      if (apiError.kind === 'aborted') return;
      if (apiError.code === 'setup-expired' || apiError.kind === 'gone') {
        this.forgetSecrets();
        this.setupExpired = true;
        this.focusTarget = '[data-focus="heading"]';
      } else if (!this.showCodeError(apiError)) {
        this.formError = this.describeError(apiError);
      }
    } finally {
      this.busy = null;
    }
  }

  /** A wrong or reused code: the message at the field, focus kept there. */
  private showCodeError(apiError: ApiError): boolean {
    if (apiError.code === 'code-reused') {
      this.errors = { code: { key: 'twoFactor.errors.codeReused' } };
    } else if (apiError.code === 'invalid-code' || (apiError.code === 'invalid-credentials' && this.method === 'totp') || apiError.fieldErrors.code) {
      this.errors = { code: { key: 'twoFactor.errors.codeWrong' } };
    } else {
      return false;
    }
    this.focusField(this.ids.code, true);
    return true;
  }

  // ——— Backup codes ———

  /** The service and account the codes on show are for (see {@link serviceName}). */
  private codesFor(): CodesFor {
    const profile = this.twoFactor.store.get<Profile>(resources.profile.key).value;
    return {
      service: this.serviceName || this.setupFor?.service || location.host || location.origin,
      account: this.setupFor?.account || profile?.email || this.accountEmail,
    };
  }

  private showCodes(codes: BackupCodes, replaced: boolean): void {
    if (!this.codesFor().account) {
      // New codes without the profile on the page: ask for the account the file names.
      this.accountApi.getProfile({ signal: this.signal }).then(
        (profile) => (this.accountEmail = profile.email),
        () => undefined,
      );
    }
    this.codesView.show(codes, replaced);
    this.view = 'codes';
    this.focusTarget = '[data-focus="heading"]';
  }

  private handleFinish(): void {
    const enabled = this.enabledPending;
    this.forgetSecrets();
    this.view = 'status';
    this.focusTarget = '.actions .button';
    if (enabled && this.status) emit(this, 'dn-2fa-enabled', { status: this.status });
  }

  // ——— Disable / regenerate ———

  private openConfirm(action: ConfirmAction): void {
    this.confirmAction = action;
    this.method = 'password';
    this.password = '';
    this.code = '';
    this.errors = {};
    this.formError = undefined;
    this.view = 'confirm';
    this.focusTarget = '[data-focus="heading"]';
  }

  private handleMethodChange(event: Event): void {
    this.method = (event.target as HTMLInputElement).value === 'totp' ? 'totp' : 'password';
    this.errors = {};
    this.formError = undefined;
  }

  private handlePasswordInput(value: string): void {
    this.password = value;
    if (this.errors.password) this.errors = { ...this.errors, password: undefined };
    this.formError = undefined;
  }

  private async handleConfirm(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    let request: ReauthRequest;
    if (this.method === 'password') {
      if (!this.password) {
        this.errors = { password: { key: 'twoFactor.errors.passwordRequired' } };
        this.focusField(this.ids.password);
        return;
      }
      request = { method: 'password', password: this.password };
    } else {
      if (this.code.length !== 6) {
        this.errors = { code: { key: 'twoFactor.errors.codeFormat' } };
        this.focusField(this.ids.code);
        return;
      }
      request = { method: 'totp', code: this.code };
    }
    const action = this.confirmAction;
    this.busy = 'confirm';
    this.formError = undefined;
    try {
      if (action === 'disable') {
        const status = await this.reauth.run(() => this.accountApi.disableTwoFactor(request, { signal: this.signal }));
        this.status = status;
        this.twoFactor.invalidate('trusted-devices');
        this.leaveConfirm();
        this.view = 'status';
        this.focusTarget = '.actions .button';
        this.announce({ key: 'twoFactor.disabled' });
        emit(this, 'dn-2fa-disabled', { status });
      } else {
        const codes = await this.reauth.run(() => this.accountApi.regenerateBackupCodes(request, { signal: this.signal }));
        this.leaveConfirm();
        if (this.status) this.status = { ...this.status, backupCodesRemaining: codes.codes.length };
        this.showCodes(codes, true);
        this.announce({ key: 'twoFactor.regenerated' });
        emit(this, 'dn-backup-codes-regenerated', { generatedAt: codes.generatedAt, count: codes.codes.length });
      }
    } catch (error) {
      const apiError = this.handleFailure(error);
      if (apiError.kind === 'aborted') return;
      if (this.method === 'password' && (apiError.code === 'invalid-credentials' || apiError.fieldErrors.password)) {
        this.errors = { password: { key: 'twoFactor.errors.passwordWrong' } };
        this.focusField(this.ids.password, true);
      } else if (this.method !== 'totp' || !this.showCodeError(apiError)) {
        this.formError = this.describeError(apiError);
      }
    } finally {
      this.busy = null;
    }
  }

  private leaveConfirm(): void {
    this.password = '';
    this.code = '';
    this.errors = {};
  }

  // ——— Shared ———

  private handleCancel(): void {
    this.forgetSecrets();
    this.view = 'status';
    this.focusTarget = '.actions .button';
  }

  private async copy(text: string, done: Message): Promise<void> {
    this.copyError = undefined;
    try {
      await navigator.clipboard.writeText(text);
      this.announce(done);
    } catch {
      this.copyError = { key: 'twoFactor.copyFailed' };
    }
  }

  /** Drops every secret (key, URI, codes) and what was typed; the next render removes them from the DOM. */
  private forgetSecrets(): void {
    clearQr(this.renderRoot?.querySelector('canvas'));
    this.codesView.forget();
    this.setup = undefined;
    this.qrDrawnFor = undefined;
    this.enabledPending = false;
    this.code = '';
    this.password = '';
    this.errors = {};
    this.formError = undefined;
    this.copyError = undefined;
    this.setupExpired = false;
  }

  private focusField(id: string, select = false): void {
    void this.updateComplete.then(() => {
      const input = this.light.container.querySelector<HTMLInputElement>(`#${id}`);
      input?.focus();
      if (select) input?.select();
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-2fa-setup': Dn2faSetup;
  }
}
