import { html, nothing, type PropertyValues } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { AccountApi } from '../../api/account-api.js';
import type { ReauthChallenge } from '../../api/context.js';
import { reauthContract, type ReauthRequest } from '../../api/contract/reauth.js';
import { passkeyReauthContract } from '../../api/contract/passkeys.js';
import { CeremonyError, ceremonyMessageKey, getPasskey } from '../../internal/webauthn.js';
import { registerSchemas } from '../../api/validation.js';
import { DnElement, type Message } from '../../internal/dn-element.js';
import { baseStyles } from '../../internal/styles/host.styles.js';
import { buttonStyles } from '../../internal/styles/buttons.styles.js';
import { alertStyles } from '../../internal/styles/alerts.styles.js';
import { codeInputStyles } from '../../internal/styles/choices.styles.js';
import { fieldStyles } from '../../internal/styles/fields.styles.js';
import { dialogStyles } from '../../internal/styles/dialogs.styles.js';
import { emit } from '../../internal/events.js';
import { LightDomController } from '../../internal/light-dom.js';
import { renderCodeInput, renderCurrentPasswordInput, renderUsernameField } from '../../internal/fields.js';
import { resources } from '../../api/resources.js';
import { ResourceController } from '../../internal/resource-controller.js';
import { visuallyHiddenStyles } from '../../internal/styles/utility.styles.js';
import { renderBusyButton } from '../../internal/controls.js';
import { uniqueId } from '../../internal/ids.js';
import { styles } from './reauth-dialog.styles.js';
import { deepActiveElement } from '../../internal/focus.js';
import { registerStrings } from '../../i18n/i18n.js';
import reauthStrings from '../../i18n/locales/reauth/strings.js';

registerSchemas(reauthContract, passkeyReauthContract);
registerStrings(reauthStrings);

/** The methods typed into a field; a passkey is a button beside them. */
type Method = 'password' | 'totp';

/** What `confirm()` needs: the methods the server accepts (first one preselected) and the API to send the answer to. */
export interface ConfirmIdentityOptions extends Pick<ReauthChallenge, 'methods' | 'api'> {
  /** Not read by the dialog (the caller's wait ends through confirmIdentity()); accepted so a `ReauthChallenge` passes as it is. */
  signal?: AbortSignal;
}

/**
 * @summary The shared "Confirm it's you" dialog: elements open it when the server
 * asks to re-authenticate before a sensitive action, and retry the action once the
 * server accepts the password or 2FA code. When the server lists `passkey` among its
 * methods (the user has passkeys), "Use a passkey" sits beside the field: the browser's
 * passkey prompt, an assertion the server verifies, and the action goes on.
 *
 * You do not place it yourself: the elements add one to the nearest
 * `<dn-account-provider>` (or `<body>`) the first time they need it, unless that
 * provider's `reauth` supplies the host's own flow. Its fields are in the light DOM,
 * so password managers can fill them.
 *
 * @event dn-reauthenticated - The server accepted the password, code or passkey. `detail.until`: when the confirmation expires.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart title - The heading.
 * @csspart description - The text under the heading.
 *
 * @slot credentials - Filled by the element itself with the light-DOM form.
 *
 * @tagname dn-reauth-dialog
 */
export class DnReauthDialog extends DnElement {
  static override styles = [...baseStyles, dialogStyles, styles];

  @state() private open = false;
  @state() private method: Method = 'password';
  @state() private methods: readonly Method[] = ['password'];
  @state() private busy = false;
  /** The server accepts a passkey: "Use a passkey" is offered. */
  @state() private passkey = false;
  /** The passkey prompt is open or its answer is being verified. */
  @state() private passkeyBusy = false;
  @state() private fieldError?: Message;
  @state() private formError?: Message;

  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly light = new LightDomController(this, 'credentials', [fieldStyles, codeInputStyles, buttonStyles, alertStyles, visuallyHiddenStyles]);
  private readonly ids = { input: uniqueId('dn-reauth-input'), error: uniqueId('dn-reauth-error'), username: uniqueId('dn-reauth-username') };
  /** Reads nothing itself: the account's email, for the password form, is what the page's store holds. */
  private readonly data = new ResourceController(this, { resource: () => null });
  private value = '';
  private requestApi?: AccountApi;
  private resolve?: (confirmed: boolean) => void;
  private pending?: Promise<boolean>;
  private returnFocus: HTMLElement | null = null;
  /** Ends a passkey prompt still open when the dialog closes. */
  private ceremony?: AbortController;

