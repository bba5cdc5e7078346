import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { resources } from '../../api/resources.js';
import { passwordContract, type PasswordPolicy } from '../../api/contract/password.js';
import { sessionsContract } from '../../api/contract/sessions.js';
import { registerSchemas } from '../../api/validation.js';
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
import { emit } from '../../internal/events.js';
import { ResourceController } from '../../internal/resource-controller.js';
import { uniqueId } from '../../internal/ids.js';
import { LightDomController } from '../../internal/light-dom.js';
import { renderBusyButton } from '../../internal/controls.js';
import { policyError, policyStyles, renderNewPasswordFields, renderPasswordField } from '../../internal/password-policy.js';
import { renderUsernameField } from '../../internal/fields.js';
import { styles } from './password-change.styles.js';
import { confirmIdentity } from '../reauth-dialog/confirm-identity.js';
import { registerStrings } from '../../i18n/i18n.js';
import passwordStrings from '../../i18n/locales/password/strings.js';
import passwordChangeStrings from '../../i18n/locales/password-change/strings.js';

registerStrings(passwordStrings, passwordChangeStrings);

registerSchemas(passwordContract, sessionsContract);

type Field = 'current' | 'next' | 'confirm';

/**
 * @summary Change the password: current password, new password and its
 * confirmation, with a live checklist of the policy the server serves. After the
 * change, offers to sign out every other session (the user decides).
 *
 * The form lives in the element's light DOM (slotted), so password managers see
 * the `current-password` / `new-password` fields and can save the new one. Nothing
 * is trimmed, truncated or re-cased; length counts Unicode code points. Signing
 * out other sessions may open "Confirm it's you" first.
 *
 * @event dn-password-changed - The password was changed. `detail.changedAt`, `detail.otherSessions` (still signed in).
 * @event dn-sessions-revoked - The other sessions were signed out. `detail.revoked`.
 * @event dn-unauthorized - The backend answered 401: send the user to sign in.
 *
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart done - The panel after a change, offering to sign out other sessions.
 * @csspart status - The polite live region.
 * @csspart loading - The loading placeholder.
 * @csspart error - The load error with its retry button.
 *
 * @slot form - Filled by the element itself with the form (light DOM, so password managers see the fields).
 *
 * @tagname dn-password-change
 */
export class DnPasswordChange extends DnElement {
  static override styles = [...baseStyles, buttonStyles, alertStyles, skeletonStyles, layoutStyles, visuallyHiddenStyles, fieldStyles, styles];

  /**
   * The account's login (email), put in a hidden read-only `username` field so a
   * password manager files the new password under the right account. Optional: without
   * it, the profile's email as the page already holds it.
   */
  @property() username = '';

  @state() private values: Record<Field, string> = { current: '', next: '', confirm: '' };
  @state() private revealed: Record<Field, boolean> = { current: false, next: false, confirm: false };
  @state() private errors: Partial<Record<Field, Message>> = {};
  @state() private formError?: Message;
  @state() private busy: 'change' | 'revoke' | null = null;
  /** After a change: how many other sessions remain, and a failure to sign them out. */
  @state() private done?: { otherSessions: number; error?: Message };

  private readonly light = new LightDomController(this, 'form', [fieldStyles, buttonStyles, alertStyles, layoutStyles, visuallyHiddenStyles, policyStyles]);
  /** "Confirm it's you" around sensitive requests. */
  private readonly reauth = new ReauthController(this, confirmIdentity);
  private readonly ids = {
    username: uniqueId('dn-username'),
    current: uniqueId('dn-current-password'),
    currentError: uniqueId('dn-current-password-error'),
    next: uniqueId('dn-new-password'),
    nextError: uniqueId('dn-new-password-error'),
    checklist: uniqueId('dn-new-password-policy'),
    confirm: uniqueId('dn-confirm-password'),
    confirmError: uniqueId('dn-confirm-password-error'),
  };

  private readonly policyResource = new ResourceController(this, {
    resource: () => resources.passwordPolicy,
    failed: (error) => this.handleFailure(error),
  });

  private get policy(): PasswordPolicy | undefined {
    return this.policyResource.value;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Passwords do not outlive the element.
    this.values = { current: '', next: '', confirm: '' };
  }

  /** Moves focus to the current-password field. */
  override focus(options?: FocusOptions): void {
    this.light.container.querySelector<HTMLElement>('input:not([readonly])')?.focus(options);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.light.render(this.policy ? this.renderForm(this.policy) : null);
  }

  override render() {
    return html`<section part="base" aria-labelledby="title">
      ${heading(this.headingLevel, this.t('password.change.title'), { id: 'title', part: 'title' })}
      ${this.policy ? this.renderBody() : this.renderLoadState(this.policyResource, 3)}
      ${this.renderStatus()}
    </section>`;
  }

  private renderBody(): TemplateResult {
    return html`<p class="intro muted">${this.t('password.change.intro')}</p>
      ${this.done && this.done.otherSessions > 0 ? this.renderDone(this.done) : nothing}
      <slot name="form"></slot>`;
  }

