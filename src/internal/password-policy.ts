import { css, html, nothing, type TemplateResult } from 'lit';
import type { PasswordPolicy, PasswordRule } from '../api/schemas.js';
import type { Message } from './dn-element.js';
import { renderPasswordInput } from './fields.js';
import { registerStrings } from '../i18n/i18n.js';
import passwordStrings from '../i18n/locales/password/strings.js';

/*
 * What dn-password-change and dn-password-reset share: the client-side reading of
 * the server's password policy, the live checklist, and a password field with its
 * show/hide toggle. The server stays the judge; this only tells the user early.
 */

registerStrings(passwordStrings);

const RULE_TESTS: Record<PasswordRule, RegExp> = {
  number: /\p{Nd}/u,
  special: /[^\p{L}\p{Nd}]/u,
  uppercase: /\p{Lu}/u,
  lowercase: /\p{Ll}/u,
};

/** Length in Unicode code points (an emoji counts once), as NIST SP 800-63B and the server count. */
export function passwordLength(value: string): number {
  return [...value].length;
}

/** One line of the checklist. */
export interface PolicyCheck {
  id: 'minLength' | PasswordRule;
  met: boolean;
  label: Message;
}

/** Each requirement of `policy` and whether `value` meets it (the maximum is checked on submit only). */
export function checkPolicy(policy: PasswordPolicy, value: string): PolicyCheck[] {
  return [
    { id: 'minLength', met: passwordLength(value) >= policy.minLength, label: { key: 'password.policy.minLength', options: { min: policy.minLength } } },
    ...policy.rules.map((rule) => ({ id: rule, met: RULE_TESTS[rule].test(value), label: { key: `password.policy.${rule}` } })),
  ];
}

/** Why `value` cannot be sent, or `undefined` when the policy (maximum included) is met. */
export function policyError(policy: PasswordPolicy, value: string): Message | undefined {
  if (!value) return { key: 'password.errors.newRequired' };
  if (passwordLength(value) > policy.maxLength) return { key: 'password.errors.tooLong', options: { max: policy.maxLength } };
  if (!checkPolicy(policy, value).every((check) => check.met)) return { key: 'password.errors.policy' };
  return undefined;
}

/** The live checklist: each requirement marked met or not in words (visually hidden) and by shape, not colour alone. */
export function renderChecklist(id: string, checks: PolicyCheck[], say: (message: Message) => string): TemplateResult {
  return html`<div id=${id} class="policy">
    <p class="hint">${say({ key: 'password.policy.title' })}</p>
    <ul class="checklist">
      ${checks.map(
        (check) =>
          html`<li class=${check.met ? 'met' : 'unmet'} data-rule=${check.id}>
            <span class="mark" aria-hidden="true">${check.met ? '✓' : '○'}</span>
            <span class="visually-hidden">${say({ key: check.met ? 'password.policy.met' : 'password.policy.unmet' })}</span>
            <span>${say(check.label)}</span>
          </li>`,
      )}
    </ul>
  </div>`;
}

/** What a password field needs to render. */
export interface PasswordFieldOptions {
  id: string;
  errorId: string;
  label: string;
  name: string;
  autocomplete: 'current-password' | 'new-password';
  value: string;
  revealed: boolean;
  error: string;
  /** Extra descriptions (hint, checklist) before the error. */
  describedBy?: string[];
  /** Rendered between the input row and the error (the checklist). */
  after?: TemplateResult | typeof nothing;
  say: (message: Message) => string;
  onInput: (value: string) => void;
  onToggle: () => void;
}

/**
 * A password input that takes anything (no `maxlength`, no trimming, paste
 * allowed) with a show/hide toggle that keeps the value and says what it does.
 */
export function renderPasswordField(o: PasswordFieldOptions): TemplateResult {
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <div class="password-row">
      ${renderPasswordInput({
        id: o.id,
        name: o.name,
        autocomplete: o.autocomplete,
        value: o.value,
        revealed: o.revealed,
        invalid: Boolean(o.error),
        describedBy: [...(o.describedBy ?? []), o.errorId].join(' '),
        onInput: o.onInput,
      })}
      <button
        class="button secondary toggle"
        type="button"
        aria-controls=${o.id}
        aria-pressed=${o.revealed ? 'true' : 'false'}
        aria-label=${o.say({ key: o.revealed ? 'password.hidePassword' : 'password.showPassword' })}
        @click=${o.onToggle}
      >
        ${o.say({ key: o.revealed ? 'password.hide' : 'password.show' })}
      </button>
    </div>
    ${o.after ?? nothing}
    <p id=${o.errorId} class="error" ?hidden=${!o.error}>${o.error}</p>
  </div>`;
}

/** What `renderNewPasswordFields` needs beyond each field's state. */
export interface NewPasswordFieldsOptions {
  policy: PasswordPolicy;
  ids: { next: string; nextError: string; confirm: string; confirmError: string; checklist: string };
  labels: { next: string; confirm: string };
  /** Value, visibility, error and handlers of one of the two fields. */
  field: (name: 'next' | 'confirm') => Pick<PasswordFieldOptions, 'value' | 'revealed' | 'error' | 'say' | 'onInput' | 'onToggle'>;
}

/** The new password (with the policy checklist under it) and its confirmation: both password forms show this pair. */
export function renderNewPasswordFields(o: NewPasswordFieldsOptions): TemplateResult {
  const next = o.field('next');
  return html`${renderPasswordField({
    ...next,
    id: o.ids.next,
    errorId: o.ids.nextError,
    label: o.labels.next,
    name: 'new-password',
    autocomplete: 'new-password',
    describedBy: [o.ids.checklist],
    after: renderChecklist(o.ids.checklist, checkPolicy(o.policy, next.value), next.say),
  })}
  ${renderPasswordField({
    ...o.field('confirm'),
    id: o.ids.confirm,
    errorId: o.ids.confirmError,
    label: o.labels.confirm,
    name: 'confirm-password',
    autocomplete: 'new-password',
  })}`;
}

/** Styles of the fields and checklist (adopted for the light-DOM form). */
export const policyStyles = css`
  .password-row {
    display: flex;
    gap: var(--dn-space-2);
    align-items: stretch;
  }

  .password-row > .input {
    flex: 1 1 auto;
    min-inline-size: 0;
  }

  .password-row > .toggle {
    flex: none;
  }

  .policy {
    display: grid;
    gap: var(--dn-space-1);
  }

  .checklist {
    display: grid;
    gap: var(--dn-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--dn-font-size-sm);
  }

  .checklist li {
    display: flex;
    gap: var(--dn-space-2);
    align-items: baseline;
    color: var(--dn-color-text-muted);
  }

  .checklist li.met {
    color: var(--dn-color-text);
  }

  .checklist .mark {
    inline-size: 1em;
    text-align: center;
    font-weight: var(--dn-font-weight-bold);
  }

  .checklist li.met .mark {
    color: var(--dn-color-success);
  }

  .form-alert {
    margin: 0;
  }
`;
