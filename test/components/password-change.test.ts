import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { screen } from 'shadow-dom-testing-library';
import { MOCK_PASSWORD } from '../../mock/index.js';
import type { DnPasswordChange } from '../../src/components/password-change/password-change.js';
import '../../src/components/password-change/password-change.js';
import { mount, pasteInto, requestsTo, typeInto, until, visibleText, type MountOptions, errorOf, statusOf } from '../helpers/fixture.js';
import { usernameBeside } from '../helpers/username.js';
import type { AccountStore } from '../../src/api/resource-store.js';

const NEW = 'Sunny-days-42';
const EMAIL = 'amira@northwind-calls.example';

const mountChange = (options: MountOptions = {}) =>
  mount<DnPasswordChange>(html`<dn-password-change username=${EMAIL}></dn-password-change>`, { reauth: 'never', ...options });

const currentInput = () => screen.getByLabelText('Current password') as HTMLInputElement;
const newInput = () => screen.getByLabelText('New password') as HTMLInputElement;
const confirmInput = () => screen.getByLabelText('Confirm new password') as HTMLInputElement;
const submit = () => screen.getByRole('button', { name: /^Change password$|Changing password/ }) as HTMLButtonElement;
const toggleOf = (input: HTMLInputElement) => input.parentElement!.querySelector('button')!;
/** The checklist lines as read: "Done: At least 8 characters". */
const checklist = () =>
  [...document.querySelectorAll('dn-password-change .checklist li')].map((li) => li.textContent!.replace(/[✓○]/g, '').replace(/\s+/g, ' ').trim());

async function fill(current: string, next: string, confirm = next): Promise<void> {
  await typeInto(currentInput(), current);
  await typeInto(newInput(), next);
  await typeInto(confirmInput(), confirm);
}

async function change(current = MOCK_PASSWORD, next = NEW, confirm = next): Promise<void> {
  await fill(current, next, confirm);
  await sendKeys({ press: 'Enter' });
}

