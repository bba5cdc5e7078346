import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { resources } from '../../api/resources.js';
import type { ApiError } from '../../api/errors.js';
import { deletionContract, type AccountDeletionInfo } from '../../api/contract/deletion.js';
import type { Workspace } from '../../api/contract/problem.js';
import { registerSchemas } from '../../api/validation.js';
import { formatMoney, formatNumber } from '../../i18n/format.js';
import { registerStrings } from '../../i18n/i18n.js';
import deletionStrings from '../../i18n/locales/deletion/strings.js';
import type { DnConfirmDialog } from '../../internal/confirm-dialog.js';
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
import { ConfirmedActionController } from '../../internal/confirmed-action.js';
import { ResourceController } from '../../internal/resource-controller.js';
import { emit } from '../../internal/events.js';
import { safeHref } from '../../internal/safe-url.js';
import { renderEmailInput } from '../../internal/fields.js';
import { renderBusyButton } from '../../internal/controls.js';
import { uniqueId } from '../../internal/ids.js';
import { LightDomController } from '../../internal/light-dom.js';
import { policyStyles, renderPasswordField } from '../../internal/password-policy.js';
import { formExtraStyles, styles } from './delete-account.styles.js';
import { confirmIdentity } from '../reauth-dialog/confirm-identity.js';

registerStrings(deletionStrings);
registerSchemas(deletionContract);

type Field = 'email' | 'password';

/** Ignoring case and the spaces around it, as the server compares. */
function sameEmail(typed: string, account: string): boolean {
  return typed.trim().toLowerCase() === account.trim().toLowerCase();
}

/**
 * @summary The danger zone: deletes the account for good. States what goes, with
 * the numbers from the server (agents, phone numbers, call recordings, transcripts),
 * that the wallet balance is forfeited unless the user contacts support first, and
 * suggests exporting the data before. The user types the account email and the
 * password; the Delete button stays unavailable (and says why) until both are right,
 * then a final confirmation asks once more.
 *
 * While the user owns a workspace that has other members the server refuses: the
 * element lists those workspaces (from the start, and again when the server refuses)
 * and says to transfer ownership or delete each first.
 *
 * The form lives in the element's light DOM (slotted), so password managers fill the
 * `current-password` field. Nothing typed is lost when sending fails. The server may
 * ask "Confirm it's you" first. After deletion the element shows that the account is
 * gone and sends no more requests; the host decides where the user goes.
 *
 * @event dn-account-deleted - The account was deleted; the user is signed out. `detail.completedAt`.
 * @event dn-unauthorized - The backend answered 401: send the user to sign in.
 *
 * @csspart base - The wrapper (the danger zone).
 * @csspart title - The heading.
 * @csspart intro - The sentence under the heading.
 * @csspart impact - What is deleted: the counts, the wallet and export sentences.
 * @csspart impact-list - The list of counts (agents, phone numbers, recordings, transcripts).
 * @csspart wallet - The sentence about the wallet balance, with the support link when set.
 * @csspart support-link - The "Contact support" link (only with `support-href`).
 * @csspart export - The suggestion to export data first.
 * @csspart export-link - The "Export your data" link (only with `export-href`).
 * @csspart blocking - The workspaces that block deletion and what to do.
 * @csspart workspace - One blocking workspace.
 * @csspart workspace-link - The link to a workspace's settings (only with `workspace-href`).
 * @csspart check-again - The button that asks the server again whether workspaces still block.
 * @csspart deleted - The final "Your account was deleted" state.
 * @csspart status - The polite live region.
 * @csspart loading - The loading placeholder.
 * @csspart error - The load error with its retry button.
 *
 * @slot form - Filled by the element itself with the form (light DOM, so password managers see the fields).
 *
 * @tagname dn-delete-account
 */
export class DnDeleteAccount extends DnElement {
  static override styles = [...baseStyles, buttonStyles, alertStyles, skeletonStyles, layoutStyles, visuallyHiddenStyles, styles];

  /** Where the user asks support about the wallet balance (a URL or `mailto:`). Without it, the sentence has no link. */
  @property({ attribute: 'support-href' }) supportHref = '';

  /** Where the user exports their data (the page with `<dn-privacy-settings>`). Without it, the suggestion has no link. */
  @property({ attribute: 'export-href' }) exportHref = '';

