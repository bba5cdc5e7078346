import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { screen, within } from 'shadow-dom-testing-library';
import { MOCK_PASSWORD, MOCK_USER } from '../../mock/index.js';
import { RestAccountApi } from '../../src/api/rest-client.js';
import type { DnDeleteAccount } from '../../src/components/delete-account/delete-account.js';
import '../../src/components/delete-account/delete-account.js';
import { errorOf, mount, nextTask, requestsTo, statusOf, typeInto, until, visibleText, type MountOptions } from '../helpers/fixture.js';
import { confirmDialogOf, deepActive, dialogButton, dialogOpen, nativeDialogOf } from '../helpers/dialogs.js';
import { usernameBeside } from '../helpers/username.js';

const EMAIL = MOCK_USER.email;
const BLOCKING = { id: 'wsp_northwind', name: 'Northwind Calls', memberCount: 8, role: 'owner' as const };

/** Ready to delete: no workspace with other members, no "Confirm it's you". */
const mountDelete = (options: MountOptions = {}, attributes = html`<dn-delete-account></dn-delete-account>`) =>
  mount<DnDeleteAccount>(attributes, { reauth: 'never', ownsWorkspaceWithMembers: false, ...options });

const emailInput = () => screen.getByLabelText('Your account email') as HTMLInputElement;
const passwordInput = () => screen.getByLabelText('Your password') as HTMLInputElement;
const deleteButton = () => screen.getByRole('button', { name: /^Delete account$|Deleting account/ }) as HTMLButtonElement;
const requirements = (el: HTMLElement) => el.querySelector<HTMLElement>('.requirements')!;
const workspaces = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="workspace"]')];

/** Waits until the confirmation closed and its answer reached the element. */
async function closed(el: DnDeleteAccount): Promise<void> {
  await until(() => !dialogOpen(el) && !confirmDialogOf(el).isOpen, 'the confirmation to close');
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
}

async function fill(email = EMAIL, password = MOCK_PASSWORD): Promise<void> {
  await typeInto(emailInput(), email);
  await typeInto(passwordInput(), password);
}

/** Fills the form, presses Delete account and waits for the confirmation. */
async function openConfirm(el: HTMLElement, email = EMAIL, password = MOCK_PASSWORD): Promise<void> {
  await fill(email, password);
  deleteButton().click();
  await until(() => dialogOpen(el), 'the confirmation dialog to open');
}

async function confirmDelete(el: HTMLElement, email = EMAIL, password = MOCK_PASSWORD): Promise<void> {
  await openConfirm(el, email, password);
  dialogButton(el, 'Delete account').click();
}

