import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { screen, within } from 'shadow-dom-testing-library';
import { MOCK_PASSWORD } from '../../mock/index.js';
import { handleMockOAuthNavigation, type MockOAuthMessage } from '../../mock/browser.js';
import type { MockBackend } from '../helpers/fixture.js';
import type { DnConnectedAccounts } from '../../src/components/connected-accounts/connected-accounts.js';
import '../../src/components/connected-accounts/connected-accounts.js';
import { mount, nextTask, requestsTo, statusOf, typeInto, until, visibleText, type MountOptions } from '../helpers/fixture.js';
import { confirmDialogOf, deepActive, dialogButton, dialogOpen, nativeDialogOf } from '../helpers/dialogs.js';

const PASSWORD_NOTE = 'You can always sign in with your email and password, whichever accounts you connect here.';

interface ConnectedOptions extends MountOptions {
  mode?: 'redirect' | 'popup';
  redirectUri?: string;
  messageOrigin?: string;
  navigate?: (url: string) => void;
}

const mountConnected = ({ mode = 'redirect', redirectUri, messageOrigin, navigate = () => {}, ...options }: ConnectedOptions = {}) =>
  mount<DnConnectedAccounts>(
    html`<dn-connected-accounts
      mode=${mode}
      redirect-uri=${redirectUri ?? ''}
      message-origin=${messageOrigin ?? ''}
      .navigate=${navigate}
    ></dn-connected-accounts>`,
    { reauth: 'never', ...options },
  );