  /**
   * Settings page of a workspace, as a template: `{id}` is replaced by the workspace id
   * (URL-encoded), e.g. `/workspaces/{id}/settings`. Without it, workspaces are listed without links.
   */
  @property({ attribute: 'workspace-href' }) workspaceHref = '';

  @state() private values: Record<Field, string> = { email: '', password: '' };
  @state() private revealed = false;
  @state() private errors: Partial<Record<Field, Message>> = {};
  /** Set once deleted: the final state, nothing more is requested. */
  @state() private deletedAt?: string;

  @query('dn-confirm-dialog') private confirmDialog!: DnConfirmDialog;
  /** "Confirm it's you" around sensitive requests. */
  private readonly reauth = new ReauthController(this, confirmIdentity);
  /** Confirmed destructive actions: which one is sent, why the last one failed. */
  private readonly action = new ConfirmedActionController(this, { reauth: this.reauth, say: (message) => this.say(message) });

  private readonly light = new LightDomController(this, 'form', [fieldStyles, buttonStyles, alertStyles, layoutStyles, visuallyHiddenStyles, policyStyles, formExtraStyles]);
  private readonly ids = {
    email: uniqueId('dn-deletion-email'),
    emailHint: uniqueId('dn-deletion-email-hint'),
    emailError: uniqueId('dn-deletion-email-error'),
    password: uniqueId('dn-deletion-password'),
    passwordError: uniqueId('dn-deletion-password-error'),
    requirements: uniqueId('dn-deletion-requirements'),
  };
  /** "Check again" was pressed: say what the answer changed. */
  private rechecking = false;

  /** What deleting the account would remove, shared with every reader on the page. */
  private readonly deletion = new ResourceController(this, {
    // Once deleted, the session is gone: asking again would only earn a 401.
    resource: () => (this.deletedAt ? null : resources.accountDeletion),
    failed: (error) => this.handleFailure(error),
    changed: (info) => {
      if (!this.rechecking) return;
      this.rechecking = false;
      this.announce({ key: info.blockingWorkspaces.length > 0 ? 'deletion.stillBlocked' : 'deletion.unblocked' });
    },
  });

  private get info(): AccountDeletionInfo | undefined {
    return this.deletion.value;
  }

  /** Writes through the store: every reader shows what the server said. */
  private set info(info: AccountDeletionInfo) {
    this.deletion.set(info);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The password does not outlive the element.
    this.values = { ...this.values, password: '' };
  }

  /** Moves focus to the email field (or the heading when there is no form). */
  override focus(options?: FocusOptions): void {
    const target = this.light.container.querySelector<HTMLElement>('input') ?? this.renderRoot.querySelector<HTMLElement>('.title');
    target?.focus(options);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.light.render(this.info && !this.deletedAt ? this.renderForm(this.info) : null);
  }

  override render() {
    return html`<section part="base" class="zone" aria-labelledby="title">
      ${heading(this.headingLevel, this.t('deletion.title'), { id: 'title', part: 'title', focusable: true })}
      ${this.deletedAt
        ? this.renderDeleted()
        : this.info
          ? html`${this.deletion.error === undefined ? nothing : this.renderLoadError(this.deletion.error, () => this.recheck())}${this.renderBody(
              this.info,
            )}`
          : this.renderLoadState(this.deletion, 4)}
      ${this.renderStatus()}
      <dn-confirm-dialog></dn-confirm-dialog>
    </section>`;
  }

  private renderDeleted(): TemplateResult {
    return html`<div part="deleted" class="deleted alert success">
      <p id="deleted" tabindex="-1"><strong>${this.t('deletion.deletedTitle')}</strong></p>
      <p>${this.t('deletion.deleted')}</p>
    </div>`;
  }