  /**
   * Opens the dialog; resolves `true` once the server accepted the password or
   * code, `false` if the user cancelled. Concurrent calls share one dialog.
   */
  confirm(options: ConfirmIdentityOptions): Promise<boolean> {
    if (this.pending) return this.pending;
    const fields = options.methods.filter((m): m is Method => m !== 'passkey');
    this.passkey = options.methods.includes('passkey');
    // Only a passkey (an account without a password): no field at all.
    this.methods = fields.length > 0 || !this.passkey ? (fields.length > 0 ? fields : ['password']) : [];
    this.method = this.methods[0] ?? 'password';
    this.requestApi = options.api;
    this.returnFocus = deepActiveElement();
    this.open = true;
    this.pending = new Promise<boolean>((resolve) => {
      this.resolve = resolve;
    });
    return this.pending;
  }

  override disconnectedCallback(): void {
    this.finish(false);
    super.disconnectedCallback();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.light.render(this.open ? this.renderForm() : null);
    if (changed.has('open') && this.open && !this.dialog.open) {
      this.dialog.showModal();
      this.focusInput();
    }
  }

  override render() {
    const description =
      this.methods.length === 0
        ? this.t('reauth.descriptionPasskey')
        : this.method === 'password'
          ? this.t('reauth.descriptionPassword')
          : this.t('reauth.descriptionCode');
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      aria-describedby="description"
      @cancel=${this.handleCancel}
      @close=${this.handleClose}
    >
      <h2 id="title" part="title">${this.t('reauth.title')}</h2>
      <p id="description" part="description">${description}</p>
      <slot name="credentials"></slot>
    </dialog>`;
  }

  private renderPasskeyButton() {
    return renderBusyButton({
      variant: this.methods.length === 0 ? 'primary' : 'secondary',
      label: this.t('reauth.usePasskey'),
      busyLabel: this.t('reauth.usingPasskey'),
      busy: this.passkeyBusy,
      disabled: this.passkeyBusy || this.busy,
      data: { action: 'passkey' },
      onClick: () => void this.handlePasskey(),
    });
  }

  private renderForm() {
    if (this.methods.length === 0) {
      return html`<form class="form" novalidate @submit=${(event: SubmitEvent) => event.preventDefault()}>
        ${this.formError ? html`<div class="alert danger" role="alert">${this.say(this.formError)}</div>` : nothing}
        ${this.renderPasskeyButton()}
        <div class="actions">
          <button class="button secondary" type="button" @click=${this.handleCancel}>${this.t('common.cancel')}</button>
        </div>
      </form>`;
    }
    const isPassword = this.method === 'password';
    const other: Method | undefined = this.methods.find((m) => m !== this.method);
    return html`<form class="form" novalidate @submit=${this.handleSubmit}>
      ${this.formError ? html`<div class="alert danger" role="alert">${this.say(this.formError)}</div>` : nothing}
      ${isPassword
        ? renderUsernameField({ id: this.ids.username, value: this.data.peek(resources.profile)?.email ?? '', label: this.t('common.accountEmail') })
        : nothing}
      <div class="field">
        <label for=${this.ids.input}>${isPassword ? this.t('reauth.password') : this.t('reauth.code')}</label>
        ${(isPassword ? renderCurrentPasswordInput : renderCodeInput)({
          id: this.ids.input,
          value: this.value,
          invalid: Boolean(this.fieldError),
          describedBy: this.ids.error,
          onInput: (value) => this.handleInput(value),
        })}
        <p id=${this.ids.error} class="error" ?hidden=${!this.fieldError}>${this.say(this.fieldError)}</p>
      </div>
      ${other
        ? html`<button class="button link" type="button" @click=${() => this.switchMethod(other)}>
            ${other === 'totp' ? this.t('reauth.useCode') : this.t('reauth.usePassword')}
          </button>`
        : nothing}
      ${this.passkey ? this.renderPasskeyButton() : nothing}
      <div class="actions">
        <button class="button secondary" type="button" @click=${this.handleCancel}>${this.t('common.cancel')}</button>
        ${renderBusyButton({ variant: 'primary', type: 'submit', label: this.t('reauth.confirm'), busy: this.busy, disabled: this.busy || this.passkeyBusy })}
      </div>
    </form>`;
  }

  /** The password as typed, or the code's digits only (the code input keeps those). */
  private handleInput(value: string): void {
    this.value = value;
    if (this.fieldError) this.fieldError = undefined;
  }

  private switchMethod(method: Method): void {
    this.method = method;
    this.value = '';
    this.fieldError = undefined;
    this.formError = undefined;
    void this.updateComplete.then(() => this.focusInput());
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || this.passkeyBusy || !this.requestApi) return;
    const request = this.buildRequest();
    if (!request) {
      this.focusInput();
      return;
    }
    this.busy = true;
    this.formError = undefined;
    try {
      const result = await this.requestApi.reauthenticate(request, { signal: this.signal });
      emit(this, 'dn-reauthenticated', { until: result.reauthenticatedUntil });
      this.finish(true);
    } catch (error) {
      const apiError = this.handleFailure(error);
      if (apiError.kind === 'aborted') return;
      if (apiError.kind === 'validation' || apiError.code === 'invalid-credentials') {
        this.fieldError = { key: this.method === 'password' ? 'reauth.wrongPassword' : 'reauth.wrongCode' };
      } else {
        this.formError = this.describeError(apiError);
      }
      this.focusInput();
    } finally {
      this.busy = false;
    }
  }

  /** "Use a passkey": the server's options, the browser's prompt, the server's verification. */
  private async handlePasskey(): Promise<void> {
    const api = this.requestApi;
    if (this.busy || this.passkeyBusy || !api) return;
    this.passkeyBusy = true;
    this.formError = undefined;
    this.fieldError = undefined;
    const ceremony = new AbortController();
    this.ceremony = ceremony;
    const signal = AbortSignal.any([ceremony.signal, this.signal]);
    try {
      const options = await api.startPasskeyReauth({ signal });
      const credential = await getPasskey(options, signal);
      const result = await api.reauthenticateWithPasskey({ credential }, { signal });
      emit(this, 'dn-reauthenticated', { until: result.reauthenticatedUntil });
      this.finish(true);
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof CeremonyError) {
        if (error.reason !== 'aborted') this.formError = { key: ceremonyMessageKey(error.reason) };
        return;
      }
      const apiError = this.handleFailure(error);
      if (apiError.kind === 'aborted') return;
      this.formError =
        apiError.kind === 'validation' || apiError.code === 'invalid-credentials' || apiError.kind === 'gone'
          ? { key: 'reauth.passkeyNotAccepted' }
          : this.describeError(apiError);
    } finally {
      if (this.ceremony === ceremony) this.ceremony = undefined;
      this.passkeyBusy = false;
    }
  }

  private buildRequest(): ReauthRequest | undefined {
    if (this.method === 'password') {
      if (!this.value) {
        this.fieldError = { key: 'reauth.passwordRequired' };
        return undefined;
      }
      return { method: 'password', password: this.value };
    }
    if (!/^\d{6}$/.test(this.value)) {
      this.fieldError = { key: 'reauth.codeFormat' };
      return undefined;
    }
    return { method: 'totp', code: this.value };
  }

  private handleCancel(event?: Event): void {
    event?.preventDefault();
    this.finish(false);
  }

  private handleClose(): void {
    if (this.open) this.finish(false);
  }

  private finish(confirmed: boolean): void {
    const resolve = this.resolve;
    this.resolve = undefined;
    this.ceremony?.abort();
    this.ceremony = undefined;
    this.pending = undefined;
    this.requestApi = undefined;
    // The password leaves the page as soon as the dialog closes.
    this.value = '';
    this.fieldError = undefined;
    this.formError = undefined;
    this.open = false;
    if (this.dialog?.open) this.dialog.close();
    this.returnFocus?.focus();
    this.returnFocus = null;
    resolve?.(confirmed);
  }

  private focusInput(): void {
    const target =
      this.light.container.querySelector<HTMLInputElement>('input:not([readonly])') ??
      this.light.container.querySelector<HTMLButtonElement>('button[data-action="passkey"]');
    target?.focus();
  }
}


declare global {
  interface HTMLElementTagNameMap {
    'dn-reauth-dialog': DnReauthDialog;
  }
}
