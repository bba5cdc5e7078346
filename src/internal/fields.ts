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
