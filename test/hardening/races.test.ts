/**
 * Races, over every element and action (table-driven):
 * - double-clicking an action (two `click()` in one task, then a `dblclick`) sends exactly one request;
 * - an element removed while its request is in flight aborts the request (its fetch's
 *   AbortSignal is aborted) and raises nothing (no unhandled rejection, no console.error);
 * - slow answers arriving out of order never overwrite newer data.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { http, HttpResponse, delay } from 'msw';
import { screen, within } from 'shadow-dom-testing-library';
import { MOCK_PASSWORD, totp } from '../../mock/index.js';
import type { MockBackend } from '../helpers/fixture.js';
import { RestAccountApi } from '../../src/api/rest-client.js';
import type { EndpointName } from '../../src/api/endpoints.js';
import type { DnAccountProvider } from '../../src/components/account-provider/account-provider.js';
import '../../src/components/account-provider/account-provider.js';
import '../../src/components/2fa-setup/2fa-setup.js';
import '../../src/components/billing-summary/billing-summary.js';
import '../../src/components/connected-accounts/connected-accounts.js';
import '../../src/components/delete-account/delete-account.js';
import '../../src/components/email-change/email-change.js';
import '../../src/components/login-activity/login-activity.js';
import '../../src/components/notification-matrix/notification-matrix.js';
import '../../src/components/password-change/password-change.js';
import '../../src/components/password-reset/password-reset.js';
import '../../src/components/preferences/preferences.js';
import '../../src/components/privacy-settings/privacy-settings.js';
import '../../src/components/profile-form/profile-form.js';
import '../../src/components/session-list/session-list.js';
import '../../src/components/trusted-devices/trusted-devices.js';
import { mockBackend, nextFrame, requestsTo, settled, statusOf, typeInto, until, visibleText, type MountOptions } from '../helpers/fixture.js';
import { dialogButton, dialogOpen } from '../helpers/dialogs.js';
import { endpointFor, watchErrors, type Method } from '../helpers/fault-matrix.js';
import { PNG_1X1 } from '../mock/helpers.js';

interface Sent {
  method: string;
  path: string;
  signal: AbortSignal | undefined;
  settled: boolean;
}

interface Ctx {
  el: HTMLElement;
  provider: DnAccountProvider;
  backend: MockBackend;
  api: RestAccountApi;
  /** Every fetch the client started, in order. */
  sent: Sent[];
}

/** The fixture's mount, with a client whose fetch records each request and its AbortSignal. */
async function mountRecorded(template: TemplateResult, options: MountOptions = {}): Promise<Ctx> {
  const { timeoutMs = 3000, setup, settle = true, ...mock } = options;
  const backend = await mockBackend(mock);
  await setup?.(backend);
  const sent: Sent[] = [];
  const recording: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const entry: Sent = { method: (init?.method ?? 'GET').toUpperCase(), path: url.pathname, signal: init?.signal ?? undefined, settled: false };
    sent.push(entry);
    const result = globalThis.fetch(input, init);
    const done = () => {
      entry.settled = true;
    };
    result.then(done, done);
    return result;
  };
  const api = new RestAccountApi({ baseUrl: '/api/account', timeoutMs, retry: { attempts: 0 }, fetch: recording });
  const provider = await fixture<DnAccountProvider>(
    html`<dn-account-provider .api=${api} locale="en" theme="light" time-zone="Europe/Berlin">${template}</dn-account-provider>`,
  );
  const el = provider.firstElementChild as HTMLElement;
  if (settle) await settled(el);
  return { el, provider, backend, api, sent };
}

