import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { screen, within } from 'shadow-dom-testing-library';
import { MOCK_PASSWORD } from '../../mock/index.js';
import type { DnPasskeys } from '../../src/components/passkeys/passkeys.js';
import '../../src/components/passkeys/passkeys.js';
import { errorOf, mount, nextTask, type MockBackend, requestsTo, statusOf, typeInto, until, visibleText, type MountOptions } from '../helpers/fixture.js';
import { deepActive, dialogButton, dialogOpen, nativeDialogOf } from '../helpers/dialogs.js';
import { addVirtualAuthenticator, removeVirtualAuthenticator, setUserVerified, virtualCredentials } from '../helpers/webauthn.js';
import { runFaultMatrix } from '../helpers/fault-matrix.js';

const mountPasskeys = (options: MountOptions = {}) =>
  mount<DnPasskeys>(html`<dn-passkeys></dn-passkeys>`, { reauth: 'never', passkeys: 3, ...options });

const names = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[part="name"]')].map((n) => n.textContent!.trim());
const button = (name: string | RegExp) => screen.getByShadowRole('button', { name }) as HTMLButtonElement;
const nameField = () => screen.getByShadowLabelText('Passkey name') as HTMLInputElement;
const reauthDialog = () => document.querySelector<HTMLElement>('dn-reauth-dialog');
const reauthOpen = () => Boolean(reauthDialog()?.shadowRoot?.querySelector('dialog')?.open);

/** Adds a passkey as a person does: Add, the browser's prompt (the virtual authenticator answers), then the suggested name kept or replaced. */
async function addPasskey(el: HTMLElement, name?: string): Promise<void> {
  button('Add a passkey').click();
  await until(() => el.shadowRoot!.querySelector('[part="rename-form"]'), 'the name form of the new passkey');
  if (name === undefined) {
    button('Keep this name').click();
  } else {
    await typeInto(nameField(), name);
    await sendKeys({ press: 'Enter' });
  }
  await until(() => !el.shadowRoot!.querySelector('[part="rename-form"]'), 'the name form to close');
}

