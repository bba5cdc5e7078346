import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import { within } from 'shadow-dom-testing-library';
import { RestAccountApi } from '../../src/api/rest-client.js';
import { renderBusyButton, type BusyButtonOptions } from '../../src/internal/controls.js';
import { digitsOnly, renderCodeInput, renderCurrentPasswordInput, type CodeInputOptions } from '../../src/internal/fields.js';
import type { Dn2faSetup } from '../../src/components/2fa-setup/2fa-setup.js';
import '../../src/components/2fa-setup/2fa-setup.js';
import type { Dn2faChallenge } from '../../src/components/2fa-challenge/2fa-challenge.js';
import '../../src/components/2fa-challenge/2fa-challenge.js';
import type { DnReauthDialog } from '../../src/components/reauth-dialog/reauth-dialog.js';
import '../../src/components/reauth-dialog/reauth-dialog.js';
import { mockBackend, mount, pasteInto, until } from '../helpers/fixture.js';

/** Renders `template` into a fresh container on the page (no frame to wait for). */
function show(template: unknown): HTMLElement {
  const container = document.createElement('div');
  container.className = 'controls-test';
  document.body.append(container);
  render(template, container);
  return container;
}

/** Every attribute of `el` but those that differ by design (ids and what points at them). */
function attributesOf(el: Element): Record<string, string> {
  const skip = new Set(['id', 'aria-describedby']);
  return Object.fromEntries(el.getAttributeNames().filter((name) => !skip.has(name)).map((name) => [name, el.getAttribute(name) ?? '']));
}

function codeInput(overrides: Partial<CodeInputOptions> = {}) {
  return renderCodeInput({ id: 'code', value: '', invalid: false, describedBy: 'code-hint code-error', onInput: () => {}, ...overrides });
}

function busyButton(overrides: Partial<BusyButtonOptions> = {}) {
  return renderBusyButton({ variant: 'primary', label: 'Save', busyLabel: 'Saving…', busy: false, ...overrides });
}