  private renderDone(done: { otherSessions: number; error?: Message }): TemplateResult {
    return html`<div part="done" class="done alert">
      <p>${this.t('password.change.otherSessions')}</p>
      ${done.error ? html`<p class="error" role="alert">${this.say(done.error)}</p>` : nothing}
      <div class="actions">
        ${renderBusyButton({
          variant: 'secondary',
          label: this.t('password.change.signOutOthers'),
          busy: this.busy === 'revoke',
          disabled: Boolean(this.busy),
          onClick: () => void this.handleRevoke(),
        })}
      </div>
    </div>`;
  }

  private renderForm(policy: PasswordPolicy): TemplateResult {
    const { ids, errors, values, revealed } = this;
    const say = (message: Message) => this.say(message);
    const field = (name: Field) => ({
      value: values[name],
      revealed: revealed[name],
      error: this.say(errors[name]),
      say,
      onInput: (value: string) => this.handleInput(name, value),
      onToggle: () => this.handleToggle(name),
    });
    return html`<form class="form" novalidate @submit=${this.handleSubmit}>
      ${this.formError ? html`<div class="alert danger form-alert" role="alert">${this.say(this.formError)}</div>` : nothing}
      ${renderUsernameField({
        id: ids.username,
        value: this.username || (this.policyResource.peek(resources.profile)?.email ?? ''),
        label: this.t('common.accountEmail'),
      })}
      ${renderPasswordField({
        ...field('current'),
        id: ids.current,
        errorId: ids.currentError,
        label: this.t('password.change.currentPassword'),
        name: 'current-password',
        autocomplete: 'current-password',
      })}
      ${renderNewPasswordFields({
        policy,
        ids,
        field,
        labels: { next: this.t('password.change.newPassword'), confirm: this.t('password.change.confirmPassword') },
      })}
      <div class="actions">
        ${renderBusyButton({
          variant: 'primary',
          type: 'submit',
          label: this.t('password.change.submit'),
          busyLabel: this.t('password.change.submitting'),
          busy: this.busy === 'change',
          disabled: Boolean(this.busy),
        })}
      </div>
    </form>`;
  }

  private handleInput(name: Field, value: string): void {
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

  private handleToggle(name: Field): void {
    this.revealed = { ...this.revealed, [name]: !this.revealed[name] };
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.policy) return;
    const { current, next, confirm } = this.values;
    const errors: Partial<Record<Field, Message>> = {
      current: current ? undefined : { key: 'password.errors.currentRequired' },
      next: policyError(this.policy, next),
      confirm: !confirm ? { key: 'password.errors.confirmRequired' } : confirm !== next ? { key: 'password.errors.mismatch' } : undefined,
    };
    this.errors = errors;
    this.formError = undefined;
    const firstInvalid = (['current', 'next', 'confirm'] as const).find((name) => errors[name]);
    if (firstInvalid) {
      this.focusField(firstInvalid);
      return;
    }
    this.busy = 'change';
    try {
      const result = await this.reauth.run(() =>
        this.accountApi.changePassword({ currentPassword: current, newPassword: next }, { signal: this.signal }),
      );
      this.values = { current: '', next: '', confirm: '' };
      this.revealed = { current: false, next: false, confirm: false };
      this.done = { otherSessions: result.otherSessions };
      // The session list on the page may show other sessions as they are now.
      this.policyResource.invalidate('sessions');
      this.announce({ key: 'password.change.success' });
      emit(this, 'dn-password-changed', { changedAt: result.changedAt, otherSessions: result.otherSessions });
      void this.updateComplete.then(() => {
        const offer = this.renderRoot.querySelector<HTMLElement>('[part="done"] button');
        if (offer) offer.focus();
        else this.focus();
      });
    } catch (error) {
      const apiError = this.handleFailure(error);
      if (apiError.kind === 'aborted') return;
      const { currentPassword, newPassword } = apiError.fieldErrors;
      if (apiError.code === 'invalid-credentials' || currentPassword) {
        // Only the wrong one goes; the new password and its confirmation stay.
        this.values = { ...this.values, current: '' };
        this.errors = {
          current: apiError.code === 'invalid-credentials' ? { key: 'password.errors.currentWrong' } : { text: currentPassword ?? '' },
        };
        this.focusField('current');
      } else if (newPassword) {
        this.errors = { next: { text: newPassword } };
        this.focusField('next');
      } else {
        this.formError = this.describeError(apiError);
      }
    } finally {
      this.busy = null;
    }
  }

  private async handleRevoke(): Promise<void> {
    if (this.busy || !this.done) return;
    this.busy = 'revoke';
    this.done = { ...this.done, error: undefined };
    try {
      const { revoked } = await this.reauth.run(() => this.accountApi.revokeOtherSessions({ signal: this.signal }));
      this.done = undefined;
      this.policyResource.invalidate('sessions');
      this.announce({ key: 'password.change.signedOut' });
      emit(this, 'dn-sessions-revoked', { revoked });
      void this.updateComplete.then(() => this.focus());
    } catch (error) {
      const apiError = this.handleFailure(error);
      if (apiError.kind !== 'aborted' && this.done) this.done = { ...this.done, error: this.describeError(apiError) };
    } finally {
      this.busy = null;
    }
  }

  private focusField(name: Field): void {
    const id = { current: this.ids.current, next: this.ids.next, confirm: this.ids.confirm }[name];
    void this.updateComplete.then(() => this.light.container.querySelector<HTMLElement>(`#${id}`)?.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-password-change': DnPasswordChange;
  }
}
