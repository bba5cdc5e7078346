/**
 * The fault table: one row per element × action that sends a request (its loads too).
 * `faults*.test.ts` run every row against every fault of `FAULTS`
 * (test/helpers/fault-matrix.ts); the rows are split over files only to keep each
 * file's run short.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { screen, within } from 'shadow-dom-testing-library';
import { MOCK_PASSWORD, MOCK_TOTP_SECRET, totp } from '../../mock/index.js';
import type { MockBackend } from '../helpers/fixture.js';
import { SETTINGS_TABS, type DnAccountSettings } from '../../src/components/account-settings/account-settings.js';
import '../../src/components/2fa-setup/2fa-setup.js';
import '../../src/components/2fa-challenge/2fa-challenge.js';
import type { Dn2faChallenge } from '../../src/components/2fa-challenge/2fa-challenge.js';
import '../../src/components/account-settings/account-settings.js';
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
import { mount, pasteInto, statusOf, typeInto, until, visibleText, type MountOptions } from '../helpers/fixture.js';
import { dialogButton, dialogOpen } from '../helpers/dialogs.js';
import type { FaultRow } from '../helpers/fault-matrix.js';
import { PNG_1X1 } from '../mock/helpers.js';

type Setup = (backend: MockBackend) => void;

/** Mounts `tag` in a provider; `options.setup` runs before the row's fault setup. */
function mounter(template: ReturnType<typeof html>, defaults: MountOptions = {}) {
  return (setup: Setup, options: MountOptions = {}) =>
    mount<HTMLElement>(template, {
      ...defaults,
      ...options,
      setup: async (backend) => {
        await defaults.setup?.(backend);
        await options.setup?.(backend);
        setup(backend);
      },
    });
}

/** Loads: the fixture's time limit (a shorter one lets quick errors time out on a busy machine). */
const LOAD: MountOptions = {};
const shadowButton = (el: HTMLElement, name: string | RegExp) => within(el).getByShadowRole('button', { name }) as HTMLButtonElement;
const button = (name: string | RegExp) => screen.getByShadowRole('button', { name }) as HTMLButtonElement;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
async function pressEnterIn(input: HTMLElement): Promise<void> {
  input.focus();
  await sendKeys({ press: 'Enter' });
}