/** The fetches since the `from`th that matched `[method, path]` (path patterns with `:param`). */
function sentTo(ctx: Ctx, [method, path]: [Method, string], from = 0): Sent[] {
  const pattern = new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[a-zA-Z]+/g, '[^/]+')}$`);
  return ctx.sent.slice(from).filter((entry) => entry.method === method.toUpperCase() && pattern.test(entry.path));
}

const button = (name: string | RegExp) => screen.getByShadowRole('button', { name }) as HTMLButtonElement;
const shadowButton = (el: HTMLElement, name: string | RegExp) => within(el).getByShadowRole('button', { name }) as HTMLButtonElement;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The submit button of the form `input` is in. */
const submitOf = (input: HTMLElement) => input.closest('form')!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
/** Two clicks in the same task, then the `dblclick` a real double-click ends with. */
function doubleClick(target: HTMLElement): void {
  target.click();
  target.click();
  target.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true, cancelable: true, detail: 2 }));
}
async function confirmIn(el: HTMLElement, opener: HTMLElement): Promise<void> {
  opener.click();
  await until(() => dialogOpen(el), 'the confirmation dialog to open');
}

const EMAIL = 'amira@northwind-calls.example';
const NEW_EMAIL = 'amira.haddad@northwind-calls.example';
const NEW_PASSWORD = 'Sunny-days-42';
const PHONE = 'Safari 17.5 on iOS 17.5';
const keyShown = (el: HTMLElement) => el.shadowRoot!.querySelector('[part="key"]')?.textContent?.trim() ?? '';
const codeInput = () => document.querySelector<HTMLInputElement>('dn-2fa-setup input[autocomplete="one-time-code"]')!;
const totpPassword = () => document.querySelector<HTMLInputElement>('dn-2fa-setup input[autocomplete="current-password"]')!;
const sessionNames = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[part="session-name"]')].map((n) => n.textContent!.trim());
const deviceNames = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[part="device-name"]')].map((n) => n.textContent!.trim());
const loadMore = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="load-more"]')!;

interface RaceRow {
  tag: string;
  action: string;
  request: [Method, string];
  mount: (options?: MountOptions) => Promise<Ctx>;
  /** Everything before the last press (typing, opening the confirmation). */
  prepare?: (ctx: Ctx) => Promise<void>;
  /** What the user presses to send the request. */
  target: (ctx: Ctx) => HTMLElement;
  /** The action's success, as the user sees it. */
  done: (ctx: Ctx) => unknown;
}

const at = (template: TemplateResult, defaults: MountOptions = {}) => (options: MountOptions = {}) =>
  mountRecorded(template, { ...defaults, ...options, setup: async (b) => {
    await defaults.setup?.(b);
    await options.setup?.(b);
  } });

const RACE_TABLE: RaceRow[] = [
  {
    tag: 'dn-profile-form',
    action: 'save',
    request: ['patch', '/api/account/profile'],
    mount: at(html`<dn-profile-form></dn-profile-form>`),
    prepare: async ({ el }) => typeInto(within(el).getByShadowLabelText('Display name'), 'Amira Edited'),
    target: ({ el }) => shadowButton(el, 'Save changes'),
    done: ({ el }) => statusOf(el) === 'Profile saved.',
  },
  {
    tag: 'dn-profile-form',
    action: 'remove photo',
    request: ['delete', '/api/account/profile/avatar'],
    mount: at(html`<dn-profile-form></dn-profile-form>`, { setup: (b) => void b.store.uploadAvatar(PNG_1X1) }),
    target: ({ el }) => shadowButton(el, 'Remove photo'),
    done: ({ el }) => statusOf(el) === 'Photo removed.',
  },
  {
    tag: 'dn-2fa-setup',
    action: 'start setup',
    request: ['post', '/api/account/two-factor/setup'],
    mount: at(html`<dn-2fa-setup></dn-2fa-setup>`, { reauth: 'never' }),
    target: ({ el }) => shadowButton(el, 'Turn on two-factor authentication'),
    done: ({ el }) => keyShown(el) !== '',
  },
  {
    tag: 'dn-2fa-setup',
    action: 'verify the code',
    request: ['post', '/api/account/two-factor/setup/verify'],
    mount: at(html`<dn-2fa-setup></dn-2fa-setup>`, { reauth: 'never' }),
    prepare: async ({ el }) => {
      shadowButton(el, 'Turn on two-factor authentication').click();
      await until(() => keyShown(el) && codeInput(), 'the setup step');
      await typeInto(codeInput(), await totp(keyShown(el).replace(/\s/g, '')));
    },
    target: () => submitOf(codeInput()),
    done: ({ el }) => el.shadowRoot!.querySelectorAll('[part="codes"] li').length === 10,
  },
  {
    tag: 'dn-2fa-setup',
    action: 'turn off',
    request: ['post', '/api/account/two-factor/disable'],
    mount: at(html`<dn-2fa-setup></dn-2fa-setup>`, { reauth: 'never', twoFactorEnabled: true }),
    prepare: async ({ el }) => {
      shadowButton(el, 'Turn off').click();
      await until(() => totpPassword(), 'the password field');
      await typeInto(totpPassword(), MOCK_PASSWORD);
    },
    target: () => submitOf(totpPassword()),
    done: ({ el }) => statusOf(el) === 'Two-factor authentication is off.',
  },
  {
    tag: 'dn-2fa-setup',
    action: 'generate new backup codes',
    request: ['post', '/api/account/two-factor/backup-codes'],
    mount: at(html`<dn-2fa-setup></dn-2fa-setup>`, { reauth: 'never', twoFactorEnabled: true }),
    prepare: async ({ el }) => {
      shadowButton(el, 'Generate new backup codes').click();
      await until(() => totpPassword(), 'the password field');
      await typeInto(totpPassword(), MOCK_PASSWORD);
    },
    target: () => submitOf(totpPassword()),
    done: ({ el }) => el.shadowRoot!.querySelectorAll('[part="codes"] li').length === 10,
  },
  {
    tag: 'dn-connected-accounts',
    action: 'connect',
    request: ['post', '/api/account/connected-accounts/:provider/connect'],
    mount: at(html`<dn-connected-accounts mode="redirect" .navigate=${() => {}}></dn-connected-accounts>`, { reauth: 'never' }),
    target: () => button('Connect GitHub'),
    done: ({ backend }) => requestsTo(backend, 'connectAccount').length > 0,
  },
  {
    tag: 'dn-connected-accounts',
    action: 'disconnect',
    request: ['delete', '/api/account/connected-accounts/:provider'],
    mount: at(html`<dn-connected-accounts mode="redirect"></dn-connected-accounts>`, { reauth: 'never' }),
    prepare: ({ el }) => confirmIn(el, button('Disconnect Google')),
    target: ({ el }) => dialogButton(el, 'Disconnect'),
    done: ({ el }) => statusOf(el) === 'Google was disconnected.',
  },
  {
    tag: 'dn-delete-account',
    action: 'delete',
    request: ['post', '/api/account/deletion'],
    mount: at(html`<dn-delete-account></dn-delete-account>`, { reauth: 'never', ownsWorkspaceWithMembers: false }),
    prepare: async ({ el }) => {
      await typeInto(screen.getByLabelText('Your account email'), EMAIL);
      await typeInto(screen.getByLabelText('Your password'), MOCK_PASSWORD);
      await confirmIn(el, screen.getByRole('button', { name: 'Delete account' }));
    },
    target: ({ el }) => dialogButton(el, 'Delete account'),
    done: ({ el }) => statusOf(el) === 'Your account was deleted',
  },
  {
    tag: 'dn-email-change',
    action: 'request the change',
    request: ['post', '/api/account/email-change'],
    mount: at(html`<dn-email-change current-email=${EMAIL}></dn-email-change>`, { reauth: 'never' }),
    prepare: async () => typeInto(screen.getByLabelText('New email address'), NEW_EMAIL),
    target: () => screen.getByRole('button', { name: 'Send verification link' }),
    done: ({ el }) => statusOf(el) === `Verification link sent to ${NEW_EMAIL}.`,
  },
  {
    tag: 'dn-email-change',
    action: 'resend the link',
    request: ['post', '/api/account/email-change/resend'],
    mount: at(html`<dn-email-change current-email=${EMAIL}></dn-email-change>`, {
      reauth: 'never',
      setup: (b) => void b.store.requestEmailChange({ newEmail: NEW_EMAIL }),
    }),
    target: () => button('Resend link'),
    done: ({ el }) => statusOf(el) === `We sent a new link to ${NEW_EMAIL}.`,
  },
  {
    tag: 'dn-email-change',
    action: 'cancel the change',
    request: ['delete', '/api/account/email-change'],
    mount: at(html`<dn-email-change current-email=${EMAIL}></dn-email-change>`, {
      reauth: 'never',
      setup: (b) => void b.store.requestEmailChange({ newEmail: NEW_EMAIL }),
    }),
    target: () => button('Cancel change'),
    done: ({ el }) => statusOf(el) === 'Email change cancelled. Your login email stays the same.',
  },
  {
    tag: 'dn-login-activity',
    action: 'load more',
    request: ['get', '/api/account/login-activity'],
    mount: at(html`<dn-login-activity></dn-login-activity>`),
    target: ({ el }) => loadMore(el),
    done: ({ el }) => statusOf(el) === '50 more sign-in attempts loaded.',
  },
  {
    tag: 'dn-password-change',
    action: 'change',
    request: ['post', '/api/account/password'],
    mount: at(html`<dn-password-change username=${EMAIL}></dn-password-change>`, { reauth: 'never' }),
    prepare: async () => {
      await typeInto(screen.getByLabelText('Current password'), MOCK_PASSWORD);
      await typeInto(screen.getByLabelText('New password'), NEW_PASSWORD);
      await typeInto(screen.getByLabelText('Confirm new password'), NEW_PASSWORD);
    },
    target: () => screen.getByRole('button', { name: 'Change password' }),
    done: ({ el }) => statusOf(el) === 'Your password was changed.',
  },
  {
    tag: 'dn-password-reset',
    action: 'request a link',
    request: ['post', '/api/account/password-reset'],
    mount: at(html`<dn-password-reset></dn-password-reset>`),
    prepare: async () => typeInto(screen.getByLabelText('Email address'), 'nobody@example.com'),
    target: () => submitOf(screen.getByLabelText('Email address')),
    done: ({ el }) => statusOf(el) === 'Request received. Check your inbox.',
  },
  {
    tag: 'dn-password-reset',
    action: 'set the new password',
    request: ['post', '/api/account/password-reset/complete'],
    mount: async (options) => {
      const ctx = await mountRecorded(html`<dn-password-reset></dn-password-reset>`, options);
      ctx.el.setAttribute('token', ctx.backend.store.issuePasswordResetToken());
      await until(() => screen.queryByLabelText('New password'), 'the new password form');
      return ctx;
    },
    prepare: async () => {
      await typeInto(screen.getByLabelText('New password'), NEW_PASSWORD);
      await typeInto(screen.getByLabelText('Confirm new password'), NEW_PASSWORD);
    },
    target: () => submitOf(screen.getByLabelText('New password')),
    done: ({ el }) => statusOf(el) === 'Your password was reset.',
  },
  {
    tag: 'dn-preferences',
    action: 'choose a theme',
    request: ['patch', '/api/account/preferences'],
    mount: at(html`<dn-preferences></dn-preferences>`),
    target: () => screen.getByShadowRole('radio', { name: 'Dark' }),
    done: ({ el }) => statusOf(el) === 'Preferences saved.',
  },
  {
    tag: 'dn-privacy-settings',
    action: 'request an export',
    request: ['post', '/api/account/data-export'],
    mount: at(html`<dn-privacy-settings></dn-privacy-settings>`, { exportDurationMs: 60_000 }),
    target: () => screen.getByShadowRole('button', { name: 'Request data export' }),
    done: ({ el }) => el.shadowRoot!.querySelector('progress') !== null,
  },
  {
    tag: 'dn-session-list',
    action: 'sign out one session',
    request: ['delete', '/api/account/sessions/:id'],
    mount: at(html`<dn-session-list></dn-session-list>`, { reauth: 'never' }),
    prepare: ({ el }) => confirmIn(el, button(new RegExp(`^Sign out ${escapeRegExp(PHONE)}$`))),
    target: ({ el }) => dialogButton(el, 'Sign out'),
    done: ({ el }) => !sessionNames(el).includes(PHONE),
  },
  {
    tag: 'dn-session-list',
    action: 'sign out all other sessions',
    request: ['post', '/api/account/sessions/revoke-others'],
    mount: at(html`<dn-session-list></dn-session-list>`, { reauth: 'never' }),
    prepare: ({ el }) => confirmIn(el, button('Sign out all other sessions')),
    target: ({ el }) => dialogButton(el, 'Sign out all other sessions'),
    done: ({ el }) => sessionNames(el).length === 1,
  },
  {
    tag: 'dn-trusted-devices',
    action: 'revoke one',
    request: ['delete', '/api/account/trusted-devices/:id'],
    mount: at(html`<dn-trusted-devices></dn-trusted-devices>`, { reauth: 'never', trustedDevices: 3 }),
    prepare: ({ el }) => confirmIn(el, button(new RegExp(`^Revoke ${escapeRegExp(PHONE)}$`))),
    target: ({ el }) => dialogButton(el, 'Revoke'),
    done: ({ el }) => !deviceNames(el).includes(PHONE),
  },
  {
    tag: 'dn-trusted-devices',
    action: 'revoke all',
    request: ['delete', '/api/account/trusted-devices'],
    mount: at(html`<dn-trusted-devices></dn-trusted-devices>`, { reauth: 'never', trustedDevices: 3 }),
    prepare: ({ el }) => confirmIn(el, button('Revoke all')),
    target: ({ el }) => dialogButton(el, 'Revoke all'),
    done: ({ el }) => !deviceNames(el).includes(PHONE),
  },
];

/** Every element's first load: removed while it is in flight. */
const LOADS: { tag: string; request: [Method, string]; template: TemplateResult; options?: MountOptions }[] = [
  { tag: 'dn-profile-form', request: ['get', '/api/account/profile'], template: html`<dn-profile-form></dn-profile-form>` },
  { tag: 'dn-2fa-setup', request: ['get', '/api/account/two-factor'], template: html`<dn-2fa-setup></dn-2fa-setup>` },
  { tag: 'dn-billing-summary', request: ['get', '/api/account/billing'], template: html`<dn-billing-summary></dn-billing-summary>` },
  { tag: 'dn-connected-accounts', request: ['get', '/api/account/connected-accounts'], template: html`<dn-connected-accounts></dn-connected-accounts>` },
  { tag: 'dn-delete-account', request: ['get', '/api/account/deletion'], template: html`<dn-delete-account></dn-delete-account>` },
  { tag: 'dn-email-change', request: ['get', '/api/account/email-change'], template: html`<dn-email-change current-email=${EMAIL}></dn-email-change>` },
  { tag: 'dn-login-activity', request: ['get', '/api/account/login-activity'], template: html`<dn-login-activity></dn-login-activity>` },
  { tag: 'dn-notification-matrix', request: ['get', '/api/account/notifications'], template: html`<dn-notification-matrix></dn-notification-matrix>` },
  { tag: 'dn-password-change', request: ['get', '/api/account/password/policy'], template: html`<dn-password-change></dn-password-change>` },
  { tag: 'dn-password-reset', request: ['get', '/api/account/password/policy'], template: html`<dn-password-reset token="abc"></dn-password-reset>` },
  { tag: 'dn-preferences', request: ['get', '/api/account/preferences'], template: html`<dn-preferences></dn-preferences>` },
  { tag: 'dn-privacy-settings', request: ['get', '/api/account/privacy'], template: html`<dn-privacy-settings></dn-privacy-settings>` },
  { tag: 'dn-session-list', request: ['get', '/api/account/sessions'], template: html`<dn-session-list></dn-session-list>` },
  { tag: 'dn-trusted-devices', request: ['get', '/api/account/trusted-devices'], template: html`<dn-trusted-devices></dn-trusted-devices>` },
];

/** Holds every request to `[method, path]` until the test ends (the fetch stays in flight). */
const hold = ([method, path]: [Method, string]) =>
  http[method](path, async () => {
    await delay('infinite');
    return HttpResponse.json({});
  });

/** Runs `body` and fails on any unhandled rejection or console.error it caused. */
async function quietly(body: () => Promise<void>): Promise<void> {
  const errors = watchErrors();
  let finished = false;
  try {
    await body();
    finished = true;
  } finally {
    const seen = await errors.stop();
    if (finished) expect(seen, 'unhandled rejections and console errors').to.deep.equal([]);
  }
}

describe('races, everywhere', () => {
  describe('double-clicking an action sends one request', () => {
    for (const row of RACE_TABLE) {
      it(`<${row.tag}> ${row.action}`, async () => {
        await quietly(async () => {
          const ctx = await row.mount();
          const name: EndpointName = endpointFor(row.request);
          await row.prepare?.(ctx);
          const from = ctx.sent.length;
          const answered = requestsTo(ctx.backend, name).length;
          doubleClick(row.target(ctx));
          await until(() => row.done(ctx), `${row.action} to succeed`);
          // Anything a second click sent is in flight or answered by now.
          await until(() => ctx.sent.every((entry) => entry.settled), 'every request to settle');
          await nextFrame();
          expect(sentTo(ctx, row.request, from), 'requests sent').to.have.length(1);
          expect(requestsTo(ctx.backend, name).length - answered, 'requests that reached the server').to.equal(1);
        });
      });
    }
  });

  describe('an element removed mid-request aborts it, quietly', () => {
    for (const row of RACE_TABLE) {
      it(`<${row.tag}> ${row.action}`, async () => {
        await quietly(async () => {
          const ctx = await row.mount();
          await row.prepare?.(ctx);
          ctx.backend.use(hold(row.request));
          const from = ctx.sent.length;
          row.target(ctx).click();
          await until(() => sentTo(ctx, row.request, from).length === 1, 'the request to go out');
          const [request] = sentTo(ctx, row.request, from);
          expect(request!.signal, 'the request has an AbortSignal').to.be.instanceOf(AbortSignal);
          expect(request!.signal!.aborted).to.equal(false);
          ctx.el.remove();
          await until(() => request!.signal!.aborted, 'the request to be aborted');
          await until(() => request!.settled, 'the fetch to settle');
        });
      });
    }
    for (const load of LOADS) {
      it(`<${load.tag}> first load`, async () => {
        await quietly(async () => {
          const ctx = await mountRecorded(load.template, {
            reauth: 'never',
            settle: false,
            ...load.options,
            setup: (b) => b.use(hold(load.request)),
          });
          await until(() => sentTo(ctx, load.request).length >= 1, 'the load to go out');
          const requests = sentTo(ctx, load.request);
          ctx.el.remove();
          await until(() => requests.every((r) => r.signal?.aborted), 'the load to be aborted');
          await until(() => requests.every((r) => r.settled), 'the fetch to settle');
          expect(ctx.el.shadowRoot!.querySelector('[role="alert"]'), 'no error shown').to.equal(null);
        });
      });
    }
  });

  describe('slow answers arriving out of order never overwrite newer data', () => {
    /** A handler that holds the first matching request until `release()`; later ones go to the mock. */
    function holdFirst(method: Method, path: string, matches: (request: Request) => boolean = () => true) {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let held = 0;
      const handler = http[method](path, async ({ request }) => {
        if (held > 0 || !matches(request)) return undefined;
        held += 1;
        await gate;
        return undefined;
      });
      return { handler, release: () => release(), held: () => held };
    }

    it('<dn-login-activity>: "Failed only" on, then off; the slow failed-only page does not replace the full list', async () => {
      await quietly(async () => {
        const ctx = await mountRecorded(html`<dn-login-activity></dn-login-activity>`);
        const slow = holdFirst('get', '/api/account/login-activity', (request) => new URL(request.url).searchParams.get('status') === 'failed');
        ctx.backend.use(slow.handler);
        const filter = screen.getByShadowRole('checkbox', { name: 'Failed only' }) as HTMLInputElement;
        filter.click();
        await until(() => slow.held() === 1, 'the failed-only page to be asked for');
        filter.click();
        await until(() => statusOf(ctx.el) === 'Showing all sign-in attempts.', 'the full list back');
        const before = visibleText(ctx.el);
        slow.release();
        await until(() => sentTo(ctx, ['get', '/api/account/login-activity']).every((e) => e.settled), 'the slow page to land');
        await nextFrame();
        expect(filter.checked).to.equal(false);
        expect(visibleText(ctx.el)).to.equal(before);
      });
    });

    it('<dn-preferences>: Dark (slow) then Light; Light stays, on screen and on the server', async () => {
      await quietly(async () => {
        const ctx = await mountRecorded(html`<dn-preferences></dn-preferences>`);
        const slow = holdFirst('patch', '/api/account/preferences');
        ctx.backend.use(slow.handler);
        const radio = (name: string) => screen.getByShadowRole('radio', { name }) as HTMLInputElement;
        radio('Dark').click();
        await until(() => slow.held() === 1, 'the first save to be in flight');
        radio('Light').click();
        slow.release();
        await until(() => sentTo(ctx, ['patch', '/api/account/preferences']).length >= 2, 'the second save to go out');
        await until(() => ctx.sent.every((e) => e.settled), 'every save to land');
        await until(() => statusOf(ctx.el) === 'Preferences saved.');
        expect(radio('Light').checked).to.equal(true);
        expect(ctx.provider.theme).to.equal('light');
        expect(ctx.backend.store.getPreferences().theme).to.equal('light');
      });
    });

    it('<dn-notification-matrix>: a cell switched off (slow) then on again ends on, on screen and on the server', async () => {
      await quietly(async () => {
        const ctx = await mountRecorded(html`<dn-notification-matrix></dn-notification-matrix>`);
        const slow = holdFirst('patch', '/api/account/notifications');
        ctx.backend.use(slow.handler);
        const cell = () => screen.getByShadowRole('switch', { name: 'Email for Low wallet balance' }) as HTMLButtonElement;
        cell().click();
        await until(() => slow.held() === 1, 'the first save to be in flight');
        cell().click();
        slow.release();
        await until(() => ctx.sent.every((e) => e.settled) && !ctx.el.shadowRoot!.querySelector('[part="saving"]'), 'every save to land');
        await nextFrame();
        expect(cell().getAttribute('aria-checked')).to.equal('true');
        expect(ctx.backend.store.getNotificationPreferences().values['low-wallet-balance']!.email).to.equal(true);
      });
    });

    it('<dn-profile-form>: an edit typed while the first save is in flight is not overwritten by its answer', async () => {
      await quietly(async () => {
        const ctx = await mountRecorded(html`<dn-profile-form></dn-profile-form>`);
        const slow = holdFirst('patch', '/api/account/profile');
        ctx.backend.use(slow.handler);
        const name = () => within(ctx.el).getByShadowLabelText('Display name') as HTMLInputElement;
        await typeInto(name(), 'Amira First');
        shadowButton(ctx.el, 'Save changes').click();
        await until(() => slow.held() === 1, 'the first save to be in flight');
        await typeInto(name(), 'Amira Second');
        slow.release();
        await until(() => ctx.sent.every((e) => e.settled), 'the first save to land');
        await nextFrame();
        expect(name().value, 'the newer edit stays in the field').to.equal('Amira Second');
        // Saving again sends the newer edit.
        await until(() => shadowButton(ctx.el, 'Save changes').getAttribute('aria-disabled') !== 'true');
        shadowButton(ctx.el, 'Save changes').click();
        await until(() => ctx.backend.store.getProfile().displayName === 'Amira Second', 'the newer edit saved');
        expect(name().value).to.equal('Amira Second');
      });
    });

    it('<dn-billing-summary>: two refreshes, the first answered last; the newer summary stays', async () => {
      await quietly(async () => {
        const ctx = await mountRecorded(html`<dn-billing-summary></dn-billing-summary>`);
        const plan = () => ctx.el.shadowRoot!.querySelector('[part~="plan-name"]')?.textContent?.trim();
        const first = ctx.backend.store.getBillingSummary();
        // The first refresh is answered last, with the older summary ("Old plan").
        let count = 0;
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        ctx.backend.use(
          http.get('/api/account/billing', async () => {
            count += 1;
            if (count === 1) {
              await gate;
              return HttpResponse.json({ ...first, plan: { ...first.plan, name: 'Old plan' } });
            }
            return HttpResponse.json({ ...first, plan: { ...first.plan, name: 'Scale' } });
          }),
        );
        const element = ctx.el as HTMLElement & { refresh(): Promise<void> };
        const older = element.refresh().catch(() => undefined);
        await until(() => count === 1, 'the first refresh to go out');
        await element.refresh();
        await until(() => plan() === 'Scale', 'the newer summary');
        release();
        await older;
        await until(() => ctx.sent.every((e) => e.settled), 'the older answer to land');
        await nextFrame();
        expect(plan()).to.equal('Scale');
      });
    });
  });

  it('covers every element that sends requests', () => {
    const tags = new Set([...RACE_TABLE.map((row) => row.tag), ...LOADS.map((load) => load.tag)]);
    expect([...tags].sort()).to.deep.equal(
      [
        'dn-2fa-setup',
        'dn-billing-summary',
        'dn-connected-accounts',
        'dn-delete-account',
        'dn-email-change',
        'dn-login-activity',
        'dn-notification-matrix',
        'dn-password-change',
        'dn-password-reset',
        'dn-preferences',
        'dn-privacy-settings',
        'dn-profile-form',
        'dn-session-list',
        'dn-trusted-devices',
      ].sort(),
    );
  });
});