describe('dn-delete-account', () => {
  it('asks for the account email in a username field before the password, for password managers', async () => {
    await mountDelete({ ownsWorkspaceWithMembers: false });
    await until(() => screen.queryByLabelText('Your password'));
    await fill();
    expect(usernameBeside(passwordInput(), { visible: true })).to.equal(emailInput());
    expect(emailInput().value).to.equal(EMAIL);
  });

  it('is accessible', async () => {
    const { el } = await mountDelete();
    await expect(el).to.be.accessible();
  });

  it('is accessible in dark and right-to-left, with blocking workspaces', async () => {
    const { el } = await mount<DnDeleteAccount>(html`<dn-delete-account workspace-href="/workspaces/{id}/settings"></dn-delete-account>`, {
      theme: 'dark',
      locale: 'ar',
      reauth: 'never',
    });
    await until(() => /حذف الحساب/.test(visibleText(el)));
    expect(workspaces(el)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('is accessible in dark with the confirmation open', async () => {
    const { el } = await mountDelete({ theme: 'dark' });
    await openConfirm(el);
    await expect(el).to.be.accessible();
    dialogButton(el, 'Cancel').click();
    await closed(el);
  });

  describe('by default', () => {
    it('states what is deleted, with the numbers from the server', async () => {
      const { el, backend } = await mountDelete();
      const text = visibleText(el);
      expect(text).to.contain('Deleting your account is permanent.');
      const list = screen.getByShadowRole('list', { name: 'This permanently deletes:' });
      expect(within(list).getAllByShadowRole('listitem').map((li) => li.textContent!.trim())).to.deep.equal([
        'AI agents: 12',
        'Phone numbers: 5',
        'Call recordings: 18,432',
        'Call transcripts: 17,961',
      ]);
      expect(text).to.contain('Your wallet balance of $248.50 is forfeited unless you contact support before you delete your account.');
      expect(text).to.contain('Before you delete your account, we recommend exporting a copy of your data.');
      // No host links set: the sentences stand alone.
      expect(el.shadowRoot!.querySelectorAll('a')).to.have.length(0);
      expect(workspaces(el)).to.have.length(0);
      expect(requestsTo(backend, 'getAccountDeletion')).to.have.length(1);
    });

    it('links to support and to the data export when the host sets them', async () => {
      const { el } = await mountDelete(
        {},
        html`<dn-delete-account support-href="mailto:support@dialnexa.example" export-href="/settings/privacy#export"></dn-delete-account>`,
      );
      const support = screen.getByShadowRole('link', { name: 'Contact support about your balance' });
      expect(support.getAttribute('href')).to.equal('mailto:support@dialnexa.example');
      const exportLink = screen.getByShadowRole('link', { name: 'Export your data' });
      expect(exportLink.getAttribute('href')).to.equal('/settings/privacy#export');
      expect(el.shadowRoot!.querySelector('[part="wallet"]')!.contains(support)).to.equal(true);
    });

    it('renders the fields where password managers reach them, with the right autocomplete', async () => {
      const { el } = await mountDelete();
      const email = emailInput();
      const password = passwordInput();
      expect(email.closest('dn-delete-account') === el).to.equal(true);
      expect(password.closest('dn-delete-account') === el).to.equal(true);
      expect(password.type).to.equal('password');
      expect(password.getAttribute('autocomplete')).to.equal('current-password');
      expect(['email', 'username']).to.include(email.getAttribute('autocomplete'));
      expect(visibleText(el)).to.contain(`Type ${EMAIL} to confirm.`);
    });

    it('shows a loading state first', async () => {
      const { el } = await mountDelete({ settle: false, latencyMs: 300 });
      expect(el.shadowRoot!.querySelector('[part="loading"]')).to.exist;
      await until(() => visibleText(el).includes('AI agents: 12'));
    });

    it('renders hostile workspace names from the server as inert text', async () => {
      const hostile = '<img src=x onerror="alert(1)"> ‮Calls‬ "><svg onload=alert(1)>';
      const { el } = await mount<DnDeleteAccount>(html`<dn-delete-account workspace-href="/w/{id}"></dn-delete-account>`, {
        reauth: 'never',
        setup: (b) => b.store.setWorkspaces([{ id: 'wsp_"><script>x</script>', name: hostile, memberCount: 3, role: 'owner' }]),
      });
      await until(() => workspaces(el).length === 1);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(el.shadowRoot!.querySelector('script')).to.equal(null);
      expect(el.shadowRoot!.querySelector('svg[onload]')).to.equal(null);
      expect(visibleText(el)).to.contain(hostile);
      const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="workspace-link"]')!;
      expect(link.getAttribute('href')).to.equal(`/w/${encodeURIComponent('wsp_"><script>x</script>')}`);
      expect(link.textContent!.trim()).to.equal(`Transfer or delete ${hostile}`);
    });
  });

  describe('while the user types', () => {
    it('keeps Delete unavailable, saying why, until the email matches and a password is typed', async () => {
      const { el, backend } = await mountDelete();
      expect(deleteButton().getAttribute('aria-disabled')).to.equal('true');
      expect(requirements(el).textContent!.trim()).to.equal('To enable deletion, type your account email and your password.');
      expect(deleteButton().getAttribute('aria-describedby')).to.equal(requirements(el).id);

      await typeInto(emailInput(), 'amira@northwind');
      expect(requirements(el).textContent!.trim()).to.equal('To enable deletion, type your account email and your password.');
      await typeInto(passwordInput(), 'x');
      expect(requirements(el).textContent!.trim()).to.equal('To enable deletion, type your account email exactly as shown.');
      expect(deleteButton().getAttribute('aria-disabled')).to.equal('true');

      // Case and the spaces around it do not matter.
      await typeInto(emailInput(), `  ${EMAIL.toUpperCase()} `);
      expect(deleteButton().getAttribute('aria-disabled')).to.equal('false');
      expect(requirements(el).hidden).to.equal(true);

      await typeInto(passwordInput(), '');
      expect(deleteButton().getAttribute('aria-disabled')).to.equal('true');
      expect(requirements(el).textContent!.trim()).to.equal('To enable deletion, enter your password.');
      expect(backend.requests.filter((r) => r.method !== 'GET')).to.have.length(0);
    });

    it('pressing the unavailable button sends nothing and points at the field that needs attention', async () => {
      const { el, backend } = await mountDelete();
      await typeInto(emailInput(), 'someone@else.example');
      deleteButton().click();
      await until(() => errorOf(emailInput()) !== '');
      expect(errorOf(emailInput())).to.equal('This does not match your account email.');
      expect(errorOf(passwordInput())).to.equal('Enter your password.');
      expect(emailInput().getAttribute('aria-invalid')).to.equal('true');
      await until(() => deepActive() === emailInput());
      expect(dialogOpen(el)).to.equal(false);
      // The error follows the typing.
      await typeInto(emailInput(), EMAIL);
      expect(errorOf(emailInput())).to.equal('');
      await sendKeys({ press: 'Enter' });
      await until(() => deepActive() === passwordInput());
      expect(dialogOpen(el)).to.equal(false);
      expect(requestsTo(backend, 'deleteAccount')).to.have.length(0);
    });
  });

  describe('when the user confirms', () => {
    it('sends nothing on Cancel or Escape, keeping what was typed', async () => {
      const { el, backend } = await mountDelete();
      await openConfirm(el);
      expect(visibleText(nativeDialogOf(el))).to.contain('Delete your account permanently?');
      expect(deepActive() === dialogButton(el, 'Cancel')).to.equal(true);
      dialogButton(el, 'Cancel').click();
      await closed(el);
      deleteButton().click();
      await until(() => dialogOpen(el));
      await sendKeys({ press: 'Escape' });
      await closed(el);
      expect(requestsTo(backend, 'deleteAccount')).to.have.length(0);
      expect(emailInput().value).to.equal(EMAIL);
      expect(passwordInput().value).to.equal(MOCK_PASSWORD);
      expect(deleteButton().getAttribute('aria-disabled')).to.equal('false');
    });

    it('deletes: sends email and password, emits, shows the final state, announces and sends nothing more', async () => {
      const { el, backend } = await mountDelete();
      const deleted = oneEvent(el, 'dn-account-deleted');
      await confirmDelete(el, ` ${EMAIL} `);
      const event = await deleted;
      const requests = requestsTo(backend, 'deleteAccount');
      expect(requests).to.have.length(1);
      expect(requests[0]!.method).to.equal('POST');
      expect(requests[0]!.json).to.deep.equal({ email: EMAIL, password: MOCK_PASSWORD });
      expect(event.detail.completedAt).to.match(/^\d{4}-\d{2}-\d{2}T/);
      await until(() => el.shadowRoot!.querySelector('[part="deleted"]'));
      expect(visibleText(el)).to.contain('Your account was deleted');
      expect(el.querySelector('input'), 'no form any more').to.equal(null);
      await until(() => statusOf(el) === 'Your account was deleted');
      await until(() => deepActive() === el.shadowRoot!.querySelector('#deleted'));
    });

    it('does not show the 401s that follow deletion as an error', async () => {
      const { el, backend, provider } = await mountDelete();
      let unauthorized = 0;
      el.addEventListener('dn-unauthorized', () => (unauthorized += 1));
      await confirmDelete(el);
      await until(() => el.shadowRoot!.querySelector('[part="deleted"]'));
      // The session is gone: every further request would be a 401.
      provider.locale = 'de';
      await until(() => visibleText(el).includes('Ihr Konto wurde gelöscht'));
      // A new API object would reload the element: not once the account is gone.
      const sent = backend.sent;
      el.api = new RestAccountApi({ baseUrl: '/api/account', retry: { attempts: 0 } });
      el.requestUpdate();
      await el.updateComplete;
      await nextTask();
      expect(backend.sent, 'nothing asked of the new API').to.equal(sent);
      expect(requestsTo(backend, 'getAccountDeletion')).to.have.length(1);
      expect(requestsTo(backend, 'deleteAccount')).to.have.length(1);
      expect(unauthorized).to.equal(0);
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    });

    it('sends one request however often the user presses', async () => {
      const { el, backend } = await mountDelete({ latencyMs: 250 });
      await confirmDelete(el);
      await until(() => deleteButton().getAttribute('aria-busy') === 'true');
      expect(deleteButton().getAttribute('aria-disabled')).to.equal('true');
      deleteButton().click();
      passwordInput().focus();
      await sendKeys({ press: 'Enter' });
      await until(() => el.shadowRoot!.querySelector('[part="deleted"]'));
      expect(dialogOpen(el)).to.equal(false);
      expect(requestsTo(backend, 'deleteAccount')).to.have.length(1);
    });

    it('shows a wrong password at the password field, keeping everything typed', async () => {
      const { el, backend } = await mountDelete();
      await confirmDelete(el, EMAIL, 'not-my-password');
      await until(() => errorOf(passwordInput()) !== '');
      expect(errorOf(passwordInput())).to.equal("That password isn't right. Try again.");
      expect(passwordInput().getAttribute('aria-invalid')).to.equal('true');
      expect(passwordInput().value).to.equal('not-my-password');
      expect(emailInput().value).to.equal(EMAIL);
      await until(() => deepActive() === passwordInput());
      expect(requestsTo(backend, 'deleteAccount')).to.have.length(1);
      expect(el.shadowRoot!.querySelector('[part="deleted"]')).to.equal(null);
      // Correcting it clears the message.
      await typeInto(passwordInput(), MOCK_PASSWORD);
      expect(errorOf(passwordInput())).to.equal('');
    });

    it('opens "Confirm it\'s you" when the server asks, then deletes', async () => {
      const { el, backend } = await mountDelete({ reauth: 'when-stale' });
      const deleted = oneEvent(el, 'dn-account-deleted');
      await confirmDelete(el);
      await until(() => screen.queryByLabelText('Password', { exact: true }), 'the re-authentication dialog');
      await typeInto(screen.getByLabelText('Password', { exact: true }) as HTMLInputElement, MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      await deleted;
      await until(() => el.shadowRoot!.querySelector('[part="deleted"]'));
      expect(requestsTo(backend, 'deleteAccount').length).to.be.greaterThan(0);
    });
  });

  describe('when the user owns workspaces with other members', () => {
    it('lists them before anything is typed, with links from the template, and keeps Delete unavailable', async () => {
      const { el, backend } = await mount<DnDeleteAccount>(
        html`<dn-delete-account workspace-href="/workspaces/{id}/settings"></dn-delete-account>`,
        { reauth: 'never' },
      );
      const rows = workspaces(el);
      expect(rows).to.have.length(1);
      expect(rows[0]!.textContent).to.contain('Northwind Calls');
      expect(rows[0]!.textContent).to.contain('Members: 8');
      const link = screen.getByShadowRole('link', { name: 'Transfer or delete Northwind Calls' });
      expect(link.getAttribute('href')).to.equal('/workspaces/wsp_northwind/settings');
      expect(visibleText(el)).to.contain('transfer ownership to another member or delete the workspace');
      expect(deleteButton().getAttribute('aria-disabled')).to.equal('true');
      expect(requirements(el).textContent!.trim()).to.equal('Deletion is possible once no workspace you own has other members.');
      await fill();
      expect(deleteButton().getAttribute('aria-disabled')).to.equal('true');
      deleteButton().click();
      await until(() => deepActive() === el.shadowRoot!.querySelector('#blocking-title'));
      expect(dialogOpen(el)).to.equal(false);
      expect(requestsTo(backend, 'deleteAccount')).to.have.length(0);
    });

    it('lists them without links when the host sets no template', async () => {
      const { el } = await mount<DnDeleteAccount>(html`<dn-delete-account></dn-delete-account>`, { reauth: 'never' });
      expect(workspaces(el)).to.have.length(1);
      expect(el.shadowRoot!.querySelector('[part="workspace-link"]')).to.equal(null);
    });

    it('"Check again" lets the user go on once ownership was handed over, keeping what was typed', async () => {
      const { el, backend } = await mount<DnDeleteAccount>(html`<dn-delete-account></dn-delete-account>`, { reauth: 'never' });
      await fill();
      backend.store.setWorkspaces([{ ...BLOCKING, role: 'admin' }]);
      screen.getByShadowRole('button', { name: 'Check again' }).click();
      await until(() => workspaces(el).length === 0, 'the workspaces to go');
      await until(() => statusOf(el) === 'No workspace blocks the deletion any more.');
      expect(requestsTo(backend, 'getAccountDeletion')).to.have.length(2);
      expect(emailInput().value).to.equal(EMAIL);
      expect(passwordInput().value).to.equal(MOCK_PASSWORD);
      expect(deleteButton().getAttribute('aria-disabled')).to.equal('false');
    });

    it('handles the refusal on submit (409): lists the workspaces and keeps what was typed', async () => {
      const { el, backend } = await mountDelete({}, html`<dn-delete-account workspace-href="/workspaces/{id}/settings"></dn-delete-account>`);
      expect(workspaces(el)).to.have.length(0);
      // Someone added a member in the meantime.
      backend.store.setWorkspaces([BLOCKING]);
      await confirmDelete(el);
      await until(() => workspaces(el).length === 1, 'the blocking workspace');
      expect(workspaces(el)[0]!.textContent).to.contain('Northwind Calls');
      expect(screen.getByShadowRole('link', { name: 'Transfer or delete Northwind Calls' }).getAttribute('href')).to.equal(
        '/workspaces/wsp_northwind/settings',
      );
      await until(() => deepActive() === el.shadowRoot!.querySelector('#blocking-title'));
      expect(emailInput().value).to.equal(EMAIL);
      expect(passwordInput().value).to.equal(MOCK_PASSWORD);
      expect(el.shadowRoot!.querySelector('[part="deleted"]')).to.equal(null);
      expect(requestsTo(backend, 'deleteAccount')).to.have.length(1);
    });
  });

  it('works with the keyboard alone', async () => {
    const { el, backend } = await mountDelete({}, html`<dn-delete-account export-href="/privacy"></dn-delete-account>`);
    el.shadowRoot!.querySelector<HTMLElement>('.title')!.focus();
    // Heading → "Export your data" → email.
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === screen.getByShadowRole('link', { name: 'Export your data' })).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === emailInput()).to.equal(true);
    await sendKeys({ type: EMAIL });
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === passwordInput()).to.equal(true);
    await sendKeys({ type: MOCK_PASSWORD });
    // Show → Delete account.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === deleteButton()).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => dialogOpen(el));
    expect(deepActive() === dialogButton(el, 'Cancel')).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === dialogButton(el, 'Delete account')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('[part="deleted"]'));
    expect(requestsTo(backend, 'deleteAccount')).to.have.length(1);
  });

  describe('in other languages', () => {
    for (const [locale, title, agents, hint] of [
      ['de', 'Konto löschen', /KI-Agenten: 12/, 'Geben Sie die E-Mail-Adresse Ihres Kontos und Ihr Passwort ein, um das Löschen freizugeben.'],
      ['es', 'Eliminar cuenta', /Agentes de IA: 12/, 'Para habilitar la eliminación, escribe el correo electrónico de tu cuenta y tu contraseña.'],
      ['ar', 'حذف الحساب', /وكلاء الذكاء الاصطناعي: (١٢|12)/, 'لتفعيل الحذف، اكتبوا البريد الإلكتروني لحسابكم وكلمة المرور.'],
    ] as const) {
      it(`speaks ${locale}`, async () => {
        const { el } = await mountDelete({ locale });
        await until(() => visibleText(el).includes(title), 'the translations to load');
        const text = visibleText(el);
        expect(text).to.contain(title);
        expect(text).to.match(agents);
        expect(requirements(el).textContent!.trim()).to.equal(hint);
        expect(text).not.to.match(/deletion\.|undefined/);
      });
    }

    it('shows the balance in the locale\'s currency format (de)', async () => {
      const { el } = await mountDelete({ locale: 'de' });
      await until(() => visibleText(el).includes('Konto löschen'), 'the translations to load');
      expect(visibleText(el)).to.contain('Ihr Guthaben von 248,50 $ verfällt');
      expect(visibleText(el)).to.contain('Anrufaufzeichnungen: 18.432');
    });
  });

  describe('when deleting fails', () => {
    it('shows a failure next to the button, with role alert', async () => {
      const { el } = await mountDelete({
        setup: (b) => b.use(http.post('/api/account/deletion', () => HttpResponse.json({ title: 'x', status: 500 }, { status: 500 }))),
      });
      await confirmDelete(el);
      await until(() => el.querySelector('.form-alert'));
      expect(el.querySelector('.form-alert')!.getAttribute('role')).to.equal('alert');
      expect(deleteButton().getAttribute('aria-busy')).to.equal('false');
    });
  });
});