// ---- <dn-profile-form>
const profileForm = mounter(html`<dn-profile-form></dn-profile-form>`);
const profileField = (el: HTMLElement, label: string | RegExp) => within(el).getByShadowLabelText(label) as HTMLInputElement;
async function chooseFile(el: HTMLElement, file: File): Promise<void> {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
const png = () => new File([PNG_1X1], 'me.png', { type: 'image/png' });

// ---- <dn-2fa-setup>
const twoFactor = mounter(html`<dn-2fa-setup></dn-2fa-setup>`, { reauth: 'never' });
const codeInput = () => document.querySelector<HTMLInputElement>('dn-2fa-setup input[autocomplete="one-time-code"]')!;
const totpPassword = () => document.querySelector<HTMLInputElement>('dn-2fa-setup input[autocomplete="current-password"]')!;
const keyShown = (el: HTMLElement) => el.shadowRoot!.querySelector('[part="key"]')?.textContent?.trim() ?? '';
const codesShown = (el: HTMLElement) => el.shadowRoot!.querySelectorAll('[part="codes"] li').length;
let typedCode = '';

// ---- <dn-2fa-challenge> (the sign-in step: the host's server started the challenge)
let challengeId = '';
const challenge = mounter(html`<dn-2fa-challenge></dn-2fa-challenge>`, {
  twoFactorEnabled: true,
  setup: (backend) => {
    challengeId = backend.store.createSignInChallenge();
  },
});
const challengeCode = () => document.querySelector<HTMLInputElement>('dn-2fa-challenge input[name="one-time-code"]')!;
const challengeVerify = () => document.querySelector<HTMLButtonElement>('dn-2fa-challenge button[type="submit"]')!;

// ---- <dn-connected-accounts>
let visited: string[] = [];
const connected = mounter(html`<dn-connected-accounts mode="redirect" .navigate=${(url: string) => visited.push(url)}></dn-connected-accounts>`, {
  reauth: 'never',
});
async function openDisconnect(el: HTMLElement): Promise<void> {
  button('Disconnect Google').click();
  await until(() => dialogOpen(el), 'the confirmation dialog to open');
  dialogButton(el, 'Disconnect').click();
}

// ---- <dn-delete-account>
const deletion = mounter(html`<dn-delete-account></dn-delete-account>`, { reauth: 'never', ownsWorkspaceWithMembers: false });
const EMAIL = 'amira@northwind-calls.example';
const deleteEmail = () => screen.getByLabelText('Your account email') as HTMLInputElement;
const deletePassword = () => screen.getByLabelText('Your password') as HTMLInputElement;
const deleteButton = () => screen.getByRole('button', { name: /^Delete account$|Deleting account/ }) as HTMLButtonElement;
async function confirmDelete(el: HTMLElement): Promise<void> {
  deleteButton().click();
  await until(() => dialogOpen(el), 'the confirmation dialog to open');
  dialogButton(el, 'Delete account').click();
}

// ---- <dn-email-change>
const NEW_EMAIL = 'amira.haddad@northwind-calls.example';
const emailChange = mounter(html`<dn-email-change current-email=${EMAIL}></dn-email-change>`, { reauth: 'never' });
const pendingChange = mounter(html`<dn-email-change current-email=${EMAIL}></dn-email-change>`, {
  reauth: 'never',
  setup: (b) => void b.store.requestEmailChange({ newEmail: NEW_EMAIL }),
});
const newEmailInput = () => screen.getByLabelText('New email address') as HTMLInputElement;
const sendLink = () => screen.getByRole('button', { name: /Send verification link|Sending/ }) as HTMLButtonElement;

// ---- <dn-login-activity>
const activity = mounter(html`<dn-login-activity></dn-login-activity>`);
const activityCount = (el: HTMLElement) => el.shadowRoot!.querySelector('[part="count"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const loadMore = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="load-more"]')!;

// ---- <dn-notification-matrix>
const LOW_BALANCE = 'Email for Low wallet balance';
const matrix = mounter(html`<dn-notification-matrix></dn-notification-matrix>`);
const switchNamed = (name: string) => screen.getByShadowRole('switch', { name }) as HTMLButtonElement;
const isOn = (control: HTMLElement) => control.getAttribute('aria-checked') === 'true';

// ---- <dn-password-change>
const NEW_PASSWORD = 'Sunny-days-42';
const passwordChange = mounter(html`<dn-password-change username=${EMAIL}></dn-password-change>`, { reauth: 'never' });
const currentInput = () => screen.getByLabelText('Current password') as HTMLInputElement;
const newInput = () => screen.getByLabelText('New password') as HTMLInputElement;
const confirmInput = () => screen.getByLabelText('Confirm new password') as HTMLInputElement;

// ---- <dn-password-reset>
const UNKNOWN = 'nobody@example.com';
const reset = (token: string) => mounter(html`<dn-password-reset token=${token}></dn-password-reset>`);
const resetEmail = () => screen.getByLabelText('Email address') as HTMLInputElement;

// ---- <dn-preferences>
const preferences = mounter(html`<dn-preferences></dn-preferences>`);
const radio = (name: string) => screen.getByShadowRole('radio', { name }) as HTMLInputElement;

// ---- <dn-privacy-settings>
const privacy = mounter(html`<dn-privacy-settings></dn-privacy-settings>`, { exportDurationMs: 60_000 });
const analyticsSwitch = () => screen.getByShadowRole('switch', { name: 'Share anonymous usage analytics' }) as HTMLInputElement;
const requestExport = () => screen.getByShadowRole('button', { name: /^(Request data export|Request a new export|Requesting…)$/ }) as HTMLButtonElement;
const progressOf = (el: HTMLElement) => el.shadowRoot!.querySelector('progress');

// ---- <dn-session-list>
const PHONE = 'Safari 17.5 on iOS 17.5';
const sessions = mounter(html`<dn-session-list></dn-session-list>`, { reauth: 'never' });
const sessionNames = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[part="session-name"]')].map((n) => n.textContent!.trim());
const signOutButton = (session: string) =>
  screen.getByShadowRole('button', { name: new RegExp(`^(Sign out|Signing out) ${escapeRegExp(session)}…?$`) }) as HTMLButtonElement;
const revokeOthersButton = () => screen.getByShadowRole('button', { name: /Sign out all other sessions|Signing out other sessions/ }) as HTMLButtonElement;
async function revokeSession(el: HTMLElement): Promise<void> {
  signOutButton(PHONE).click();
  await until(() => dialogOpen(el), 'the confirmation dialog to open');
  dialogButton(el, 'Sign out').click();
}
async function revokeOthers(el: HTMLElement): Promise<void> {
  revokeOthersButton().click();
  await until(() => dialogOpen(el), 'the confirmation dialog to open');
  dialogButton(el, 'Sign out all other sessions').click();
}

// ---- <dn-trusted-devices>
const devices = mounter(html`<dn-trusted-devices></dn-trusted-devices>`, { reauth: 'never', trustedDevices: 3 });
const deviceNames = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[part="device-name"]')].map((n) => n.textContent!.trim());
const revokeDeviceButton = (device: string) =>
  screen.getByShadowRole('button', { name: new RegExp(`^(Revoke|Revoking) ${escapeRegExp(device)}…?$`) }) as HTMLButtonElement;
async function revokeDevice(el: HTMLElement): Promise<void> {
  revokeDeviceButton(PHONE).click();
  await until(() => dialogOpen(el), 'the confirmation dialog to open');
  dialogButton(el, 'Revoke').click();
}
async function revokeAllDevices(el: HTMLElement): Promise<void> {
  button('Revoke all').click();
  await until(() => dialogOpen(el), 'the confirmation dialog to open');
  dialogButton(el, 'Revoke all').click();
}

// ---- <dn-billing-summary>
const billing = mounter(html`<dn-billing-summary></dn-billing-summary>`);

// ---- <dn-account-settings>
const page = mounter(html`<dn-account-settings></dn-account-settings>`, { reauth: 'never' });
const settingsSection = (el: HTMLElement, id: string) => el.querySelector<HTMLElement>(`[data-dn-section="${id}"]`);

/** Widens a row's element type to the table's. */
const row = <T extends HTMLElement>(r: FaultRow<T>) => r as unknown as FaultRow<HTMLElement>;

export const FAULT_TABLE: FaultRow<HTMLElement>[] = [
  // <dn-profile-form>
  row({ tag: 'dn-profile-form', action: 'load', request: ['get', '/api/account/profile'], mount: (setup) => profileForm(setup, LOAD) }),
  row({
    tag: 'dn-profile-form',
    action: 'save',
    request: ['patch', '/api/account/profile'],
    mount: (setup) => profileForm(setup),
    act: async ({ el }) => {
      await typeInto(profileField(el, 'Display name'), 'Amira Edited');
      pasteInto(profileField(el, /Bio/) as unknown as HTMLTextAreaElement, 'Edited bio');
      shadowButton(el, 'Save changes').click();
    },
    kept: ({ el }) => {
      expect(profileField(el, 'Display name').value).to.equal('Amira Edited');
      expect(profileField(el, /Bio/).value).to.equal('Edited bio');
    },
    control: ({ el }) => shadowButton(el, 'Save changes'),
    again: async ({ el }) => shadowButton(el, 'Save changes').click(),
    succeeded: ({ el, backend }) => statusOf(el) === 'Profile saved.' && backend.store.getProfile().displayName === 'Amira Edited',
  }),
  row({
    tag: 'dn-profile-form',
    action: 'upload photo',
    request: ['put', '/api/account/profile/avatar'],
    mount: (setup) => profileForm(setup),
    act: ({ el }) => chooseFile(el, png()),
    kept: ({ el }) => {
      expect(visibleText(el)).to.contain('The photo was not uploaded.');
      expect(el.shadowRoot!.querySelector('[part="avatar-image"]')!.textContent!.trim(), 'the old photo (initials)').to.equal('AH');
    },
    again: ({ el }) => chooseFile(el, png()),
    succeeded: ({ el }) => statusOf(el) === 'Photo updated.',
  }),
  row({
    tag: 'dn-profile-form',
    action: 'remove photo',
    request: ['delete', '/api/account/profile/avatar'],
    mount: (setup) => profileForm(setup, { setup: (b) => void b.store.uploadAvatar(PNG_1X1) }),
    act: async ({ el }) => shadowButton(el, 'Remove photo').click(),
    kept: ({ el }) => {
      expect(el.shadowRoot!.querySelector('[part="avatar-image"] img, img'), 'the photo is still shown').to.exist;
    },
    control: ({ el }) => shadowButton(el, 'Remove photo'),
    again: async ({ el }) => shadowButton(el, 'Remove photo').click(),
    succeeded: ({ el }) => statusOf(el) === 'Photo removed.',
  }),

  // <dn-2fa-setup>
  row({
    tag: 'dn-2fa-challenge',
    action: 'verify the code',
    request: ['post', '/api/account/two-factor/challenge'],
    mount: (setup) => challenge(setup),
    act: async ({ el }) => {
      (el as Dn2faChallenge).challengeId = challengeId;
      await until(() => challengeCode(), 'the code field');
      typedCode = await totp(MOCK_TOTP_SECRET);
      await typeInto(challengeCode(), typedCode);
      await sendKeys({ press: 'Enter' });
    },
    kept: () => {
      expect(challengeCode().value).to.equal(typedCode);
    },
    control: () => challengeVerify(),
    again: async () => {
      // A fresh code: the first one may have aged out of the window meanwhile.
      await typeInto(challengeCode(), await totp(MOCK_TOTP_SECRET));
      await sendKeys({ press: 'Enter' });
    },
    succeeded: ({ el }) => el.shadowRoot!.querySelector('[part="verified"]') !== null,
    waitsOutRateLimit: true,
  }),
  row({ tag: 'dn-2fa-setup', action: 'load', request: ['get', '/api/account/two-factor'], mount: (setup) => twoFactor(setup, LOAD) }),
  row({
    tag: 'dn-2fa-setup',
    action: 'start setup',
    request: ['post', '/api/account/two-factor/setup'],
    mount: (setup) => twoFactor(setup),
    act: async ({ el }) => shadowButton(el, 'Turn on two-factor authentication').click(),
    control: ({ el }) => shadowButton(el, 'Turn on two-factor authentication'),
    again: async ({ el }) => shadowButton(el, 'Turn on two-factor authentication').click(),
    succeeded: ({ el }) => keyShown(el) !== '',
  }),
  row({
    tag: 'dn-2fa-setup',
    action: 'verify the code',
    request: ['post', '/api/account/two-factor/setup/verify'],
    mount: (setup) => twoFactor(setup),
    act: async ({ el }) => {
      shadowButton(el, 'Turn on two-factor authentication').click();
      await until(() => keyShown(el) && codeInput(), 'the setup step');
      typedCode = await totp(keyShown(el).replace(/\s/g, ''));
      await typeInto(codeInput(), typedCode);
      await sendKeys({ press: 'Enter' });
    },
    kept: () => {
      expect(codeInput().value).to.equal(typedCode);
    },
    again: async ({ el }) => {
      // A fresh code: the first one may have aged out of the window meanwhile.
      await typeInto(codeInput(), await totp(keyShown(el).replace(/\s/g, '')));
      await sendKeys({ press: 'Enter' });
    },
    succeeded: ({ el }) => codesShown(el) === 10,
  }),
  row({
    tag: 'dn-2fa-setup',
    action: 'turn off',
    request: ['post', '/api/account/two-factor/disable'],
    mount: (setup) => twoFactor(setup, { twoFactorEnabled: true }),
    act: async ({ el }) => {
      shadowButton(el, 'Turn off').click();
      await until(() => totpPassword(), 'the password field');
      await typeInto(totpPassword(), MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
    },
    kept: () => {
      expect(totpPassword().value).to.equal(MOCK_PASSWORD);
    },
    again: () => pressEnterIn(totpPassword()),
    succeeded: ({ el }) => statusOf(el) === 'Two-factor authentication is off.',
  }),
  row({
    tag: 'dn-2fa-setup',
    action: 'generate new backup codes',
    request: ['post', '/api/account/two-factor/backup-codes'],
    mount: (setup) => twoFactor(setup, { twoFactorEnabled: true }),
    act: async ({ el }) => {
      shadowButton(el, 'Generate new backup codes').click();
      await until(() => totpPassword(), 'the password field');
      await typeInto(totpPassword(), MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
    },
    kept: () => {
      expect(totpPassword().value).to.equal(MOCK_PASSWORD);
    },
    again: () => pressEnterIn(totpPassword()),
    succeeded: ({ el }) => codesShown(el) === 10,
  }),

  // <dn-connected-accounts>
  row({
    tag: 'dn-connected-accounts',
    action: 'load',
    request: ['get', '/api/account/connected-accounts'],
    mount: (setup) => connected(setup, LOAD),
  }),
  row({
    tag: 'dn-connected-accounts',
    action: 'connect',
    request: ['post', '/api/account/connected-accounts/:provider/connect'],
    mount: (setup) => {
      visited = [];
      return connected(setup);
    },
    act: async () => button('Connect GitHub').click(),
    kept: () => {
      expect(visited).to.deep.equal([]);
    },
    control: () => button('Connect GitHub'),
    again: async () => button('Connect GitHub').click(),
    succeeded: () => visited.length === 1,
  }),
  row({
    tag: 'dn-connected-accounts',
    action: 'disconnect',
    request: ['delete', '/api/account/connected-accounts/:provider'],
    mount: (setup) => connected(setup),
    act: ({ el }) => openDisconnect(el),
    kept: ({ backend }) => {
      expect(backend.store.listConnectedAccounts().items.find((a) => a.provider === 'google')!.connected).to.equal(true);
    },
    control: () => button('Disconnect Google'),
    again: ({ el }) => openDisconnect(el),
    succeeded: ({ el }) => statusOf(el) === 'Google was disconnected.',
  }),

  // <dn-delete-account>
  row({ tag: 'dn-delete-account', action: 'load', request: ['get', '/api/account/deletion'], mount: (setup) => deletion(setup, LOAD) }),
  row({
    tag: 'dn-delete-account',
    action: 'delete',
    request: ['post', '/api/account/deletion'],
    mount: (setup) => deletion(setup),
    act: async ({ el }) => {
      await typeInto(deleteEmail(), EMAIL);
      await typeInto(deletePassword(), MOCK_PASSWORD);
      await confirmDelete(el);
    },
    kept: ({ el }) => {
      expect(deleteEmail().value).to.equal(EMAIL);
      expect(deletePassword().value).to.equal(MOCK_PASSWORD);
      expect(el.shadowRoot!.querySelector('[part="deleted"]')).to.equal(null);
    },
    control: () => deleteButton(),
    again: ({ el }) => confirmDelete(el),
    succeeded: ({ el }) => statusOf(el) === 'Your account was deleted',
  }),

  // <dn-email-change>
  row({ tag: 'dn-email-change', action: 'load', request: ['get', '/api/account/email-change'], mount: (setup) => emailChange(setup, LOAD) }),
  row({
    tag: 'dn-email-change',
    action: 'request the change',
    request: ['post', '/api/account/email-change'],
    mount: (setup) => emailChange(setup),
    act: async () => {
      await typeInto(newEmailInput(), NEW_EMAIL);
      await sendKeys({ press: 'Enter' });
    },
    kept: () => {
      expect(newEmailInput().value).to.equal(NEW_EMAIL);
    },
    control: () => sendLink(),
    again: () => pressEnterIn(newEmailInput()),
    succeeded: ({ el }) => statusOf(el) === `Verification link sent to ${NEW_EMAIL}.`,
  }),
  row({
    tag: 'dn-email-change',
    action: 'resend the link',
    request: ['post', '/api/account/email-change/resend'],
    mount: (setup) => pendingChange(setup),
    act: async () => button('Resend link').click(),
    kept: ({ el }) => {
      expect(visibleText(el)).to.contain(NEW_EMAIL);
    },
    control: () => button('Resend link'),
    again: async () => button('Resend link').click(),
    succeeded: ({ el }) => statusOf(el) === `We sent a new link to ${NEW_EMAIL}.`,
  }),
  row({
    tag: 'dn-email-change',
    action: 'cancel the change',
    request: ['delete', '/api/account/email-change'],
    mount: (setup) => pendingChange(setup),
    act: async () => button('Cancel change').click(),
    kept: ({ el }) => {
      expect(visibleText(el)).to.contain(NEW_EMAIL);
    },
    control: () => button('Cancel change'),
    again: async () => button('Cancel change').click(),
    succeeded: ({ el }) => statusOf(el) === 'Email change cancelled. Your login email stays the same.',
  }),

  // <dn-login-activity>
  row({ tag: 'dn-login-activity', action: 'load', request: ['get', '/api/account/login-activity'], mount: (setup) => activity(setup, LOAD) }),
  row({
    tag: 'dn-login-activity',
    action: 'load more',
    request: ['get', '/api/account/login-activity'],
    mount: (setup) => activity(setup),
    act: async ({ el }) => {
      await until(() => activityCount(el) === 'Showing 50 sign-in attempts');
      loadMore(el).click();
    },
    kept: ({ el }) => {
      expect(activityCount(el)).to.equal('Showing 50 sign-in attempts');
      expect(screen.getByShadowRole('list', { name: 'Sign-in attempts' })).to.exist;
    },
    control: ({ el }) => loadMore(el),
    again: async ({ el }) => loadMore(el).click(),
    succeeded: ({ el }) => statusOf(el) === '50 more sign-in attempts loaded.',
  }),

  // <dn-notification-matrix>
  row({ tag: 'dn-notification-matrix', action: 'load', request: ['get', '/api/account/notifications'], mount: (setup) => matrix(setup, LOAD) }),
  row({
    tag: 'dn-notification-matrix',
    action: 'toggle a cell',
    request: ['patch', '/api/account/notifications'],
    mount: (setup) => matrix(setup),
    act: async () => switchNamed(LOW_BALANCE).click(),
    kept: async ({ el, backend }) => {
      // Rolled back to what the server has, with a message in the row.
      await until(() => isOn(switchNamed(LOW_BALANCE)));
      expect(el.shadowRoot!.querySelector('[part="cell-error"]')!.textContent!.trim()).to.equal('Email was not saved, so it is still on.');
      expect(el.shadowRoot!.querySelector('[part="save-error"]')!.getAttribute('role')).to.equal('alert');
      expect(backend.store.getNotificationPreferences().values['low-wallet-balance']!.email).to.equal(true);
    },
    control: () => switchNamed(LOW_BALANCE),
    again: async () => switchNamed(LOW_BALANCE).click(),
    succeeded: ({ el }) => statusOf(el) === 'Email for Low wallet balance is off.',
  }),

  // <dn-password-change>
  row({
    tag: 'dn-password-change',
    action: 'load the policy',
    request: ['get', '/api/account/password/policy'],
    mount: (setup) => passwordChange(setup, LOAD),
  }),
  row({
    tag: 'dn-password-change',
    action: 'change',
    request: ['post', '/api/account/password'],
    mount: (setup) => passwordChange(setup),
    act: async () => {
      await typeInto(currentInput(), MOCK_PASSWORD);
      await typeInto(newInput(), NEW_PASSWORD);
      await typeInto(confirmInput(), NEW_PASSWORD);
      await sendKeys({ press: 'Enter' });
    },
    kept: () => {
      expect([currentInput().value, newInput().value, confirmInput().value]).to.deep.equal([MOCK_PASSWORD, NEW_PASSWORD, NEW_PASSWORD]);
    },
    control: () => screen.getByRole('button', { name: /^Change password$|Changing password/ }),
    again: () => pressEnterIn(confirmInput()),
    succeeded: ({ el }) => statusOf(el) === 'Your password was changed.',
  }),

  // <dn-password-reset>
  row({
    tag: 'dn-password-reset',
    action: 'load the policy',
    request: ['get', '/api/account/password/policy'],
    mount: (setup) => reset('abc')(setup, LOAD),
  }),
  row({
    tag: 'dn-password-reset',
    action: 'request a link',
    request: ['post', '/api/account/password-reset'],
    mount: (setup) => reset('')(setup),
    act: async () => {
      await typeInto(resetEmail(), UNKNOWN);
      await sendKeys({ press: 'Enter' });
    },
    kept: () => {
      expect(resetEmail().value).to.equal(UNKNOWN);
    },
    again: () => pressEnterIn(resetEmail()),
    succeeded: ({ el }) => statusOf(el) === 'Request received. Check your inbox.',
  }),
  row({
    tag: 'dn-password-reset',
    action: 'set the new password',
    request: ['post', '/api/account/password-reset/complete'],
    mount: async (setup) => {
      const mounted = await reset('')(setup);
      mounted.el.setAttribute('token', mounted.backend.store.issuePasswordResetToken());
      await until(() => screen.queryByLabelText('New password'), 'the new password form');
      return mounted;
    },
    act: async () => {
      await typeInto(newInput(), NEW_PASSWORD);
      await typeInto(confirmInput(), NEW_PASSWORD);
      await sendKeys({ press: 'Enter' });
    },
    kept: () => {
      expect([newInput().value, confirmInput().value]).to.deep.equal([NEW_PASSWORD, NEW_PASSWORD]);
    },
    again: () => pressEnterIn(confirmInput()),
    succeeded: ({ el }) => statusOf(el) === 'Your password was reset.',
  }),

  // <dn-preferences>
  row({ tag: 'dn-preferences', action: 'load', request: ['get', '/api/account/preferences'], mount: (setup) => preferences(setup, LOAD) }),
  row({
    tag: 'dn-preferences',
    action: 'choose a theme',
    request: ['patch', '/api/account/preferences'],
    mount: (setup) => preferences(setup),
    act: async () => radio('Dark').click(),
    kept: ({ el, backend }) => {
      expect(radio('System').checked, 'rolled back in the form').to.equal(true);
      expect(el.closest('dn-account-provider')!.theme, 'rolled back on the page').to.equal('system');
      expect(backend.store.getPreferences().theme).to.equal('system');
      expect(el.shadowRoot!.querySelector('[part~="save-error"]')!.getAttribute('role')).to.equal('alert');
    },
    control: () => radio('Dark'),
    again: async () => radio('Dark').click(),
    succeeded: ({ el, backend }) => statusOf(el) === 'Preferences saved.' && backend.store.getPreferences().theme === 'dark',
  }),

  // <dn-privacy-settings>
  row({ tag: 'dn-privacy-settings', action: 'load the setting', request: ['get', '/api/account/privacy'], mount: (setup) => privacy(setup, LOAD) }),
  row({
    tag: 'dn-privacy-settings',
    action: 'load the export state',
    request: ['get', '/api/account/data-export'],
    mount: (setup) => privacy(setup, LOAD),
  }),
  row({
    tag: 'dn-privacy-settings',
    action: 'switch analytics off',
    request: ['patch', '/api/account/privacy'],
    mount: (setup) => privacy(setup),
    act: async () => analyticsSwitch().click(),
    kept: ({ backend }) => {
      expect(analyticsSwitch().checked, 'rolled back').to.equal(true);
      expect(backend.store.getPrivacySettings().analyticsEnabled).to.equal(true);
    },
    control: () => analyticsSwitch(),
    again: async () => analyticsSwitch().click(),
    succeeded: ({ backend }) => !analyticsSwitch().checked && backend.store.getPrivacySettings().analyticsEnabled === false,
  }),
  row({
    tag: 'dn-privacy-settings',
    action: 'request an export',
    request: ['post', '/api/account/data-export'],
    mount: (setup) => privacy(setup),
    act: async () => requestExport().click(),
    kept: ({ el }) => {
      expect(progressOf(el)).to.equal(null);
    },
    control: () => requestExport(),
    again: async () => requestExport().click(),
    succeeded: ({ el }) => progressOf(el) !== null,
  }),

  // <dn-session-list>
  row({ tag: 'dn-session-list', action: 'load', request: ['get', '/api/account/sessions'], mount: (setup) => sessions(setup, LOAD) }),
  row({
    tag: 'dn-session-list',
    action: 'sign out one session',
    request: ['delete', '/api/account/sessions/:id'],
    mount: (setup) => sessions(setup),
    act: ({ el }) => revokeSession(el),
    kept: ({ el }) => {
      expect(sessionNames(el)).to.include(PHONE);
    },
    control: () => signOutButton(PHONE),
    again: ({ el }) => revokeSession(el),
    succeeded: ({ el }) => !sessionNames(el).includes(PHONE),
  }),
  row({
    tag: 'dn-session-list',
    action: 'sign out all other sessions',
    request: ['post', '/api/account/sessions/revoke-others'],
    mount: (setup) => sessions(setup),
    act: ({ el }) => revokeOthers(el),
    kept: ({ el }) => {
      expect(sessionNames(el)).to.have.length(6);
    },
    control: () => revokeOthersButton(),
    again: ({ el }) => revokeOthers(el),
    succeeded: ({ el }) => sessionNames(el).length === 1,
  }),

  // <dn-trusted-devices>
  row({ tag: 'dn-trusted-devices', action: 'load', request: ['get', '/api/account/trusted-devices'], mount: (setup) => devices(setup, LOAD) }),
  row({
    tag: 'dn-trusted-devices',
    action: 'revoke one',
    request: ['delete', '/api/account/trusted-devices/:id'],
    mount: (setup) => devices(setup),
    act: ({ el }) => revokeDevice(el),
    kept: ({ el }) => {
      expect(deviceNames(el)).to.include(PHONE);
    },
    control: () => revokeDeviceButton(PHONE),
    again: ({ el }) => revokeDevice(el),
    succeeded: ({ el }) => !deviceNames(el).includes(PHONE),
  }),
  row({
    tag: 'dn-trusted-devices',
    action: 'revoke all',
    request: ['delete', '/api/account/trusted-devices'],
    mount: (setup) => devices(setup),
    act: ({ el }) => revokeAllDevices(el),
    kept: ({ el }) => {
      // Nothing was revoked: every device is still listed.
      expect(deviceNames(el)).to.include(PHONE);
    },
    control: () => button('Revoke all'),
    again: ({ el }) => revokeAllDevices(el),
    succeeded: ({ el }) => !deviceNames(el).includes(PHONE),
  }),

  // <dn-billing-summary>
  row({ tag: 'dn-billing-summary', action: 'load', request: ['get', '/api/account/billing'], mount: (setup) => billing(setup, LOAD) }),

  // <dn-account-settings>: the page around a section whose load fails stays intact.
  row({
    tag: 'dn-account-settings',
    action: 'first tab load (profile)',
    request: ['get', '/api/account/profile'],
    mount: async (setup) => {
      const { el, backend, api } = await page(setup, LOAD);
      await until(() => settingsSection(el, 'profile'), 'the profile form');
      return { el: settingsSection(el, 'profile')!, backend, api };
    },
    kept: ({ el: form }) => {
      const settings = form.closest('dn-account-settings') as DnAccountSettings;
      expect([...settings.shadowRoot!.querySelectorAll('[role="tab"]')]).to.have.length(SETTINGS_TABS.length);
      expect(settings.shadowRoot!.querySelector('[role="tab"][aria-selected="true"]')!.id).to.equal('tab-profile');
      expect(settings.shadowRoot!.querySelector<HTMLElement>('#panel-profile')!.hidden).to.equal(false);
      expect(settings.shadowRoot!.querySelector('#panel-profile [part="error"]')).to.equal(null);
    },
  }),
];