describe('dn-password-change', () => {
  it('is accessible', async () => {
    const { el } = await mountChange();
    await expect(el).to.be.accessible();
  });

  it('is accessible with errors and a half-met checklist, in dark and right-to-left', async () => {
    const { el } = await mountChange({ theme: 'dark', locale: 'ar' });
    const next = el.querySelector<HTMLInputElement>('input[name="new-password"]')!;
    await typeInto(next, 'abc1');
    await sendKeys({ press: 'Enter' });
    await until(() => next.getAttribute('aria-invalid') === 'true');
    await expect(el).to.be.accessible();
  });

  describe('by default', () => {
    it('renders the fields where the document and password managers reach them, with the right autocomplete', async () => {
      const { el } = await mountChange();
      for (const [input, autocomplete] of [
        [currentInput(), 'current-password'],
        [newInput(), 'new-password'],
        [confirmInput(), 'new-password'],
      ] as const) {
        expect(input.closest('dn-password-change')).to.equal(el);
        expect(input.type).to.equal('password');
        expect(input.getAttribute('autocomplete')).to.equal(autocomplete);
        expect(input.hasAttribute('maxlength'), 'no silent truncation').to.equal(false);
      }
      const username = el.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
      expect(username.value).to.equal(EMAIL);
      expect(username.readOnly).to.equal(true);
      expect(visibleText(el)).to.contain('Change password');
    });

    it('names the account to password managers with the profile’s email when no username is given', async () => {
      const { el, provider, backend } = await mount<DnPasswordChange>(html`<dn-password-change></dn-password-change>`, { reauth: 'never' });
      await until(() => screen.queryByLabelText('Current password'));
      expect(usernameBeside(currentInput()).value).to.equal('');
      (provider as unknown as { providedStore: AccountStore }).providedStore.set('profile', backend.store.getProfile());
      el.requestUpdate();
      await el.updateComplete;
      expect(usernameBeside(currentInput()).value).to.equal(backend.store.getProfile().email);
    });

    it('lists the default policy, none of it met yet, in words', async () => {
      await mountChange();
      expect(checklist()).to.deep.equal(['Not yet: At least 8 characters', 'Not yet: A number', 'Not yet: A special character, like ! or #']);
    });

    it('does not block pasting', async () => {
      await mountChange();
      const event = new Event('paste', { bubbles: true, cancelable: true, composed: true });
      newInput().dispatchEvent(event);
      expect(event.defaultPrevented).to.equal(false);
    });
  });

  describe('when the user types a new password', () => {
    it('ticks off the default policy as it is met, and announces once when all of it is', async () => {
      const { el } = await mountChange();
      await typeInto(newInput(), 'abcdefgh');
      expect(checklist()).to.deep.equal(['Done: At least 8 characters', 'Not yet: A number', 'Not yet: A special character, like ! or #']);
      expect(statusOf(el)).to.equal('');
      await typeInto(newInput(), '1!', { replace: false });
      expect(checklist()).to.deep.equal(['Done: At least 8 characters', 'Done: A number', 'Done: A special character, like ! or #']);
      await until(() => statusOf(el) === 'Your new password meets every requirement.');
      await sendKeys({ press: 'Backspace' });
      await until(() => statusOf(el) === '');
      expect(checklist()[2]).to.equal('Not yet: A special character, like ! or #');
    });

    it('follows the NIST policy: 15 characters, no composition rules', async () => {
      await mountChange({ passwordPolicy: 'nist' });
      expect(checklist()).to.deep.equal(['Not yet: At least 15 characters']);
      await typeInto(newInput(), 'correct horse battery');
      expect(checklist()).to.deep.equal(['Done: At least 15 characters']);
    });

    it('counts an emoji as one character', async () => {
      await mountChange({ passwordPolicy: 'nist' });
      pasteInto(newInput(), '😀'.repeat(14));
      await until(() => checklist()[0] === 'Not yet: At least 15 characters');
      pasteInto(newInput(), '😀'.repeat(15));
      await until(() => checklist()[0] === 'Done: At least 15 characters');
    });

    it('shows and hides each field, keeping the value and saying what the toggle does', async () => {
      await mountChange();
      const input = newInput();
      await typeInto(input, 'secret value 1!');
      const toggle = toggleOf(input);
      expect(toggle.getAttribute('aria-label')).to.equal('Show password');
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      toggle.click();
      await until(() => newInput().type === 'text');
      expect(newInput().value).to.equal('secret value 1!');
      expect(toggle.getAttribute('aria-label')).to.equal('Hide password');
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(currentInput().type, 'only that field').to.equal('password');
      toggle.click();
      await until(() => newInput().type === 'password');
      expect(newInput().value).to.equal('secret value 1!');
      expect(toggle.getAttribute('aria-label')).to.equal('Show password');
    });
  });

  describe('when the user submits', () => {
    it('sends 64+ characters unchanged, whitespace at the ends included', async () => {
      const { backend } = await mountChange();
      const long = `  ${'Long passphrase 1! '.repeat(5)}  `;
      expect([...long].length).to.be.greaterThan(64);
      await typeInto(currentInput(), MOCK_PASSWORD);
      pasteInto(newInput(), long);
      pasteInto(confirmInput(), long);
      submit().click();
      await until(() => requestsTo(backend, 'changePassword').length === 1);
      expect(requestsTo(backend, 'changePassword')[0]!.json).to.deep.equal({ currentPassword: MOCK_PASSWORD, newPassword: long });
      expect(backend.store.currentPassword()).to.equal(long);
    });

    it('sends 100 emoji unchanged (pasted)', async () => {
      const { backend } = await mountChange({ passwordPolicy: 'nist' });
      const emoji = '🔐😀👩🏽‍💻'.repeat(25);
      const hundred = [...emoji].slice(0, 100).join('');
      await typeInto(currentInput(), MOCK_PASSWORD);
      pasteInto(newInput(), hundred);
      pasteInto(confirmInput(), hundred);
      submit().click();
      await until(() => requestsTo(backend, 'changePassword')[0]?.status === 200);
      expect(requestsTo(backend, 'changePassword')[0]!.json).to.deep.equal({ currentPassword: MOCK_PASSWORD, newPassword: hundred });
    });

    it('refuses a mismatched confirmation next to the field, sending nothing and keeping everything', async () => {
      const { backend } = await mountChange();
      await change(MOCK_PASSWORD, NEW, `${NEW}x`);
      await until(() => errorOf(confirmInput()) === "The passwords don't match. Enter the new password again.");
      expect(confirmInput().getAttribute('aria-invalid')).to.equal('true');
      expect(document.activeElement === confirmInput(), 'focus').to.equal(true);
      expect([currentInput().value, newInput().value, confirmInput().value]).to.deep.equal([MOCK_PASSWORD, NEW, `${NEW}x`]);
      expect(requestsTo(backend, 'changePassword')).to.have.length(0);
    });

    it('refuses a password under the policy and over the maximum before sending', async () => {
      const { backend } = await mountChange();
      await change(MOCK_PASSWORD, 'short');
      await until(() => errorOf(newInput()) === "Your new password doesn't meet every requirement yet.");
      pasteInto(newInput(), `${'a1!'.repeat(43)}`);
      pasteInto(confirmInput(), `${'a1!'.repeat(43)}`);
      submit().click();
      await until(() => errorOf(newInput()) === 'Use at most 128 characters.');
      expect(requestsTo(backend, 'changePassword')).to.have.length(0);
    });

    it('says when the current password is wrong, clearing only it', async () => {
      const { backend } = await mountChange();
      await change('not-my-password');
      await until(() => errorOf(currentInput()) === "That password isn't right. Enter your current password again.");
      expect(requestsTo(backend, 'changePassword')[0]!.status).to.equal(422);
      expect(currentInput().value).to.equal('');
      expect(document.activeElement === currentInput(), 'focus').to.equal(true);
      expect([newInput().value, confirmInput().value]).to.deep.equal([NEW, NEW]);
    });

    it("shows the server's reason for a breached password, keeping what was typed", async () => {
      await mountChange();
      await change(MOCK_PASSWORD, 'Password1!');
      await until(() => errorOf(newInput()) === 'This password has appeared in a data breach. Choose a different one.');
      expect(newInput().getAttribute('aria-invalid')).to.equal('true');
      expect(document.activeElement === newInput(), 'focus').to.equal(true);
      expect([currentInput().value, newInput().value, confirmInput().value]).to.deep.equal([MOCK_PASSWORD, 'Password1!', 'Password1!']);
    });

    it('says how long to wait when rate limited', async () => {
      const { el } = await mountChange({
        setup: (b) =>
          b.use(
            http.post('/api/account/password', () =>
              HttpResponse.json(
                { type: 'urn:dialnexa:problem:rate-limited', title: 'Too many', status: 429, retryAfter: 30 },
                { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '30' } },
              ),
            ),
          ),
      });
      await change();
      await until(() => /Too many attempts\. You can try again in 30 seconds\./.test(visibleText(el)));
      expect([currentInput().value, newInput().value]).to.deep.equal([MOCK_PASSWORD, NEW]);
    });

    it('sends one request however often the user submits', async () => {
      const { el, backend } = await mountChange({ latencyMs: 150 });
      // Counted on arrival, before the mock's latency: every request the clicks started is seen.
      let arrived = 0;
      backend.use(
        http.post('/api/account/password', () => {
          arrived += 1;
          return undefined;
        }),
      );
      await fill(MOCK_PASSWORD, NEW);
      submit().click();
      submit().click();
      await sendKeys({ press: 'Enter' });
      await until(() => statusOf(el) === 'Your password was changed.', 'the change to be announced');
      expect(arrived).to.equal(1);
      expect(requestsTo(backend, 'changePassword').map((r) => r.status)).to.deep.equal([200]);
    });
  });

  describe('when the change succeeds', () => {
    it('clears the fields, announces it, emits dn-password-changed and offers to sign out other sessions', async () => {
      const { el, backend } = await mountChange();
      const changed = oneEvent(el, 'dn-password-changed');
      await change();
      const event = await changed;
      expect(event.detail.otherSessions).to.equal(5);
      expect(Date.parse(event.detail.changedAt)).to.be.a('number').and.not.NaN;
      await until(() => statusOf(el) === 'Your password was changed.');
      expect([currentInput().value, newInput().value, confirmInput().value]).to.deep.equal(['', '', '']);
      expect(visibleText(el)).to.contain('Your other sessions are still signed in.');
      const offer = screen.getByShadowRole('button', { name: 'Sign out all other sessions' });
      expect(el.shadowRoot!.activeElement === offer, 'focus').to.equal(true);
      expect(requestsTo(backend, 'revokeOtherSessions'), 'the user decides').to.have.length(0);

      const revoked = oneEvent(el, 'dn-sessions-revoked');
      offer.click();
      expect((await revoked).detail.revoked).to.equal(5);
      expect(requestsTo(backend, 'revokeOtherSessions')[0]!.method).to.equal('POST');
      await until(() => statusOf(el) === 'All other sessions were signed out.');
      expect(screen.queryByShadowRole('button', { name: 'Sign out all other sessions' })).to.equal(null);
    });

    it('signs out other sessions after "Confirm it\'s you" when the server asks', async () => {
      const { el, backend } = await mountChange({ reauth: 'always' });
      await change();
      const offer = await until(() => screen.queryByShadowRole('button', { name: 'Sign out all other sessions' })).then(() =>
        screen.getByShadowRole('button', { name: 'Sign out all other sessions' }),
      );
      const revoked = oneEvent(el, 'dn-sessions-revoked');
      offer.click();
      await until(() => screen.queryByLabelText('Password', { exact: true }));
      const password = screen.getByLabelText('Password', { exact: true }) as HTMLInputElement;
      await until(() => document.activeElement === password, 'focus in the dialog');
      // The password is the new one by now.
      await typeInto(password, NEW);
      await sendKeys({ press: 'Enter' });
      expect((await revoked).detail.revoked).to.equal(5);
      expect(requestsTo(backend, 'revokeOtherSessions').map((r) => r.status)).to.deep.equal([403, 200]);
      expect(requestsTo(backend, 'reauthenticate').map((r) => r.json)).to.deep.equal([{ method: 'password', password: NEW }]);
      await until(() => statusOf(el) === 'All other sessions were signed out.');
    });

    it('works with the keyboard alone', async () => {
      const { el, backend } = await mountChange();
      currentInput().focus();
      await sendKeys({ type: MOCK_PASSWORD });
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement === toggleOf(currentInput()), 'focus').to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement === newInput(), 'focus').to.equal(true);
      await sendKeys({ type: NEW });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement === confirmInput(), 'focus').to.equal(true);
      await sendKeys({ type: NEW });
      await sendKeys({ press: 'Enter' });
      await until(() => statusOf(el) === 'Your password was changed.');
      await sendKeys({ press: 'Enter' });
      await until(() => requestsTo(backend, 'revokeOtherSessions').length === 1);
    });
  });
});
