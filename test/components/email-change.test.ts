import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { screen, within } from 'shadow-dom-testing-library';
import { MOCK_PASSWORD } from '../../mock/index.js';
import type { DnEmailChange } from '../../src/components/email-change/email-change.js';
import '../../src/components/email-change/email-change.js';
import { mount, requestsTo, typeInto, until, visibleText, type MountOptions, errorOf, statusOf } from '../helpers/fixture.js';
import { usernameBeside } from '../helpers/username.js';

const CURRENT = 'amira@northwind-calls.example';
const NEW = 'amira.haddad@northwind-calls.example';

const mountChange = (options: MountOptions = {}) =>
  mount<DnEmailChange>(html`<dn-email-change current-email=${CURRENT}></dn-email-change>`, { reauth: 'never', ...options });

const newEmailInput = () => screen.getByLabelText('New email address') as HTMLInputElement;
const submit = () => screen.getByRole('button', { name: 'Send verification link' }) as HTMLButtonElement;

async function request(email = NEW): Promise<void> {
  await typeInto(newEmailInput(), email);
  await sendKeys({ press: 'Enter' });
}

describe('dn-email-change', () => {
  it('is accessible', async () => {
    const { el } = await mountChange();
    await expect(el).to.be.accessible();
  });

  it('is accessible while a change is pending, in dark and right-to-left', async () => {
    const { el } = await mountChange({ theme: 'dark', locale: 'ar', setup: (b) => void b.store.requestEmailChange({ newEmail: NEW }) });
    await until(() => el.shadowRoot!.querySelector('[part="pending"]'));
    await expect(el).to.be.accessible();
  });

  describe('by default', () => {
    it('asks for the new address in fields the document (and password managers) can reach', async () => {
      const { el } = await mountChange();
      const input = newEmailInput();
      expect(input.closest('dn-email-change')).to.equal(el);
      expect(input.getAttribute('autocomplete')).to.equal('email');
      expect(input.type).to.equal('email');
      expect(visibleText(el)).to.contain(`Current email: ${CURRENT}`);
      expect(document.querySelector('input[type="password"]')).to.equal(null);
    });

    it('keeps what is typed in order when it starts with a space (the caret does not jump)', async () => {
      await mountChange();
      const input = newEmailInput();
      await typeInto(input, ' nora@example.com');
      expect(input.value.trim()).to.equal('nora@example.com');
    });
  });

  describe('when the user requests a change', () => {
    it('sends the address, shows the 24-hour pending state, announces it and emits an event', async () => {
      const { el, backend } = await mountChange();
      const requested = oneEvent(el, 'dn-email-change-requested');
      await request(NEW);
      const event = await requested;

      expect(requestsTo(backend, 'requestEmailChange')[0]!.json).to.deep.equal({ newEmail: NEW });
      expect(event.detail.newEmail).to.equal(NEW);
      await until(() => el.shadowRoot!.querySelector('[part="pending"]'));
      const text = visibleText(el);
      expect(text).to.contain(`We sent a verification link to ${NEW}.`);
      expect(text).to.match(/valid for 24 hours \(until .+\)/);
      await until(() => statusOf(el) === `Verification link sent to ${NEW}.`);
      expect(el.shadowRoot!.activeElement?.textContent).to.contain('Resend link');
    });

    for (const [name, value, message] of [
      ['nothing', '', 'Enter the new email address.'],
      ['a malformed address', 'amira@', 'Enter an email address like name@example.com.'],
      ['the current address', CURRENT.toUpperCase(), 'This is already your login email.'],
    ] as const) {
      it(`refuses ${name} next to the field and sends nothing`, async () => {
        const { backend } = await mountChange();
        await request(value);
        const input = newEmailInput();
        await until(() => errorOf(input) === message, message);
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(document.activeElement).to.equal(input);
        expect(input.value).to.equal(value);
        expect(requestsTo(backend, 'requestEmailChange')).to.have.length(0);
      });
    }

    it('says when the address belongs to another account, keeping it', async () => {
      await mountChange();
      await request('taken@northwind-calls.example');
      await until(() => errorOf(newEmailInput()) === 'This address already belongs to another account.');
      expect(newEmailInput().value).to.equal('taken@northwind-calls.example');
    });

    it('sends one request however often the user submits', async () => {
      const { backend } = await mountChange({ latencyMs: 150 });
      await typeInto(newEmailInput(), NEW);
      submit().click();
      submit().click();
      await sendKeys({ press: 'Enter' });
      await until(() => !screen.queryByRole('button', { name: /Send verification link|Sending/ }));
      expect(requestsTo(backend, 'requestEmailChange')).to.have.length(1);
    });
  });

  describe('when the server asks for the current password', () => {
    it('shows a current-password field password managers can fill, and sends it', async () => {
      const { el, backend } = await mountChange({ emailChangePasswordRequired: true });
      const password = screen.getByLabelText('Current password') as HTMLInputElement;
      expect(password.type).to.equal('password');
      expect(password.getAttribute('autocomplete')).to.equal('current-password');
      expect(password.closest('dn-email-change')).to.equal(el);
      // Filed under the account's current address, not the new one typed above it.
      expect(usernameBeside(password).value).to.equal(CURRENT);

      await typeInto(newEmailInput(), NEW);
      submit().click();
      await until(() => errorOf(password) === 'Enter your current password.');
      expect(requestsTo(backend, 'requestEmailChange')).to.have.length(0);

      await typeInto(password, 'not-it');
      submit().click();
      await until(() => errorOf(password) === "That password isn't right.");
      expect(newEmailInput().value).to.equal(NEW);

      await typeInto(password, MOCK_PASSWORD);
      submit().click();
      await until(() => el.shadowRoot!.querySelector('[part="pending"]'));
      expect(requestsTo(backend, 'requestEmailChange').at(-1)!.json).to.deep.equal({ newEmail: NEW, currentPassword: MOCK_PASSWORD });
      expect(document.querySelector('input[type="password"]'), 'the password leaves the page').to.equal(null);
    });
  });

  describe('when the server asks to confirm it is the user', () => {
    it('opens "Confirm it\'s you", then sends the same request again', async () => {
      const { el, backend } = await mountChange({ reauth: 'when-stale' });
      await request();
      const dialog = await until(() => document.querySelector('dn-reauth-dialog')).then(() => document.querySelector('dn-reauth-dialog')!);
      const password = await until(() => screen.queryByLabelText('Password')).then(() => screen.getByLabelText('Password') as HTMLInputElement);
      expect(dialog.parentElement!.tagName).to.equal('DN-ACCOUNT-PROVIDER');
      expect(within(dialog).getByShadowRole('dialog', { name: "Confirm it's you" })).to.exist;
      expect(password.getAttribute('autocomplete')).to.equal('current-password');
      await until(() => document.activeElement === password, 'focus in the password field');

      await typeInto(password, 'wrong');
      await sendKeys({ press: 'Enter' });
      await until(() => /That password isn't right/.test(visibleText(dialog)));
      expect(document.activeElement).to.equal(password);

      const reauthenticated = oneEvent(dialog, 'dn-reauthenticated');
      await typeInto(password, MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      await reauthenticated;
      await until(() => el.shadowRoot!.querySelector('[part="pending"]'));
      const requests = requestsTo(backend, 'requestEmailChange');
      expect(requests.map((r) => r.status)).to.deep.equal([403, 200]);
      expect(requests[1]!.json).to.deep.equal({ newEmail: NEW });
      expect(requestsTo(backend, 'reauthenticate').map((r) => r.json)).to.deep.equal([
        { method: 'password', password: 'wrong' },
        { method: 'password', password: MOCK_PASSWORD },
      ]);
      expect(screen.queryByLabelText('Password'), 'the password leaves the page').to.equal(null);
    });

    it('keeps what the user typed when they close the dialog, and says nothing went wrong', async () => {
      const { el, backend } = await mountChange({ reauth: 'always' });
      await request();
      await until(() => screen.queryByLabelText('Password'));
      await sendKeys({ press: 'Escape' });
      await until(() => !screen.queryByLabelText('Password'));
      await el.updateComplete;
      expect(newEmailInput().value).to.equal(NEW);
      expect(el.querySelector('[role="alert"]')).to.equal(null);
      expect(requestsTo(backend, 'requestEmailChange')).to.have.length(1);
      await until(() => document.activeElement === newEmailInput(), 'focus back where it was');
    });
  });

  describe('while a change is pending', () => {
    const pending = (options: MountOptions = {}) => mountChange({ setup: (b) => void b.store.requestEmailChange({ newEmail: NEW }), ...options });

    it('resends the link and announces it', async () => {
      const { el, backend } = await pending();
      const resent = oneEvent(el, 'dn-email-change-resent');
      within(el).getByShadowRole('button', { name: 'Resend link' }).click();
      await resent;
      expect(requestsTo(backend, 'resendEmailChange')[0]!.method).to.equal('POST');
      await until(() => statusOf(el) === `We sent a new link to ${NEW}.`);
    });

    it('cancels the change and offers the form again', async () => {
      const { el, backend } = await pending();
      const cancelled = oneEvent(el, 'dn-email-change-cancelled');
      within(el).getByShadowRole('button', { name: 'Cancel change' }).click();
      expect((await cancelled).detail.newEmail).to.equal(NEW);
      expect(requestsTo(backend, 'cancelEmailChange')[0]!.method).to.equal('DELETE');
      await until(() => statusOf(el) === 'Email change cancelled. Your login email stays the same.');
      expect(newEmailInput().value).to.equal('');
    });

    it('says when the link has expired', async () => {
      const expiresAt = new Date(Date.now() - 60_000).toISOString();
      const { el } = await mountChange({
        setup: (b) =>
          b.use(
            http.get('/api/account/email-change', () =>
              HttpResponse.json({ pending: { newEmail: NEW, requestedAt: expiresAt, expiresAt }, passwordRequired: false }),
            ),
          ),
      });
      expect(visibleText(el)).to.contain(`The link sent to ${NEW} has expired.`);
      expect(within(el).getByShadowRole('button', { name: 'Resend link' })).to.exist;
    });

    it('notices the verified address when the user comes back', async () => {
      const { el, backend } = await pending();
      const changed = oneEvent(el, 'dn-email-changed');
      backend.store.verifyEmailChange({ token: backend.store.lastEmailVerificationToken()! });
      window.dispatchEvent(new Event('focus'));
      expect((await changed).detail.email).to.equal(NEW);
      await until(() => statusOf(el) === `Your login email is now ${NEW}.`);
    });

    it('refuses a hostile address from the server instead of rendering it', async () => {
      const hostile = '"><img src=x onerror="window.__pwned=1">@example.com';
      const { el } = await mountChange({
        setup: (b) =>
          b.use(
            http.get('/api/account/email-change', () =>
              HttpResponse.json({
                pending: { newEmail: hostile, requestedAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 3600e3).toISOString() },
                passwordRequired: false,
              }),
            ),
          ),
      });
      // Not an email address: the response fails the contract and shows as an error, never as markup.
      expect(visibleText(el)).to.contain('The server sent an answer we could not read.');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(el.querySelector('img')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });
});