describe('dn-passkeys', () => {
  afterEach(async () => {
    await removeVirtualAuthenticator();
    document.querySelectorAll('dn-reauth-dialog').forEach((d) => d.remove());
  });

  it('is accessible', async () => {
    const { el } = await mountPasskeys();
    await expect(el).to.be.accessible();
  });

  it('is accessible in dark and right-to-left, with the name form and the confirmation open', async () => {
    const { el } = await mountPasskeys({ theme: 'dark', locale: 'ar' });
    await until(() => /مفاتيح المرور/.test(visibleText(el)));
    await expect(el).to.be.accessible();
    button('إعادة تسمية iCloud Keychain').click();
    await until(() => el.shadowRoot!.querySelector('[part="rename-form"]'));
    await expect(el).to.be.accessible();
    button('إلغاء').click();
    button('إزالة YubiKey 5C').click();
    await until(() => dialogOpen(el));
    await expect(el).to.be.accessible();
    nativeDialogOf(el).close();
  });

  it('lists each passkey: its name, where it lives, when it was created and last used, and the one of this session', async () => {
    const { el } = await mountPasskeys({ passkeys: 4 });
    const list = screen.getByShadowRole('list', { name: 'Passkeys' });
    const items = within(list).getAllByShadowRole('listitem');
    expect(items).to.have.length(4);
    expect(names(el)).to.deep.equal(['iCloud Keychain', 'YubiKey 5C', 'Work laptop', 'Passkey']);
    const text = items.map((item) => visibleText(item));
    expect(text[0]).to.contain('Synced to a password manager').and.contain('Used for this session').and.match(/Created \w{3} \d{1,2}, \d{4}/);
    expect(text[0]).to.contain('Last used 2 days ago');
    expect(text[1]).to.contain('Security key').and.contain('Not used yet').and.not.contain('Used for this session');
    expect(text[2]).to.contain('On one device only');
    // Where the fourth lives is unknown to the server: nothing is said.
    expect(items[3]!.querySelector('[part="storage"]')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[part="badge"]')).to.have.length(1);
    expect(within(items[1]!).getByShadowRole('button', { name: 'Rename YubiKey 5C' })).to.exist;
    expect(within(items[1]!).getByShadowRole('button', { name: 'Remove YubiKey 5C' })).to.exist;
  });

  it('explains a passkey in one sentence when there are none', async () => {
    const { el } = await mountPasskeys({ passkeys: 0 });
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent!.trim()).to.equal(
      'A passkey lets you sign in with your fingerprint, face or screen lock instead of a password, and no fake site can steal it.',
    );
    expect(screen.queryByShadowRole('list')).to.equal(null);
    expect(button('Add a passkey')).to.exist;
  });

  it('shows a loading state first', async () => {
    const { el } = await mountPasskeys({ settle: false, latencyMs: 300 });
    expect(el.shadowRoot!.querySelector('[part="loading"]')).to.exist;
    await until(() => names(el).length === 3);
  });

  it('renders hostile names as inert text', async () => {
    const { el, backend } = await mountPasskeys({
      setup: (b) => b.use(http.get('/api/account/passkeys', () => HttpResponse.json({ items: [{ ...b.store.listPasskeys().items[0]!, name: '<img src=x onerror="alert(1)"> ‮key' }] }))),
    });
    await until(() => names(el).some((n) => n.includes('<img')));
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(requestsTo(backend, 'listPasskeys')).to.have.length(0);
  });

  describe('adding a passkey (virtual authenticator)', () => {
    it('runs the ceremony, stores what the server verified, and lets the user name it', async () => {
      await addVirtualAuthenticator();
      const { el, backend } = await mountPasskeys({ passkeys: 0 });
      const added: string[] = [];
      const renamed: string[] = [];
      el.addEventListener('dn-passkey-added', (e) => added.push(e.detail.passkey.name));
      el.addEventListener('dn-passkey-renamed', (e) => renamed.push(`${e.detail.previousName} → ${e.detail.passkey.name}`));
      button('Add a passkey').click();
      await until(() => el.shadowRoot!.querySelector('[part="rename-form"]'), 'the name form of the new passkey');
      // The server suggested a name from the browser; the field holds it, focused and selected.
      const field = nameField();
      expect(field.value).to.match(/Chrome on /);
      expect(deepActive() === field).to.equal(true);
      expect(statusOf(el)).to.equal(`Passkey ${field.value} added.`);
      expect(added).to.deep.equal([field.value]);
      const credentials = await virtualCredentials();
      expect(credentials).to.have.length(1);
      expect(credentials[0]!.isResidentCredential).to.equal(true);
      expect(credentials[0]!.rpId).to.equal('localhost');
      // Naming it.
      await typeInto(field, 'Desk computer');
      await sendKeys({ press: 'Enter' });
      await until(() => names(el).includes('Desk computer'), 'the new name in the list');
      await until(() => statusOf(el) === 'The passkey is now called Desk computer.');
      expect(renamed).to.have.length(1);
      expect(backend.store.listPasskeys().items.map((p) => p.name)).to.deep.equal(['Desk computer']);
      // The browser said where it lives: an internal authenticator, this device only.
      expect(visibleText(el)).to.contain('On one device only');
      await until(() => deepActive() === button('Rename Desk computer'), 'focus back on Rename');
    });

    it('is busy while the prompt is open: a second press sends nothing', async () => {
      await addVirtualAuthenticator({ automaticPresenceSimulation: false });
      const { el, backend } = await mountPasskeys({ passkeys: 0 });
      const add = button('Add a passkey');
      add.click();
      await until(() => el.shadowRoot!.querySelector('[part="add"]')?.getAttribute('aria-busy') === 'true', 'the busy button').catch(() => {
        throw new Error(`not busy: ${visibleText(el)}`);
      });
      expect(button(/^Adding a passkey/).getAttribute('aria-disabled')).to.equal('true');
      button(/^Adding a passkey/).click();
      await nextTask();
      expect(requestsTo(backend, 'startPasskeyRegistration')).to.have.length(1);
      // The element leaves while the prompt waits for a touch: the prompt ends, nothing is saved.
      el.remove();
      await nextTask();
      expect(backend.store.listPasskeys().items).to.have.length(0);
    });

    it('keeps the suggested name when the user keeps it, sending no rename', async () => {
      await addVirtualAuthenticator();
      const { el, backend } = await mountPasskeys({ passkeys: 1 });
      await addPasskey(el);
      expect(names(el)).to.have.length(2);
      expect(requestsTo(backend, 'renamePasskey')).to.have.length(0);
    });

    it('refuses a second passkey on the same authenticator, saving nothing', async () => {
      await addVirtualAuthenticator();
      const { el, backend } = await mountPasskeys({ passkeys: 0 });
      await addPasskey(el, 'First');
      button('Add a passkey').click();
      await until(() => el.shadowRoot!.querySelector('[part="add-error"]'), 'the message');
      expect(visibleText(el.shadowRoot!.querySelector('[part="add-error"]')!)).to.equal(
        'The passkey was not added, nothing was saved. This device or security key already has a passkey for your account. Use another one.',
      );
      expect(requestsTo(backend, 'finishPasskeyRegistration')).to.have.length(1);
      expect(names(el)).to.deep.equal(['First']);
      expect(await virtualCredentials()).to.have.length(1);
      expect(button('Add a passkey').getAttribute('aria-disabled')).to.equal('false');
    });

    it('says the prompt was closed when the user does not verify, saving nothing', async () => {
      await addVirtualAuthenticator();
      await setUserVerified(false);
      const { el, backend } = await mountPasskeys({ passkeys: 0 });
      button('Add a passkey').click();
      await until(() => el.shadowRoot!.querySelector('[part="add-error"]'), 'the message');
      expect(visibleText(el)).to.contain('The passkey was not added, nothing was saved. The passkey prompt was closed.');
      expect(requestsTo(backend, 'finishPasskeyRegistration')).to.have.length(0);
      expect(backend.store.listPasskeys().items).to.have.length(0);
    });

    it('asks "Confirm it\'s you" before adding when the server wants it, then adds', async () => {
      await addVirtualAuthenticator();
      const { el, backend } = await mountPasskeys({ passkeys: 0, reauth: 'when-stale' });
      button('Add a passkey').click();
      await until(reauthOpen, '"Confirm it\'s you"');
      await typeInto(screen.getByLabelText('Password'), MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      await until(() => el.shadowRoot!.querySelector('[part="rename-form"]'), 'the name form of the new passkey');
      expect(backend.store.listPasskeys().items).to.have.length(1);
    });

    describe('when the browser refuses', () => {
      const realCreate = navigator.credentials.create.bind(navigator.credentials);
      afterEach(() => {
        navigator.credentials.create = realCreate;
      });

      const refusing = (name: string, afterMs = 0) => {
        navigator.credentials.create = () => new Promise((_, reject) => setTimeout(() => reject(new DOMException('refused', name)), afterMs));
      };

      it('says the prompt timed out when the time ran out', async () => {
        const { el, backend } = await mountPasskeys({
          passkeys: 0,
          setup: (b) =>
            b.use(
              http.post('/api/account/passkeys/registration-options', () =>
                HttpResponse.json({ ...b.store.startPasskeyRegistration({ origin: location.origin, rpId: location.hostname }), timeout: 100 }),
              ),
            ),
        });
        refusing('NotAllowedError', 150);
        button('Add a passkey').click();
        await until(() => /timed out/.test(visibleText(el)), 'the timeout message');
        expect(visibleText(el)).to.contain('The passkey was not added, nothing was saved. The passkey prompt timed out. Try again.');
        expect(requestsTo(backend, 'finishPasskeyRegistration')).to.have.length(0);
      });

      it('says the browser did not allow it for this site', async () => {
        const { el } = await mountPasskeys({ passkeys: 0 });
        refusing('SecurityError');
        button('Add a passkey').click();
        await until(() => /didn't allow/.test(visibleText(el)));
        expect(visibleText(el)).to.contain("The passkey was not added, nothing was saved. This browser didn't allow a passkey for this site.");
      });
    });

    it('says so instead of offering Add in a browser without WebAuthn', async () => {
      const real = window.PublicKeyCredential;
      (window as { PublicKeyCredential?: unknown }).PublicKeyCredential = undefined;
      try {
        const { el } = await mountPasskeys();
        expect(el.shadowRoot!.querySelector('[part="unsupported"]')!.textContent!.trim()).to.equal(
          "This browser doesn't support passkeys. Use a current browser to add one.",
        );
        expect(screen.queryByShadowRole('button', { name: 'Add a passkey' })).to.equal(null);
        expect(names(el)).to.have.length(3);
      } finally {
        window.PublicKeyCredential = real;
      }
    });

    it('says passkeys need https on a page that is not secure', async () => {
      const own = Object.getOwnPropertyDescriptor(window, 'isSecureContext');
      Object.defineProperty(window, 'isSecureContext', { value: false, configurable: true });
      try {
        const { el } = await mountPasskeys();
        expect(el.shadowRoot!.querySelector('[part="unsupported"]')!.textContent!.trim()).to.equal(
          'Passkeys need a secure (https) connection. Open this page over https to use them.',
        );
      } finally {
        if (own) Object.defineProperty(window, 'isSecureContext', own);
        else delete (window as { isSecureContext?: boolean }).isSecureContext;
      }
      expect(window.isSecureContext).to.equal(true);
    });
  });

  describe('renaming', () => {
    it('says what is wrong next to the field, keeps what was typed, and saves a valid name', async () => {
      const { el, backend } = await mountPasskeys();
      button('Rename YubiKey 5C').click();
      await until(() => el.shadowRoot!.querySelector('[part="rename-form"]'));
      const field = nameField();
      await typeInto(field, '   ');
      await sendKeys({ press: 'Enter' });
      await until(() => errorOf(nameField()) === 'Enter a name.');
      expect(nameField().getAttribute('aria-invalid')).to.equal('true');
      await typeInto(nameField(), 'x'.repeat(70));
      button('Save').click();
      await until(() => errorOf(nameField()) === 'Use at most 64 characters.');
      expect(nameField().value).to.equal('x'.repeat(70));
      expect(requestsTo(backend, 'renamePasskey')).to.have.length(0);
      await typeInto(nameField(), 'Keyring key');
      button('Save').click();
      await until(() => names(el).includes('Keyring key'));
      expect(backend.store.listPasskeys().items[1]!.name).to.equal('Keyring key');
      await until(() => statusOf(el) === 'The passkey is now called Keyring key.');
    });

    it('shows the server\'s word for a refused name next to the field', async () => {
      const { el } = await mountPasskeys({
        setup: (b) =>
          b.use(
            http.patch('/api/account/passkeys/:id', () =>
              HttpResponse.json(
                { type: 'urn:dialnexa:problem:validation', title: 'validation', status: 422, errors: [{ field: 'name', message: 'That name is taken by another passkey.' }] },
                { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
              ),
            ),
          ),
      });
      button('Rename Work laptop').click();
      await until(() => el.shadowRoot!.querySelector('[part="rename-form"]'));
      await typeInto(nameField(), 'iCloud Keychain');
      button('Save').click();
      await until(() => errorOf(nameField()) === 'That name is taken by another passkey.');
      expect(nameField().value).to.equal('iCloud Keychain');
    });

    it('closes with Escape without saving, focus back on Rename', async () => {
      const { el, backend } = await mountPasskeys();
      button('Rename Work laptop').click();
      await until(() => el.shadowRoot!.querySelector('[part="rename-form"]'));
      await typeInto(nameField(), 'Something else');
      await sendKeys({ press: 'Escape' });
      await until(() => !el.shadowRoot!.querySelector('[part="rename-form"]'));
      expect(names(el)).to.include('Work laptop');
      expect(requestsTo(backend, 'renamePasskey')).to.have.length(0);
      await until(() => deepActive() === button('Rename Work laptop'));
    });
  });

  describe('removing', () => {
    it('names the passkey in the question, sends nothing on Cancel and returns focus to its button', async () => {
      const { el, backend } = await mountPasskeys();
      button('Remove YubiKey 5C').focus();
      button('Remove YubiKey 5C').click();
      await until(() => dialogOpen(el));
      expect(visibleText(nativeDialogOf(el))).to.contain('Remove YubiKey 5C?');
      expect(deepActive() === dialogButton(el, 'Cancel')).to.equal(true);
      dialogButton(el, 'Cancel').click();
      await until(() => !dialogOpen(el));
      await until(() => deepActive() === button('Remove YubiKey 5C'), 'focus back on Remove');
      expect(requestsTo(backend, 'deletePasskey')).to.have.length(0);
      expect(names(el)).to.have.length(3);
    });

    it('removes once confirmed, announces, emits and moves focus to the next passkey', async () => {
      const { el } = await mountPasskeys();
      const removed: string[] = [];
      el.addEventListener('dn-passkey-removed', (e) => removed.push(e.detail.passkey.name));
      button('Remove YubiKey 5C').focus();
      button('Remove YubiKey 5C').click();
      await until(() => dialogOpen(el));
      dialogButton(el, 'Remove').click();
      await until(() => names(el).length === 2);
      expect(names(el)).to.deep.equal(['iCloud Keychain', 'Work laptop']);
      expect(removed).to.deep.equal(['YubiKey 5C']);
      await until(() => statusOf(el) === 'YubiKey 5C was removed.');
      await until(() => deepActive() === button('Remove Work laptop'), 'focus on the next Remove').catch(() => {
        throw new Error(`focus is on ${deepActive()?.outerHTML}`);
      });
    });

    it('goes through "Confirm it\'s you" when the server asks', async () => {
      const { el, backend } = await mountPasskeys({ reauth: 'when-stale' });
      button('Remove Work laptop').click();
      await until(() => dialogOpen(el));
      dialogButton(el, 'Remove').click();
      await until(reauthOpen, '"Confirm it\'s you"');
      await typeInto(screen.getByLabelText('Password'), MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      await until(() => names(el).length === 2);
      expect(backend.store.listPasskeys().items.map((p) => p.name)).to.deep.equal(['iCloud Keychain', 'YubiKey 5C']);
    });

    it('refuses to remove the last way to sign in, with the server\'s reason', async () => {
      const { el, backend } = await mountPasskeys({ passkeys: 1, passwordless: true, setup: (b) => void b.store.disconnectAccount('google') });
      button('Remove iCloud Keychain').click();
      await until(() => dialogOpen(el));
      dialogButton(el, 'Remove').click();
      await until(() => el.shadowRoot!.querySelector('[part="action-error"]'));
      expect(visibleText(el.shadowRoot!.querySelector('[part="action-error"]')!)).to.equal(
        'iCloud Keychain was not removed. This passkey is the only way left to sign in to your account. Add another passkey or set a password first.',
      );
      expect(names(el)).to.deep.equal(['iCloud Keychain']);
      expect(backend.store.listPasskeys().items).to.have.length(1);
    });

    it('takes a passkey removed elsewhere off the list', async () => {
      const { el, backend } = await mountPasskeys();
      backend.store.deletePasskey('pk_seed_2');
      button('Remove YubiKey 5C').click();
      await until(() => dialogOpen(el));
      dialogButton(el, 'Remove').click();
      await until(() => statusOf(el) === 'YubiKey 5C was already removed, so it is no longer listed.');
      expect(names(el)).to.deep.equal(['iCloud Keychain', 'Work laptop']);
    });
  });

  describe('"Confirm it\'s you" with a passkey', () => {
    const usePasskey = () => screen.getByRole('button', { name: /^(Use a passkey|Waiting for your passkey…)$/ }) as HTMLButtonElement;

    async function removeWithConfirmation(el: HTMLElement, name: string, confirm: () => Promise<void>): Promise<void> {
      button(`Remove ${name}`).focus();
      button(`Remove ${name}`).click();
      await until(() => dialogOpen(el));
      dialogButton(el, 'Remove').click();
      await until(reauthOpen, '"Confirm it\'s you"');
      await confirm();
      await until(() => !names(el).includes(name), `${name} removed`);
    }

    it('adds a passkey, sees it listed, renames it, confirms sensitive actions with it, and removes it', async () => {
      await addVirtualAuthenticator();
      const { el, backend } = await mountPasskeys({ passkeys: 1, reauth: 'always' });
      // Adding is sensitive: confirmed with the password (the seeded passkey is on no authenticator here).
      button('Add a passkey').click();
      await until(reauthOpen, '"Confirm it\'s you"');
      expect(usePasskey()).to.exist;
      await typeInto(screen.getByLabelText('Password'), MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      await until(() => el.shadowRoot!.querySelector('[part="rename-form"]'), 'the name form of the new passkey');
      await typeInto(nameField(), 'Laptop');
      await sendKeys({ press: 'Enter' });
      await until(() => names(el).includes('Laptop'), 'the new passkey listed under its name');
      expect(names(el)).to.deep.equal(['iCloud Keychain', 'Laptop']);
      // Removing the other one: "Use a passkey" instead of the password.
      await removeWithConfirmation(el, 'iCloud Keychain', async () => {
        expect(visibleText(reauthDialog()!)).to.contain('Use a passkey');
        usePasskey().click();
      });
      expect(requestsTo(backend, 'reauthenticateWithPasskey').map((r) => r.status)).to.deep.equal([200]);
      expect(requestsTo(backend, 'reauthenticate').map((r) => r.status)).to.deep.equal([200]);
      expect(reauthOpen()).to.equal(false);
      // The passkey that confirmed is now this session's, used a moment ago.
      await until(() => visibleText(el).includes('Used for this session'));
      const laptop = backend.store.listPasskeys().items.find((p) => p.name === 'Laptop')!;
      expect(laptop.current).to.equal(true);
      expect(laptop.lastUsedAt).to.be.a('string');
      const counted = (await virtualCredentials())[0]!.signCount;
      expect(counted).to.be.greaterThan(0);
      // And removing it, confirmed with itself once more (a new challenge, a higher counter).
      await removeWithConfirmation(el, 'Laptop', async () => usePasskey().click());
      expect(requestsTo(backend, 'reauthenticateWithPasskey').map((r) => r.status)).to.deep.equal([200, 200]);
      expect((await virtualCredentials())[0]!.signCount).to.be.greaterThan(counted);
      await until(() => el.shadowRoot!.querySelector('[part="empty"]'), 'the empty state');
      expect(backend.store.listPasskeys().items).to.deep.equal([]);
    });

    it('is accessible with "Use a passkey" offered', async () => {
      const { el } = await mountPasskeys({ reauth: 'when-stale' });
      button('Remove Work laptop').click();
      await until(() => dialogOpen(el));
      dialogButton(el, 'Remove').click();
      await until(reauthOpen);
      await expect(reauthDialog()!).to.be.accessible();
      screen.getByRole('button', { name: 'Cancel' }).click();
      await until(() => !reauthOpen());
    });

    it('says why a passkey did not confirm, keeps the dialog open, and the password still works', async () => {
      await addVirtualAuthenticator();
      const { el, backend } = await mountPasskeys({ passkeys: 2, reauth: 'when-stale' });
      button('Remove YubiKey 5C').focus();
      button('Remove YubiKey 5C').click();
      await until(() => dialogOpen(el));
      dialogButton(el, 'Remove').click();
      await until(reauthOpen);
      // The authenticator holds none of this account's passkeys: the browser's prompt ends without one.
      await setUserVerified(false);
      usePasskey().click();
      await until(() => /The passkey prompt was closed\. Try again when you are ready\./.test(visibleText(reauthDialog()!)), 'the reason in the dialog');
      expect(reauthOpen()).to.equal(true);
      expect(usePasskey().getAttribute('aria-busy')).to.equal('false');
      expect(requestsTo(backend, 'reauthenticateWithPasskey')).to.have.length(0);
      await typeInto(screen.getByLabelText('Password'), MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      await until(() => names(el).length === 1);
    });

    it('offers only the passkey to an account without a password', async () => {
      await addVirtualAuthenticator();
      const { el, backend } = await mountPasskeys({ passkeys: 1, passwordless: true, reauth: 'always' });
      button('Add a passkey').click();
      await until(reauthOpen);
      expect(screen.queryByLabelText('Password')).to.equal(null);
      expect(visibleText(reauthDialog()!)).to.contain('confirm with one of your passkeys');
      await until(() => document.activeElement === usePasskey(), 'focus on "Use a passkey"');
      // The only passkey is not on this authenticator: the server refuses what the browser cannot sign.
      screen.getByRole('button', { name: 'Cancel' }).click();
      await until(() => !reauthOpen());
      expect(requestsTo(backend, 'startPasskeyRegistration').map((r) => r.status)).to.deep.equal([403]);
      expect(names(el)).to.have.length(1);
    });
  });

  it('works with the keyboard alone: Add, Rename and Remove in the Tab order', async () => {
    await addVirtualAuthenticator();
    const { el, backend } = await mountPasskeys({ passkeys: 1 });
    el.shadowRoot!.querySelector<HTMLElement>('.title')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === button('Add a passkey')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('[part="rename-form"]'));
    await until(() => deepActive() === nameField());
    await sendKeys({ type: 'Keyboard key' });
    await sendKeys({ press: 'Enter' });
    await until(() => names(el).includes('Keyboard key'));
    await until(() => deepActive() === button('Rename Keyboard key'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === button('Remove Keyboard key')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => dialogOpen(el));
    await until(() => deepActive()?.textContent?.trim() === 'Cancel' || deepActive()?.textContent?.trim() === 'Remove');
    dialogButton(el, 'Remove').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => names(el).length === 1);
    expect(backend.store.listPasskeys().items.map((p) => p.name)).to.deep.equal(['iCloud Keychain']);
  });
});

describe('dn-passkeys faults', () => {
  const mountForFaults = (setup: (backend: MockBackend) => void) => mountPasskeys({ setup });

  describe('load', () => {
    runFaultMatrix<DnPasskeys>({ request: ['get', '/api/account/passkeys'], mount: mountForFaults });
  });

  describe('rename', () => {
    const open = async ({ el }: { el: DnPasskeys }) => {
      if (!el.shadowRoot!.querySelector('[part="rename-form"]')) {
        button('Rename Work laptop').click();
        await until(() => el.shadowRoot!.querySelector('[part="rename-form"]'));
        await typeInto(nameField(), 'Old laptop');
      }
      button('Save').click();
    };
    runFaultMatrix<DnPasskeys>({
      request: ['patch', '/api/account/passkeys/:id'],
      mount: mountForFaults,
      act: open,
      kept: () => {
        expect(nameField().value).to.equal('Old laptop');
      },
      control: () => button('Save'),
      succeeded: ({ el }) => names(el).includes('Old laptop'),
    });
  });

  describe('remove', () => {
    const remove = async ({ el }: { el: DnPasskeys }) => {
      button(/^Remove Work laptop/).click();
      await until(() => dialogOpen(el));
      dialogButton(el, 'Remove').click();
    };
    runFaultMatrix<DnPasskeys>({
      request: ['delete', '/api/account/passkeys/:id'],
      mount: mountForFaults,
      act: remove,
      kept: ({ el }) => {
        expect(names(el)).to.include('Work laptop');
      },
      control: () => button(/^Remove Work laptop/),
      succeeded: ({ el }) => !names(el).includes('Work laptop'),
    });
  });

  describe('add', () => {
    beforeEach(() => addVirtualAuthenticator());
    runFaultMatrix<DnPasskeys>({
      request: ['post', '/api/account/passkeys/registration-options'],
      mount: mountForFaults,
      act: async () => button(/^Add a passkey/).click(),
      kept: ({ el }) => {
        expect(names(el)).to.have.length(3);
      },
      control: () => button(/^Add a passkey/),
      succeeded: ({ el }) => el.shadowRoot!.querySelector('[part="rename-form"]'),
    });
  });
});