describe('shared controls', () => {
  afterEach(() => document.querySelectorAll('.controls-test, dn-reauth-dialog').forEach((node) => node.remove()));

  it('make an accessible form', async () => {
    const container = show(html`<form>
      <label for="code">Code</label>
      ${codeInput()}
      <p id="code-hint">6 digits</p>
      <p id="code-error" hidden></p>
      <label for="password">Password</label>
      ${renderCurrentPasswordInput({ id: 'password', value: '', invalid: false, describedBy: 'password-error', onInput: () => {} })}
      <p id="password-error" hidden></p>
      ${busyButton({ type: 'submit' })} ${busyButton({ variant: 'secondary', label: 'Resend', busyLabel: undefined, busy: true })}
    </form>`);
    await expect(container).to.be.accessible();
  });

  describe('digitsOnly', () => {
    it('keeps the digits of a typed or pasted code, at most six unless told', () => {
      expect(digitsOnly('123 456')).to.equal('123456');
      expect(digitsOnly(' 12-34-56 ')).to.equal('123456');
      expect(digitsOnly('1234567')).to.equal('123456');
      expect(digitsOnly('abc')).to.equal('');
      expect(digitsOnly('12345678', 8)).to.equal('12345678');
    });
  });

  describe('renderCodeInput', () => {
    it('is a one-time-code field for autofill, the numeric keypad, left to right', () => {
      const input = show(codeInput({ invalid: true })).querySelector('input')!;
      expect(attributesOf(input)).to.deep.equal({
        class: 'input code',
        type: 'text',
        name: 'one-time-code',
        inputmode: 'numeric',
        autocomplete: 'one-time-code',
        pattern: '[0-9]{6}',
        maxlength: '12',
        dir: 'ltr',
        spellcheck: 'false',
        required: '',
        'aria-invalid': 'true',
      });
      expect(input.getAttribute('aria-describedby')).to.equal('code-hint code-error');
    });

    it('keeps only the digits of a paste ("123 456") and reports them', () => {
      const typed: string[] = [];
      const input = show(codeInput({ onInput: (digits) => typed.push(digits) })).querySelector('input')!;
      pasteInto(input, '123 456');
      expect(input.value).to.equal('123456');
      expect(typed).to.deep.equal(['123456']);
    });

    it('takes a real paste with separators whole (maxlength leaves room for them)', () => {
      const typed: string[] = [];
      const input = show(codeInput({ onInput: (digits) => typed.push(digits) })).querySelector('input')!;
      input.focus();
      // Edits the way a paste does: the browser applies maxlength before the input event.
      document.execCommand('insertText', false, '123 456');
      expect(input.value).to.equal('123456');
      expect(typed.at(-1)).to.equal('123456');
    });

    it('shows the value it is given (live)', () => {
      const container = show(codeInput({ value: '12' }));
      const input = container.querySelector('input')!;
      expect(input.value).to.equal('12');
      input.value = '1299';
      render(codeInput({ value: '12' }), container);
      expect(input.value, 'the field is set back to the state').to.equal('12');
    });
  });

  describe('renderCurrentPasswordInput', () => {
    it('is the current password for password managers, taken as typed', () => {
      const typed: string[] = [];
      const input = show(
        renderCurrentPasswordInput({ id: 'pw', value: '', invalid: false, describedBy: 'pw-error', onInput: (value) => typed.push(value) }),
      ).querySelector('input')!;
      expect(attributesOf(input)).to.deep.equal({
        class: 'input',
        type: 'password',
        name: 'current-password',
        autocomplete: 'current-password',
        autocapitalize: 'off',
        spellcheck: 'false',
        dir: 'auto',
        required: '',
        'aria-invalid': 'false',
      });
      expect(input.hasAttribute('maxlength'), 'no silent truncation').to.equal(false);
      pasteInto(input, ' pass word ');
      expect(typed).to.deep.equal([' pass word ']);
    });

    it('shows the password as text when revealed', () => {
      const input = show(
        renderCurrentPasswordInput({ id: 'pw', value: 'x', invalid: false, describedBy: 'pw-error', revealed: true, onInput: () => {} }),
      ).querySelector('input')!;
      expect(input.type).to.equal('text');
    });
  });

  describe('renderBusyButton', () => {
    it('idle: its label, not busy, not disabled, a plain button', () => {
      const button = show(busyButton()).querySelector('button')!;
      expect(attributesOf(button)).to.deep.equal({ class: 'button primary', type: 'button', 'aria-disabled': 'false', 'aria-busy': 'false' });
      expect(button.textContent).to.equal('Save');
      expect(button.querySelector('.spinner')).to.equal(null);
    });

    it('busy: the spinner (hidden from assistive technology) and the busy text, which is its name', () => {
      const container = show(busyButton({ busy: true, type: 'submit', part: 'save-button' }));
      const button = container.querySelector('button')!;
      expect(button.getAttribute('aria-busy')).to.equal('true');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.type).to.equal('submit');
      expect(button.getAttribute('part')).to.equal('save-button');
      expect(button.querySelector('.spinner')?.getAttribute('aria-hidden')).to.equal('true');
      expect(button.textContent).to.equal('Saving…');
      expect(within(container).getByRole('button', { name: 'Saving…' })).to.equal(button);
    });

    it('without a busy text: the spinner before the label', () => {
      const button = show(busyButton({ busyLabel: undefined, busy: true })).querySelector('button')!;
      expect(button.querySelector('.spinner')).not.to.equal(null);
      expect(button.textContent).to.equal('Save');
    });

    it('disabled while another action runs, without being busy itself', () => {
      const button = show(busyButton({ disabled: true })).querySelector('button')!;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.getAttribute('aria-busy')).to.equal('false');
      expect(button.disabled, 'stays focusable').to.equal(false);
    });

    it('a longer name: the busy form while busy (the name holds what it shows)', () => {
      const ariaLabel = { idle: 'Sign out Safari on iOS', busy: 'Signing out Safari on iOS…' };
      const container = show(busyButton({ label: 'Sign out', busyLabel: 'Signing out…', ariaLabel, data: { id: 's1' } }));
      const button = container.querySelector('button')!;
      expect(button.getAttribute('aria-label')).to.equal(ariaLabel.idle);
      expect(button.dataset['id']).to.equal('s1');
      render(busyButton({ label: 'Sign out', busyLabel: 'Signing out…', ariaLabel, data: { id: 's1' }, busy: true }), container);
      expect(button.getAttribute('aria-label')).to.equal(ariaLabel.busy);
      expect(button.textContent).to.equal('Signing out…');
    });

    it('describedBy and onClick reach the button; nothing when left out', () => {
      let clicks = 0;
      const container = show(busyButton({ describedBy: 'why', onClick: () => (clicks += 1) }));
      const button = container.querySelector('button')!;
      expect(button.getAttribute('aria-describedby')).to.equal('why');
      button.click();
      expect(clicks).to.equal(1);
      render(busyButton(), container);
      expect(button.hasAttribute('aria-describedby')).to.equal(false);
      expect(button.hasAttribute('part')).to.equal(false);
    });
  });

  describe('the code fields on the page', () => {
    it('2FA setup, the 2FA challenge and "Confirm it\'s you" carry the same attributes', async () => {
      const fields: Record<string, Record<string, string>> = {};

      const setup = await mount<Dn2faSetup>(html`<dn-2fa-setup></dn-2fa-setup>`, { reauth: 'never' });
      within(setup.el).getByShadowRole('button', { name: 'Turn on two-factor authentication' }).click();
      await until(() => setup.el.querySelector('input[autocomplete="one-time-code"]'), 'the setup code field');
      fields['2fa-setup'] = attributesOf(setup.el.querySelector('input[autocomplete="one-time-code"]')!);
      setup.provider.remove();

      let challengeId = '';
      const challenge = await mount<Dn2faChallenge>(html`<dn-2fa-challenge></dn-2fa-challenge>`, {
        twoFactorEnabled: true,
        setup: (backend) => {
          challengeId = backend.store.createSignInChallenge();
        },
        settle: false,
      });
      challenge.el.challengeId = challengeId;
      await until(() => challenge.el.querySelector('input[autocomplete="one-time-code"]'), 'the challenge code field');
      fields['2fa-challenge'] = attributesOf(challenge.el.querySelector('input[autocomplete="one-time-code"]')!);
      challenge.provider.remove();

      await mockBackend({ twoFactorEnabled: true });
      const dialog = document.createElement('dn-reauth-dialog') as DnReauthDialog;
      document.body.append(dialog);
      void dialog.confirm({ methods: ['totp'], api: new RestAccountApi({ baseUrl: '/api/account', retry: { attempts: 0 } }) });
      await until(() => dialog.querySelector('input[autocomplete="one-time-code"]'), 'the dialog code field');
      fields['reauth-dialog'] = attributesOf(dialog.querySelector('input[autocomplete="one-time-code"]')!);

      expect(fields['2fa-setup']).to.include({ name: 'one-time-code', pattern: '[0-9]{6}', dir: 'ltr', inputmode: 'numeric' });
      expect(fields['2fa-challenge'], '2fa-challenge').to.deep.equal(fields['2fa-setup']);
      expect(fields['reauth-dialog'], 'reauth-dialog').to.deep.equal(fields['2fa-setup']);
    });
  });
});