  private renderBody(info: AccountDeletionInfo): TemplateResult {
    const settings = this.userSettings;
    const count = (key: string, value: number) => html`<li>${this.t(key, { number: formatNumber(value, settings) })}</li>`;
    return html`<p part="intro">${this.t('deletion.intro')}</p>
      <div part="impact" class="impact">
        <p id="impact-title">${this.t('deletion.impactTitle')}</p>
        <ul part="impact-list" class="impact-list" aria-labelledby="impact-title">
          ${count('deletion.agents', info.agents)} ${count('deletion.phoneNumbers', info.phoneNumbers)}
          ${count('deletion.recordings', info.recordings)} ${count('deletion.transcripts', info.transcripts)}
        </ul>
        ${info.walletBalance.amount > 0
          ? html`<p part="wallet">
              ${this.t('deletion.wallet', { amount: formatMoney(info.walletBalance, settings) })}
              ${safeHref(this.supportHref) ? html`<a part="support-link" href=${safeHref(this.supportHref)!}>${this.t('deletion.contactSupport')}</a>` : nothing}
            </p>`
          : nothing}
        <p part="export">
          ${this.t('deletion.exportFirst')}
          ${safeHref(this.exportHref) ? html`<a part="export-link" href=${safeHref(this.exportHref)!}>${this.t('deletion.exportLink')}</a>` : nothing}
        </p>
      </div>
      ${info.blockingWorkspaces.length > 0 ? this.renderBlocking(info.blockingWorkspaces) : nothing}
      <slot name="form"></slot>`;
  }

  private renderBlocking(workspaces: readonly Workspace[]): TemplateResult {
    const checking = this.deletion.pending;
    return html`<div part="blocking" class="blocking alert warning">
      ${heading(this.headingLevel, this.t('deletion.blockedTitle'), { id: 'blocking-title', sub: true, focusable: true })}
      <p>${this.t('deletion.blockedIntro')}</p>
      <ul class="workspaces" aria-label=${this.t('deletion.blockedListLabel')}>
        ${workspaces.map(
          (workspace) => html`<li part="workspace" class="workspace">
            <span class="workspace-name">${workspace.name}</span>
            <span class="muted">${this.t('deletion.members', { number: formatNumber(workspace.memberCount, this.userSettings) })}</span>
            ${this.workspaceLink(workspace)
              ? html`<a part="workspace-link" href=${this.workspaceLink(workspace)!}>
                  ${this.t('deletion.manageWorkspace', { name: workspace.name })}
                </a>`
              : nothing}
          </li>`,
        )}
      </ul>
      <div class="actions">
        ${renderBusyButton({
          part: 'check-again',
          variant: 'secondary',
          label: this.t('deletion.checkAgain'),
          busyLabel: this.t('deletion.checking'),
          busy: checking,
          disabled: checking || Boolean(this.action.busy),
          onClick: () => this.recheck(),
        })}
      </div>
    </div>`;
  }

  private renderForm(info: AccountDeletionInfo): TemplateResult {
    const { ids, errors, values } = this;
    const reason = this.blockedReason(info);
    const busy = this.action.busy === 'delete';
    return html`<form class="form deletion-form" novalidate @submit=${this.handleSubmit}>
      <div class="field">
        <label for=${ids.email}>${this.t('deletion.email')}</label>
        ${renderEmailInput({
          id: ids.email,
          value: values.email,
          autocomplete: 'username',
          invalid: Boolean(errors.email),
          describedBy: `${ids.emailHint} ${ids.emailError}`,
          onInput: (value) => this.handleInput('email', value),
        })}
        <p id=${ids.emailHint} class="hint">${this.t('deletion.emailHint', { email: info.email })}</p>
        <p id=${ids.emailError} class="error" ?hidden=${!errors.email}>${this.say(errors.email)}</p>
      </div>
      ${renderPasswordField({
        id: ids.password,
        errorId: ids.passwordError,
        label: this.t('deletion.password'),
        name: 'current-password',
        autocomplete: 'current-password',
        value: values.password,
        revealed: this.revealed,
        error: this.say(errors.password),
        say: (message) => this.say(message),
        onInput: (value) => this.handleInput('password', value),
        onToggle: () => {
          this.revealed = !this.revealed;
        },
      })}
      ${this.action.error ? html`<div class="alert danger form-alert" role="alert">${this.say(this.action.error)}</div>` : nothing}
      <div class="actions">
        ${renderBusyButton({
          variant: 'danger',
          type: 'submit',
          label: this.t('deletion.submit'),
          busyLabel: this.t('deletion.deleting'),
          busy,
          disabled: Boolean(reason) || Boolean(this.action.busy),
          describedBy: ids.requirements,
        })}
      </div>
      <p id=${ids.requirements} class="hint requirements" ?hidden=${!reason}>${this.say(reason)}</p>
    </form>`;
  }

