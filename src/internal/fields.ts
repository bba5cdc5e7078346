/**
 * Inputs several forms share. Labels, hints and errors stay with each form; the input's
 * attributes (what password managers and mobile keyboards read) are written once here.
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

export interface EmailInputOptions {
  id: string;
  value: string;
  /** `username` where the address is the account's sign-in name, `email` for a new address. */
  autocomplete: 'username' | 'email';
  invalid: boolean;
  /** Ids of the hint and error, space-separated. */
  describedBy: string;
  onInput: (value: string) => void;
}

/**
 * An email address input. The value is bound with `live()`: an email input strips
 * surrounding spaces from `.value`, and writing that back would move the caret.
 */
export function renderEmailInput(options: EmailInputOptions): TemplateResult {
  return html`<input
    id=${options.id}
    class="input"
    type="email"
    dir="auto"
    name="email"
    autocomplete=${options.autocomplete}
    inputmode="email"
    autocapitalize="off"
    spellcheck="false"
    required
    aria-invalid=${options.invalid ? 'true' : 'false'}
    aria-describedby=${options.describedBy}
    .value=${live(options.value)}
    @input=${(event: InputEvent) => options.onInput((event.target as HTMLInputElement).value)}
  />`;
}

/** Only the digits of what was typed or pasted ("123 456", "123-456" → "123456"), at most `length`. */
export function digitsOnly(value: string, length = 6): string {
  return value.replace(/\D/g, '').slice(0, length);
}

export interface CodeInputOptions {
  id: string;
  /** The digits so far. */
  value: string;
  invalid: boolean;
  /** Ids of the hint and error, space-separated. */
  describedBy: string;
  /** Called with the digits only, at most `length` of them. */
  onInput: (digits: string) => void;
  /** Digits in a code; 6 unless told. */
  length?: number;
}

/**
 * A one-time code from an authenticator app. Named and marked `one-time-code` so the
 * browser and password managers fill it; the numeric keypad on phones; left to right in
 * every language. `maxlength` leaves room for the separators of a pasted code ("123 456",
 * "1 2 3 4 5 6"): what is kept is only its digits, written back into the field at once.
 */
export function renderCodeInput(options: CodeInputOptions): TemplateResult {
  const length = options.length ?? 6;
  return html`<input
    id=${options.id}
    class="input code"
    type="text"
    name="one-time-code"
    inputmode="numeric"
    autocomplete="one-time-code"
    pattern="[0-9]{${length}}"
    maxlength=${length * 2}
    dir="ltr"
    spellcheck="false"
    required
    aria-invalid=${options.invalid ? 'true' : 'false'}
    aria-describedby=${options.describedBy}
    .value=${live(options.value)}
    @input=${(event: InputEvent) => {
      const input = event.target as HTMLInputElement;
      const digits = digitsOnly(input.value, length);
      // Set directly: the binding would not rewrite the field when the digits did not change.
      if (input.value !== digits) input.value = digits;
      options.onInput(digits);
    }}
  />`;
}

export interface PasswordInputOptions {
  id: string;
  value: string;
  invalid: boolean;
  /** Ids of the hint, checklist and error, space-separated. */
  describedBy: string;
  /** Shown as text (a show/hide toggle beside it). */
  revealed?: boolean;
  onInput: (value: string) => void;
}

/**
 * A password input that takes anything: no `maxlength`, no trimming, paste allowed.
 * `name` and `autocomplete` tell password managers which password it is.
 */
export function renderPasswordInput(
  options: PasswordInputOptions & { name: string; autocomplete: 'current-password' | 'new-password' },
): TemplateResult {
  return html`<input
    id=${options.id}
    class="input"
    type=${options.revealed ? 'text' : 'password'}
    name=${options.name}
    autocomplete=${options.autocomplete}
    autocapitalize="off"
    spellcheck="false"
    dir="auto"
    required
    aria-invalid=${options.invalid ? 'true' : 'false'}
    aria-describedby=${options.describedBy}
    .value=${options.value}
    @input=${(event: InputEvent) => options.onInput((event.target as HTMLInputElement).value)}
  />`;
}

export interface UsernameFieldOptions {
  id: string;
  /** The account's sign-in name (its email); empty when the element does not know it. */
  value: string;
  label: string;
}

/**
 * The account's sign-in name in a form that asks for a password, so password managers
 * save and fill the password under the right account (Chromium warns about password forms
 * without one). Read-only, visually hidden, out of the tab order and hidden from assistive
 * technology: the form around it already says whose account it is. Where it renders needs
 * `visuallyHiddenStyles`.
 */
export function renderUsernameField(options: UsernameFieldOptions): TemplateResult {
  return html`<div class="visually-hidden" aria-hidden="true">
    <label for=${options.id}>${options.label}</label>
    <input id=${options.id} type="text" name="username" autocomplete="username" tabindex="-1" readonly .value=${options.value} />
  </div>`;
}

/** The account's current password, as every confirming form asks for it. */
export function renderCurrentPasswordInput(options: PasswordInputOptions): TemplateResult {
  return renderPasswordInput({ ...options, name: 'current-password', autocomplete: 'current-password' });
}