const button = (name: string) => screen.getByShadowRole('button', { name }) as HTMLButtonElement;
const queryButton = (name: string) => screen.queryByShadowRole('button', { name }) as HTMLButtonElement | null;
const rowOf = (el: HTMLElement, provider: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="account"][data-provider="${provider}"]`)!;
const actionError = (el: HTMLElement) => el.shadowRoot!.querySelector('[part="action-error"]')?.textContent?.trim() ?? '';

/** Presses Enter on `target` with the real keyboard (a trusted gesture: popups are allowed). */
async function pressOn(target: HTMLElement): Promise<void> {
  target.focus();
  await sendKeys({ press: 'Enter' });
}

async function openDisconnect(el: HTMLElement, provider: string): Promise<void> {
  button(`Disconnect ${provider}`).click();
  await until(() => dialogOpen(el), 'the confirmation dialog to open');
}

/** Watches `window.open` (the real one still runs) and hands back the windows it opened. */
function spyOnOpen(): { opened: (Window | null)[]; calls: unknown[][]; restore(): void } {
  const real = window.open;
  const spy = {
    opened: [] as (Window | null)[],
    calls: [] as unknown[][],
    restore: () => {
      window.open = real;
    },
  };
  window.open = ((...args: Parameters<typeof window.open>) => {
    spy.calls.push(args);
    const win = real.apply(window, args);
    spy.opened.push(win);
    return win;
  }) as typeof window.open;
  return spy;
}

/** The popup once it shows the mock provider page (same origin, so its address is readable). */
async function popupOnProviderPage(popup: Window, provider: string): Promise<URL> {
  let url: URL | undefined;
  await until(() => {
    try {
      if (popup.document.readyState !== 'complete') return false;
      const here = new URL(popup.location.href);
      if (here.pathname !== `/api/account/__mock/oauth/${provider}`) return false;
      url = here;
      return true;
    } catch {
      return false;
    }
  }, 'the popup to show the mock provider page');
  return url!;
}

/**
 * MSW's worker never sees navigations, so the test runner's server answers the popup's
 * page; `handleMockOAuthNavigation` then plays the provider in it, as the demo page does:
 * it posts the completion message to the opener and closes the popup.
 */
function actAsProvider(backend: MockBackend, popup: Window): void {
  expect(handleMockOAuthNavigation(backend.store, '/api/account', popup)).to.equal(true);
}

const completion = (provider: string): MockOAuthMessage => ({ type: 'dn-connected-account', source: 'dn-mock-oauth', provider, connected: true });

describe('dn-connected-accounts', () => {
  it('is accessible', async () => {
    const { el } = await mountConnected();
    await expect(el).to.be.accessible();
  });

  it('is accessible in dark and right-to-left, and with the confirmation open', async () => {
    const { el } = await mountConnected({ theme: 'dark', locale: 'ar' });
    await until(() => /الحسابات المرتبطة/.test(visibleText(el)));
    expect(el.getAttribute('dir')).to.equal('rtl');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="disconnect"]')!.click();
    await until(() => dialogOpen(el));
    await expect(el).to.be.accessible();
    nativeDialogOf(el).close();
  });

  describe('by default', () => {
    it('lists the providers from the server with their state, email and date, as a list', async () => {
      const { el, backend } = await mountConnected();
      const items = backend.store.listConnectedAccounts().items;
      const list = screen.getByShadowRole('list', { name: 'Sign-in providers' });
      expect(within(list).getAllByShadowRole('listitem')).to.have.length(items.length);
      expect(items.map((a) => a.name)).to.deep.equal(['Google', 'Microsoft', 'GitHub']);
      const google = rowOf(el, 'google');
      expect(visibleText(google)).to.contain('Google');
      expect(google.querySelector('[part="email"]')!.textContent).to.equal(items[0]!.email);
      expect(visibleText(google)).to.match(/Connected on \w{3} \d{1,2}, \d{4}/);
      expect(google.querySelector('time')!.getAttribute('datetime')).to.equal(items[0]!.connectedAt);
      expect(google.querySelector('[part="icon"]')!.getAttribute('aria-hidden')).to.equal('true');
      expect(visibleText(rowOf(el, 'microsoft'))).to.contain('Not connected');
      expect(visibleText(rowOf(el, 'github'))).to.contain('Not connected');
      expect(button('Disconnect Google')).to.exist;
      expect(button('Connect Microsoft')).to.exist;
      expect(button('Connect GitHub')).to.exist;
      expect(queryButton('Connect Google')).to.equal(null);
      expect(visibleText(el)).to.contain(PASSWORD_NOTE);
    });

    it("shows Google's, Microsoft's and GitHub's own marks, inline and decorative; a letter for any other provider", async () => {
      const { el } = await mountConnected({
        setup: (b) =>
          b.use(
            http.get('/api/account/connected-accounts', () => {
              const list = b.store.listConnectedAccounts();
              const okta = { provider: 'okta', name: 'Okta', connected: false, email: null, connectedAt: null };
              return HttpResponse.json({ ...list, items: [...list.items, okta] });
            }),
          ),
      });
      const icons = new Map(['google', 'microsoft', 'github', 'okta'].map((id) => [id, rowOf(el, id).querySelector<HTMLElement>('[part="icon"]')!]));
      const drawings = new Set<string>();
      for (const id of ['google', 'microsoft', 'github']) {
        const icon = icons.get(id)!;
        expect(icon.getAttribute('aria-hidden'), id).to.equal('true');
        expect(icon.textContent!.trim(), `${id}: no letter`).to.equal('');
        const mark = icon.querySelector('svg')!;
        expect(mark, id).to.exist;
        expect(mark.getBoundingClientRect().width, `${id}: drawn`).to.be.greaterThan(10);
        drawings.add(mark.innerHTML);
        // No remote image and no style attribute: a strict Content-Security-Policy holds.
        expect(icon.querySelector('img, image, use, [style], [href]'), id).to.equal(null);
      }
      expect(drawings.size, 'three different marks').to.equal(3);
      expect(icons.get('okta')!.textContent!.trim()).to.equal('O');
      expect(icons.get('okta')!.querySelector('svg')).to.equal(null);
      // The name stays as text beside the mark.
      expect(visibleText(rowOf(el, 'github'))).to.contain('GitHub');
    });

    it('shows a loading state first', async () => {
      const { el } = await mountConnected({ settle: false, latencyMs: 300 });
      expect(el.shadowRoot!.querySelector('[part="loading"]')).to.exist;
      await until(() => el.shadowRoot!.querySelectorAll('[part="account"]').length === 3);
    });

    it('says so when the server lists no provider, still stating that password sign-in remains', async () => {
      const { el } = await mountConnected({
        setup: (b) => b.use(http.get('/api/account/connected-accounts', () => HttpResponse.json({ items: [], passwordSignIn: true }))),
      });
      expect(visibleText(el)).to.contain('No sign-in providers are available for your account.');
      expect(visibleText(el)).to.contain(PASSWORD_NOTE);
      expect(screen.queryByShadowRole('list')).to.equal(null);
    });

    it('renders a hostile email as inert text', async () => {
      const hostile = '<img src=x onerror="alert(1)">"><svg onload=alert(1)>\u202Eevil@example.com';
      const { el } = await mountConnected({ setup: (b) => b.store.markConnected('github', hostile) });
      expect(rowOf(el, 'github').querySelector('[part="email"]')!.textContent).to.equal(hostile);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(el.shadowRoot!.querySelector('svg[onload]')).to.equal(null);
      expect(getComputedStyle(rowOf(el, 'github').querySelector('[part="email"]')!).unicodeBidi).to.equal('isolate');
    });

    it('works in German, Spanish and Arabic', async () => {
      const expected: Record<string, string[]> = {
        de: ['Verknüpfte Konten', 'Google trennen', 'Microsoft verknüpfen'],
        es: ['Cuentas conectadas', 'Desconectar Google', 'Conectar Microsoft'],
        ar: ['الحسابات المرتبطة', 'إلغاء ربط Google', 'ربط Microsoft'],
      };
      for (const [locale, [title, disconnect, connect]] of Object.entries(expected)) {
        const { el } = await mountConnected({ locale });
        await until(() => visibleText(el).includes(title!), `${locale} title`);
        expect(button(disconnect!)).to.exist;
        expect(button(connect!)).to.exist;
        expect(visibleText(el)).not.to.contain('Not connected');
      }
    });
  });

  describe('when the user connects in redirect mode', () => {
    it('asks the server for the URL with this page as redirect URI and goes there', async () => {
      const visited: string[] = [];
      const { el, backend } = await mountConnected({ navigate: (url) => visited.push(url) });
      await pressOn(button('Connect GitHub'));
      await until(() => visited.length === 1, 'the navigation to the provider');
      const [request] = requestsTo(backend, 'connectAccount');
      expect(request!.method).to.equal('POST');
      expect(request!.url).to.match(/\/connected-accounts\/github\/connect$/);
      expect(request!.json).to.deep.equal({ redirectUri: window.location.href, mode: 'redirect' });
      const target = new URL(visited[0]!);
      expect(target.pathname).to.equal('/api/account/__mock/oauth/github');
      expect(target.searchParams.get('redirect_uri')).to.equal(window.location.href);
      expect(target.searchParams.get('mode')).to.equal('redirect');
      // The page is leaving: the button stays busy and a second press sends nothing.
      const connect = rowOf(el, 'github').querySelector<HTMLButtonElement>('[part="connect"]')!;
      expect(connect.getAttribute('aria-busy')).to.equal('true');
      expect(button('Connect Microsoft').getAttribute('aria-disabled')).to.equal('true');
      connect.click();
      button('Connect Microsoft').click();
      expect(requestsTo(backend, 'connectAccount')).to.have.length(1);
    });

    it('sends the redirect-uri attribute', async () => {
      const visited: string[] = [];
      const { backend } = await mountConnected({ redirectUri: 'https://app.example.com/settings#connected', navigate: (url) => visited.push(url) });
      button('Connect Microsoft').click();
      await until(() => visited.length === 1);
      expect(requestsTo(backend, 'connectAccount')[0]!.json).to.deep.equal({
        redirectUri: 'https://app.example.com/settings#connected',
        mode: 'redirect',
      });
    });

    it('on return (connected=<provider> in the page URL) announces once, emits and cleans the URL', async () => {
      const before = window.location.href;
      const back = new URL(before);
      back.searchParams.set('connected', 'github');
      window.history.replaceState(window.history.state, '', back.href);
      try {
        const connected = new Promise<CustomEvent>((resolve) => document.addEventListener('dn-account-connected', resolve as EventListener, { once: true }));
        const { el } = await mountConnected();
        // The mock marks the provider connected on that return, as a real backend would have.
        expect(button('Disconnect GitHub')).to.exist;
        expect((await connected).detail.account.provider).to.equal('github');
        await until(() => statusOf(el) === 'GitHub is connected. You can now sign in with it.');
        expect(new URL(window.location.href).searchParams.has('connected')).to.equal(false);
        expect(window.location.href).to.equal(before);
      } finally {
        window.history.replaceState(window.history.state, '', before);
      }
    });
  });

  describe('when the user connects in popup mode', () => {
    let open: ReturnType<typeof spyOnOpen>;
    beforeEach(() => {
      open = spyOnOpen();
    });
    afterEach(() => {
      open.restore();
      for (const win of open.opened) win?.close();
    });

    it('opens the provider page in a popup, which reports back: the list updates, announces, emits and focuses Disconnect', async () => {
      const { el, backend } = await mountConnected({ mode: 'popup' });
      const connected = oneEvent(el, 'dn-account-connected');
      await pressOn(button('Connect GitHub'));
      // Opened at once, on the key press, so no popup blocker stops it.
      expect(open.calls).to.have.length(1);
      expect(open.calls[0]![0]).to.equal('about:blank');
      const popup = open.opened[0]!;
      expect(popup).to.exist;
      const page = await popupOnProviderPage(popup, 'github');
      expect(page.searchParams.get('mode')).to.equal('popup');
      expect(requestsTo(backend, 'connectAccount')[0]!.json).to.deep.equal({ redirectUri: window.location.href, mode: 'popup' });
      expect(rowOf(el, 'github').querySelector('[part="connect"]')!.getAttribute('aria-busy')).to.equal('true');
      actAsProvider(backend, popup);
      const event = await connected;
      expect(event.detail.account).to.include({ provider: 'github', connected: true });
      await until(() => button('Disconnect GitHub'), 'GitHub to show as connected');
      expect(rowOf(el, 'github').querySelector('[part="email"]')!.textContent).to.equal(backend.store.listConnectedAccounts().items[0]!.email);
      await until(() => statusOf(el) === 'GitHub is connected. You can now sign in with it.');
      await until(() => deepActive() === button('Disconnect GitHub'), 'focus on Disconnect GitHub');
      await until(() => popup.closed, 'the popup to close');
      expect(requestsTo(backend, 'listConnectedAccounts')).to.have.length(2);
    });

    it('ignores a message from another origin or of another shape', async () => {
      const { el, backend } = await mountConnected({ mode: 'popup' });
      await pressOn(button('Connect GitHub'));
      const popup = open.opened[0]!;
      await popupOnProviderPage(popup, 'github');
      window.dispatchEvent(new MessageEvent('message', { data: completion('github'), origin: 'https://evil.example' }));
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'something-else', provider: 'github', connected: true }, origin: location.origin }));
      window.dispatchEvent(new MessageEvent('message', { data: 'dn-connected-account github', origin: location.origin }));
      window.dispatchEvent(new MessageEvent('message', { data: completion('microsoft'), origin: location.origin }));
      // A request would have started within the task of the message.
      await el.updateComplete;
      await nextTask();
      expect(requestsTo(backend, 'listConnectedAccounts')).to.have.length(1);
      expect(rowOf(el, 'github').querySelector('[part="connect"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(statusOf(el)).to.equal('');
      // The real completion still works afterwards.
      actAsProvider(backend, popup);
      await until(() => queryButton('Disconnect GitHub'));
    });

    it('accepts the message only from message-origin when set', async () => {
      const { el, backend } = await mountConnected({ mode: 'popup', messageOrigin: 'https://auth.example.com/callback' });
      await pressOn(button('Connect GitHub'));
      await popupOnProviderPage(open.opened[0]!, 'github');
      window.dispatchEvent(new MessageEvent('message', { data: completion('github'), origin: location.origin }));
      // A request would have started within the task of the message.
      await el.updateComplete;
      await nextTask();
      expect(requestsTo(backend, 'listConnectedAccounts')).to.have.length(1);
      backend.store.markConnected('github');
      window.dispatchEvent(new MessageEvent('message', { data: completion('github'), origin: 'https://auth.example.com' }));
      await until(() => queryButton('Disconnect GitHub'));
      await until(() => statusOf(el) === 'GitHub is connected. You can now sign in with it.');
    });

    it('returns to idle without an error when the user closes the popup', async () => {
      const { el, backend } = await mountConnected({ mode: 'popup' });
      let events = 0;
      el.addEventListener('dn-account-connected', () => (events += 1));
      await pressOn(button('Connect GitHub'));
      const popup = open.opened[0]!;
      await popupOnProviderPage(popup, 'github');
      popup.close();
      await until(() => rowOf(el, 'github').querySelector('[part="connect"]')!.getAttribute('aria-busy') === 'false', 'Connect to be idle again');
      expect(button('Connect GitHub').getAttribute('aria-disabled')).to.equal('false');
      expect(actionError(el)).to.equal('');
      expect(statusOf(el)).to.equal('');
      expect(events).to.equal(0);
      expect(backend.store.listConnectedAccounts().items.find((a) => a.provider === 'github')!.connected).to.equal(false);
    });

    it('says so when the browser blocks the popup, and sends nothing', async () => {
      open.restore();
      const real = window.open;
      window.open = (() => null) as typeof window.open;
      try {
        const { el, backend } = await mountConnected({ mode: 'popup' });
        await pressOn(button('Connect GitHub'));
        await until(() => actionError(el).includes('The browser blocked the window for GitHub.'));
        expect(el.shadowRoot!.querySelector('[part="action-error"]')!.getAttribute('role')).to.equal('alert');
        expect(requestsTo(backend, 'connectAccount')).to.have.length(0);
        expect(button('Connect GitHub').getAttribute('aria-busy')).to.equal('false');
      } finally {
        window.open = real;
      }
    });

    it('closes the popup when asking for the URL fails', async () => {
      const { el } = await mountConnected({
        mode: 'popup',
        setup: (b) => b.use(http.post('/api/account/connected-accounts/:provider/connect', () => HttpResponse.json({ title: 'x', status: 500 }, { status: 500 }))),
      });
      await pressOn(button('Connect GitHub'));
      await until(() => /went wrong on our side/.test(actionError(el)));
      await until(() => open.opened[0]!.closed, 'the popup to close');
    });
  });

  describe('when the user disconnects', () => {
    it('sends nothing on Cancel and returns focus to the button', async () => {
      const { el, backend } = await mountConnected();
      button('Disconnect Google').focus();
      await openDisconnect(el, 'Google');
      expect(visibleText(nativeDialogOf(el))).to.contain('Disconnect Google?');
      expect(visibleText(nativeDialogOf(el))).to.contain('You can still sign in with your email and password.');
      expect(deepActive() === dialogButton(el, 'Cancel')).to.equal(true);
      dialogButton(el, 'Cancel').click();
      await until(() => !dialogOpen(el));
      expect(deepActive() === button('Disconnect Google')).to.equal(true);
      expect(requestsTo(backend, 'disconnectAccount')).to.have.length(0);
    });

    it('sends DELETE on confirm, updates, announces, emits and moves focus to Connect', async () => {
      const { el, backend } = await mountConnected();
      const email = backend.store.listConnectedAccounts().items[0]!.email;
      const disconnected = oneEvent(el, 'dn-account-disconnected');
      await openDisconnect(el, 'Google');
      dialogButton(el, 'Disconnect').click();
      const event = await disconnected;
      expect(event.detail.account).to.include({ provider: 'google', email });
      const requests = requestsTo(backend, 'disconnectAccount');
      expect(requests).to.have.length(1);
      expect(requests[0]!.method).to.equal('DELETE');
      expect(requests[0]!.url).to.match(/\/connected-accounts\/google$/);
      await until(() => queryButton('Connect Google'));
      expect(visibleText(rowOf(el, 'google'))).to.contain('Not connected');
      await until(() => statusOf(el) === 'Google was disconnected.');
      await until(() => deepActive() === button('Connect Google'), 'focus on Connect Google');
      expect(visibleText(el)).to.contain(PASSWORD_NOTE);
    });

    it('sends one request however often the user clicks', async () => {
      const { el, backend } = await mountConnected({ latencyMs: 200 });
      await openDisconnect(el, 'Google');
      dialogButton(el, 'Disconnect').click();
      await until(() => queryButton('Disconnecting Google…')?.getAttribute('aria-busy') === 'true');
      expect(button('Connect GitHub').getAttribute('aria-disabled')).to.equal('true');
      button('Disconnecting Google…').click();
      button('Connect GitHub').click();
      await until(() => queryButton('Connect Google'));
      expect(dialogOpen(el)).to.equal(false);
      expect(requestsTo(backend, 'disconnectAccount')).to.have.length(1);
      expect(requestsTo(backend, 'connectAccount')).to.have.length(0);
    });

    it('opens "Confirm it\'s you" when the server asks, then disconnects', async () => {
      const { el, backend } = await mountConnected({ reauth: 'always' });
      await openDisconnect(el, 'Google');
      dialogButton(el, 'Disconnect').click();
      await until(() => screen.queryByLabelText('Password'), 'the re-authentication dialog');
      await typeInto(screen.getByLabelText('Password'), MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      await until(() => queryButton('Connect Google'), 'Google to be disconnected after re-authentication');
      expect(requestsTo(backend, 'reauthenticate')).to.have.length(1);
      expect(requestsTo(backend, 'disconnectAccount').map((r) => r.status)).to.deep.equal([403, 200]);
      await until(() => statusOf(el) === 'Google was disconnected.');
    });

    it('with a password, disconnects the only connected provider', async () => {
      const { el, backend } = await mountConnected({
        setup: (b) => {
          b.store.markConnected('github');
          b.store.disconnectAccount('google');
        },
      });
      expect(queryButton('Disconnect Google')).to.equal(null);
      await openDisconnect(el, 'GitHub');
      expect(visibleText(nativeDialogOf(el))).to.contain('You can still sign in with your email and password.');
      dialogButton(el, 'Disconnect').click();
      await until(() => queryButton('Connect GitHub'), 'GitHub to be disconnected');
      expect(requestsTo(backend, 'disconnectAccount').map((r) => [r.method, r.status])).to.deep.equal([['DELETE', 200]]);
      expect(visibleText(rowOf(el, 'github'))).to.contain('Not connected');
      expect(screen.queryByShadowRole('alert')).to.equal(null);
      await until(() => statusOf(el) === 'GitHub was disconnected.');
    });

    it('shows a provider disconnected elsewhere in the meantime as not connected (404), without an error', async () => {
      const { el, backend } = await mountConnected();
      let events = 0;
      el.addEventListener('dn-account-disconnected', () => (events += 1));
      // Another tab disconnected it after this list was loaded.
      backend.store.disconnectAccount('google');
      await openDisconnect(el, 'Google');
      dialogButton(el, 'Disconnect').click();
      await until(() => queryButton('Connect Google'), 'Google to show as not connected');
      expect(requestsTo(backend, 'disconnectAccount').map((r) => r.status)).to.deep.equal([404]);
      expect(visibleText(rowOf(el, 'google'))).to.contain('Not connected');
      expect(rowOf(el, 'google').querySelector('[part="email"]')).to.equal(null);
      await until(() => statusOf(el) === 'Google was already disconnected.');
      await until(() => deepActive() === button('Connect Google'), 'focus on Connect Google');
      expect(actionError(el)).to.equal('');
      expect(events).to.equal(0);
    });

    it('keeps other conflicts (409) on the generic message', async () => {
      const { el } = await mountConnected({
        setup: (b) =>
          b.use(
            http.delete('/api/account/connected-accounts/:provider', () =>
              HttpResponse.json(
                { type: 'urn:dialnexa:problem:conflict', title: 'Conflict', status: 409 },
                { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
              ),
            ),
          ),
      });
      await openDisconnect(el, 'Google');
      dialogButton(el, 'Disconnect').click();
      await until(() => actionError(el).includes('Someone else changed this in the meantime.'), 'the generic conflict message');
      expect(el.shadowRoot!.querySelector('[part="last-method"]')).to.equal(null);
      expect(button('Disconnect Google')).to.exist;
    });
    it('works with the keyboard alone', async () => {
      const visited: string[] = [];
      const { el, backend } = await mountConnected({ navigate: (url) => visited.push(url) });
      el.shadowRoot!.querySelector<HTMLElement>('.title')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(deepActive() === button('Disconnect Google')).to.equal(true);
      await sendKeys({ press: 'Enter' });
      await until(() => dialogOpen(el));
      expect(deepActive() === dialogButton(el, 'Cancel')).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(deepActive() === dialogButton(el, 'Disconnect')).to.equal(true);
      await sendKeys({ press: 'Enter' });
      await until(() => requestsTo(backend, 'disconnectAccount').length === 1);
      await until(() => deepActive() === queryButton('Connect Google'));
      await sendKeys({ press: 'Tab' });
      expect(deepActive() === button('Connect Microsoft')).to.equal(true);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: 'Enter' });
      await until(() => visited.length === 1);
      expect(new URL(visited[0]!).pathname).to.equal('/api/account/__mock/oauth/google');
    });
  });

  describe('when the provider is the last way to sign in (no password, no other provider, no passkey)', () => {
    const LAST_GITHUB =
      'GitHub is the only way left to sign in to your account, so it stays connected. Set a password, add a passkey or connect another account first.';
    const lastOnly = (options: ConnectedOptions = {}) =>
      mountConnected({
        passwordless: true,
        passkeys: 0,
        setup: (b) => {
          b.store.markConnected('github', 'amira@github.example');
          b.store.disconnectAccount('google');
        },
        ...options,
      });

    it('refuses with the reason by its row: it stays connected, the alert is announced and describes the focused Disconnect', async () => {
      const { el, backend } = await lastOnly();
      let events = 0;
      el.addEventListener('dn-account-disconnected', () => (events += 1));
      // No password: the note that it always remains is not shown, nor promised in the confirmation.
      expect(visibleText(el)).not.to.contain(PASSWORD_NOTE);
      button('Disconnect GitHub').focus();
      await openDisconnect(el, 'GitHub');
      expect(visibleText(nativeDialogOf(el))).to.contain('You will no longer be able to sign in with GitHub.');
      expect(visibleText(nativeDialogOf(el))).not.to.contain('email and password');
      dialogButton(el, 'Disconnect').click();

      const row = rowOf(el, 'github');
      await until(() => within(row).queryByShadowRole('alert'), 'the reason in the GitHub row');
      const alert = within(row).getByShadowRole('alert');
      expect(alert.textContent!.replace(/\s+/g, ' ').trim()).to.equal(LAST_GITHUB);
      expect(alert.getAttribute('part')).to.equal('last-method');

      // One DELETE reached the server, refused; nothing else was sent.
      const requests = requestsTo(backend, 'disconnectAccount');
      expect(requests.map((r) => [r.method, r.status])).to.deep.equal([['DELETE', 409]]);
      expect(requests[0]!.url).to.match(/\/connected-accounts\/github$/);
      expect(backend.requests.filter((r) => r.method !== 'GET')).to.have.length(1);

      // Still connected, with its email; no generic conflict, no success.
      expect(button('Disconnect GitHub').getAttribute('aria-busy')).to.equal('false');
      expect(queryButton('Connect GitHub')).to.equal(null);
      expect(row.querySelector('[part="email"]')!.textContent).to.equal('amira@github.example');
      expect(visibleText(el)).not.to.contain('Someone else changed this');
      expect(actionError(el)).to.equal('');
      expect(statusOf(el)).to.equal('');
      expect(events).to.equal(0);
      expect(backend.store.listConnectedAccounts().items.find((a) => a.provider === 'github')!.connected).to.equal(true);

      // Focus is on GitHub's Disconnect, which the reason describes; only that row shows it.
      await until(() => deepActive() === button('Disconnect GitHub'), 'focus on Disconnect GitHub');
      expect(screen.getByShadowRole('button', { name: 'Disconnect GitHub', description: LAST_GITHUB })).to.exist;
      expect(screen.getAllByShadowRole('alert')).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('lets it go once another way to sign in exists, and the reason leaves', async () => {
      const { el, backend } = await lastOnly();
      await openDisconnect(el, 'GitHub');
      dialogButton(el, 'Disconnect').click();
      await until(() => el.shadowRoot!.querySelector('[part="last-method"]'), 'the refusal');
      // Connected elsewhere (another tab): Microsoft is now a way to sign in.
      backend.store.markConnected('microsoft');
      await openDisconnect(el, 'GitHub');
      dialogButton(el, 'Disconnect').click();
      await until(() => queryButton('Connect GitHub'), 'GitHub to be disconnected');
      expect(requestsTo(backend, 'disconnectAccount').map((r) => r.status)).to.deep.equal([409, 200]);
      expect(el.shadowRoot!.querySelector('[part="last-method"]')).to.equal(null);
      await until(() => statusOf(el) === 'GitHub was disconnected.');
      expect(button('Disconnect Microsoft')).to.exist;
    });

    it('says it in German, Spanish and Arabic, with the provider name as plain text', async () => {
      const expected: Record<string, string> = {
        de: 'GitHub ist die einzige verbliebene Möglichkeit, sich bei Ihrem Konto anzumelden',
        es: 'GitHub es la única forma que te queda para iniciar sesión en tu cuenta',
        ar: 'GitHub هو الطريقة الوحيدة المتبقية لتسجيل الدخول إلى حسابك',
      };
      for (const [locale, start] of Object.entries(expected)) {
        const { el } = await lastOnly({ locale });
        await until(() => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="disconnect"][data-provider="github"]'));
        const disconnect = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="disconnect"][data-provider="github"]')!;
        disconnect.click();
        await until(() => dialogOpen(el));
        confirmDialogOf(el).shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm-button"]')!.click();
        await until(() => el.shadowRoot!.querySelector('[part="last-method"]'), `${locale}: the refusal`);
        const text = el.shadowRoot!.querySelector('[part="last-method"]')!.textContent!.replace(/\s+/g, ' ').trim();
        expect(text.startsWith(start), `${locale}: ${text}`).to.equal(true);
        expect(text).not.to.contain('{{');
      }
    });

    it('renders a hostile provider name as text', async () => {
      const hostile = '<img src=x onerror="alert(1)">Evil';
      const { el } = await lastOnly({
        setup: (b) => {
          b.store.markConnected('github');
          b.store.disconnectAccount('google');
          b.use(
            http.get('/api/account/connected-accounts', () => {
              const list = b.store.listConnectedAccounts();
              return HttpResponse.json({ ...list, items: list.items.map((a) => (a.provider === 'github' ? { ...a, name: hostile } : a)) });
            }),
          );
        },
      });
      await openDisconnect(el, hostile);
      dialogButton(el, 'Disconnect').click();
      await until(() => el.shadowRoot!.querySelector('[part="last-method"]'));
      expect(el.shadowRoot!.querySelector('[part="last-method"]')!.textContent).to.contain(`${hostile} is the only way left`);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });
  });
});