  /** Why the Delete button is unavailable now, or `undefined` when it is ready. */
  private blockedReason(info: AccountDeletionInfo): Message | undefined {
    if (info.blockingWorkspaces.length > 0) return { key: 'deletion.blockedHint' };
    const emailOk = sameEmail(this.values.email, info.email);
    const passwordOk = this.values.password !== '';
    if (!emailOk && !passwordOk) return { key: 'deletion.needBoth' };
    if (!emailOk) return { key: 'deletion.needEmail' };
    if (!passwordOk) return { key: 'deletion.needPassword' };
    return undefined;
  }

  private fieldError(name: Field, info: AccountDeletionInfo): Message | undefined {
    if (name === 'email') {
      if (!this.values.email.trim()) return { key: 'deletion.errors.emailRequired' };
      return sameEmail(this.values.email, info.email) ? undefined : { key: 'deletion.errors.emailMismatch' };
    }
    return this.values.password ? undefined : { key: 'deletion.errors.passwordRequired' };
  }

  private handleInput(name: Field, value: string): void {
    this.values = { ...this.values, [name]: value };
    // A shown error follows what is typed; a wrong password goes once the user changes it.
    if (this.errors[name] && this.info) this.errors = { ...this.errors, [name]: this.fieldError(name, this.info) };
    this.action.error = undefined;
  }

  /** Asks the server again what blocks deletion (after handing workspaces over elsewhere). */
  private recheck(): void {
    if (this.action.busy || this.deletion.pending || this.deletedAt) return;
    this.rechecking = true;
    void this.deletion.retry();
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const info = this.info;
    if (!info || this.action.busy || this.deletedAt) return;
    if (info.blockingWorkspaces.length > 0) {
      this.focusSoon('#blocking-title');
      return;
    }
    const errors = { email: this.fieldError('email', info), password: this.fieldError('password', info) };
    if (errors.email || errors.password) {
      this.errors = errors;
      this.focusField(errors.email ? 'email' : 'password');
      return;
    }
    this.errors = {};
    const request = { email: this.values.email.trim(), password: this.values.password };
    const done = await this.action.run({
      dialog: this.confirmDialog,
      confirm: {
        title: this.t('deletion.confirmTitle'),
        message: this.t('deletion.confirmMessage'),
        confirmLabel: this.t('deletion.confirmLabel'),
        danger: true,
      },
      busy: 'delete',
      send: () => this.accountApi.deleteAccount(request, { signal: this.signal }),
      failed: (error) => this.handleRefusal(error),
    });
    if (!done) return;
    this.deletedAt = done.completedAt;
    this.values = { email: '', password: '' };
    this.revealed = false;
    this.focusSoon('#deleted');
    this.announce({ key: 'deletion.deletedTitle' });
    emit(this, 'dn-account-deleted', { completedAt: done.completedAt });
  }

  /** Refusals with a place on screen: a wrong password or email at its field, blocking workspaces in their list. */
  private handleRefusal(error: ApiError): boolean {
    const { email, password } = error.fieldErrors;
    if (error.code === 'invalid-credentials' || password) {
      // The password stays as typed: the user may have mistyped one character.
      this.errors = {
        password: error.code === 'invalid-credentials' ? { key: 'deletion.errors.passwordWrong' } : { text: password ?? '' },
        ...(email ? { email: { text: email } } : {}),
      };
      this.focusField('password');
      return true;
    }
    if (email) {
      this.errors = { email: { text: email } };
      this.focusField('email');
      return true;
    }
    if (error.code === 'workspace-owner' && error.workspaces.length > 0 && this.info) {
      this.info = { ...this.info, blockingWorkspaces: [...error.workspaces] };
      this.focusSoon('#blocking-title');
      return true;
    }
    return false;
  }

  private workspaceLink(workspace: Workspace): string | undefined {
    return safeHref(this.workspaceHref.replaceAll('{id}', encodeURIComponent(workspace.id)));
  }

  private focusField(name: Field): void {
    const id = name === 'email' ? this.ids.email : this.ids.password;
    void this.updateComplete.then(() => this.light.container.querySelector<HTMLElement>(`#${id}`)?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-delete-account': DnDeleteAccount;
  }
}
