/**
 * Every text field the user types into, fed the hostile corpus (the whole markup/script
 * category on every field, the rest of the corpus spread over the fields so each entry is
 * used at least once): each value is either refused next to its field (a visible message
 * the field's aria-describedby points at, and no request) or reaches the server exactly as
 * the field holds it and is shown back as inert text. Nothing runs, no element is built
 * from it. The avatar upload gets every hostile file.
 */
import { expect, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { screen, within } from 'shadow-dom-testing-library';
import { MOCK_PASSWORD, MOCK_USER } from '../../mock/index.js';
import type { MockBackend } from '../helpers/fixture.js';
import type { EndpointName } from '../../src/api/endpoints.js';
import '../../src/define-all.js';
import '../../src/components/reauth-dialog/reauth-dialog.js';
import type { RestAccountApi } from '../../src/api/rest-client.js';
import type { DnReauthDialog } from '../../src/components/reauth-dialog/reauth-dialog.js';
import type { Dn2faChallenge } from '../../src/components/2fa-challenge/2fa-challenge.js';
import { dialogButton, dialogOpen } from '../helpers/dialogs.js';
import { errorOf, mount, visibleText, nextFrame, nextTask, pasteInto, requestsTo, until, type MountOptions } from '../helpers/fixture.js';
import { HOSTILE_FILES, HOSTILE_TEXT, installCanary, pwnedReport, type Canary, type HostileText } from '../fixtures/hostile.js';

type Field = HTMLInputElement | HTMLTextAreaElement;

interface FieldCase {
  /** `element: field`, for messages. */
  name: string;
  template: TemplateResult;
  options?: MountOptions;
  /** Brings the field on screen after mounting (e.g. opens a step or a dialog). */
  open?: (el: HTMLElement, mounted: { api: RestAccountApi; backend: MockBackend }) => Promise<void>;
  /** After the server took a value and the element moved on (form gone): a fresh element in the same provider. */
  reopen?: (el: HTMLElement, mounted: { api: RestAccountApi; backend: MockBackend }) => Promise<HTMLElement>;
  /** The field under test. */
  field: (el: HTMLElement) => Field;
  /** Fills the other fields with valid values (so a refusal can only be about this one) and `value` into this one. */
  fill: (el: HTMLElement, value: string) => void;
  submit: (el: HTMLElement) => void | Promise<void>;
  endpoint: EndpointName;
  /** Where the value sits in the request body. */
  key: string;
  /** After the server took the value: how it is shown back (as the field's value, or in the text). */
  shownBack?: (el: HTMLElement, sent: string) => void;
}

const shadowField = (label: string | RegExp) => (el: HTMLElement) => within(el).getByShadowLabelText(label) as Field;
const lightField = (label: string | RegExp) => () => screen.getByLabelText(label) as Field;
const shadowButton = (name: string | RegExp) => (el: HTMLElement) => (within(el).getByShadowRole('button', { name }) as HTMLButtonElement).click();
const lightButton = (name: string | RegExp) => () => (screen.getByRole('button', { name }) as HTMLButtonElement).click();

const GOOD_PASSWORD = 'Sunny-days-42-hostile';

const profileField = (label: string | RegExp, key: string): FieldCase => ({
  name: `dn-profile-form: ${key}`,
  template: html`<dn-profile-form></dn-profile-form>`,
  field: shadowField(label),
  fill: (el, value) => pasteInto(shadowField(label)(el), value),
  submit: shadowButton('Save changes'),
  endpoint: 'updateProfile',
  key,
  // The saved value stays in the field, as text.
  shownBack: (el, sent) => expect(shadowField(label)(el).value).to.equal(sent),
});

const passwordChange = (target: 'current' | 'new' | 'confirm'): FieldCase => {
  const input = {
    current: lightField('Current password'),
    new: lightField('New password'),
    confirm: lightField('Confirm new password'),
  };
  return {
    name: `dn-password-change: ${target} password`,
    template: html`<dn-password-change username=${MOCK_USER.email}></dn-password-change>`,
    options: { reauth: 'never' },
    field: input[target],
    fill: (_, value) => {
      pasteInto(input.current(), target === 'current' ? value : MOCK_PASSWORD);
      pasteInto(input.new(), target === 'current' ? GOOD_PASSWORD : target === 'new' ? value : GOOD_PASSWORD);
      pasteInto(input.confirm(), target === 'current' ? GOOD_PASSWORD : value);
    },
    submit: lightButton(/^Change password$|Changing password/),
    endpoint: 'changePassword',
    key: target === 'current' ? 'currentPassword' : 'newPassword',
  };
};

const FIELDS: FieldCase[] = [
  profileField('Display name', 'displayName'),
  profileField(/Company/, 'company'),
  profileField(/Phone/, 'phone'),
  profileField('Time zone', 'timezone'),
  profileField(/Bio/, 'bio'),
  {
    name: 'dn-email-change: new email',
    template: html`<dn-email-change current-email=${MOCK_USER.email}></dn-email-change>`,
    options: { reauth: 'never' },
    field: lightField('New email address'),
    fill: (_, value) => pasteInto(lightField('New email address')(), value),
    submit: lightButton('Send verification link'),
    endpoint: 'requestEmailChange',
    key: 'newEmail',
  },
  passwordChange('current'),
  passwordChange('new'),
  passwordChange('confirm'),
  {
    name: 'dn-password-reset: email',
    template: html`<dn-password-reset></dn-password-reset>`,
    field: lightField('Email address'),
    fill: (_, value) => pasteInto(lightField('Email address')(), value),
    submit: () => lightField('Email address')().form!.requestSubmit(),
    endpoint: 'requestPasswordReset',
    key: 'email',
  },
  {
    name: 'dn-delete-account: account email',
    template: html`<dn-delete-account></dn-delete-account>`,
    options: { reauth: 'never', ownsWorkspaceWithMembers: false },
    field: lightField('Your account email'),
    fill: (_, value) => {
      pasteInto(lightField('Your account email')(), value);
      pasteInto(lightField('Your password')(), MOCK_PASSWORD);
    },
    submit: lightButton(/^Delete account$|Deleting account/),
    endpoint: 'deleteAccount',
    key: 'email',
  },
  {
    name: 'dn-delete-account: password',
    template: html`<dn-delete-account></dn-delete-account>`,
    options: { reauth: 'never', ownsWorkspaceWithMembers: false },
    field: lightField('Your password'),
    fill: (_, value) => {
      pasteInto(lightField('Your account email')(), MOCK_USER.email);
      pasteInto(lightField('Your password')(), value);
    },
    // The element asks once more before it sends anything.
    submit: async (el) => {
      lightButton(/^Delete account$|Deleting account/)();
      await until(() => errorOf(lightField('Your password')()) !== '' || dialogOpen(el), 'a message or the confirmation');
      if (dialogOpen(el)) dialogButton(el, 'Delete account').click();
    },
    endpoint: 'deleteAccount',
    key: 'password',
  },
  {
    name: 'dn-email-change: current password (when the server asks)',
    template: html`<dn-email-change current-email=${MOCK_USER.email}></dn-email-change>`,
    options: { reauth: 'never', emailChangePasswordRequired: true },
    field: lightField('Current password'),
    fill: (_, value) => {
      pasteInto(lightField('New email address')(), 'amira.haddad@northwind-calls.example');
      pasteInto(lightField('Current password')(), value);
    },
    submit: lightButton('Send verification link'),
    endpoint: 'requestEmailChange',
    key: 'currentPassword',
  },
  ...(['new', 'confirm'] as const).map(
    (target): FieldCase => ({
      name: `dn-password-reset: ${target} password (with a token)`,
      template: html`<dn-password-reset></dn-password-reset>`,
      open: async (el, { backend }) => {
        el.setAttribute('token', backend.store.issuePasswordResetToken());
        await until(() => screen.queryByLabelText('New password'), 'the new-password form');
      },
      // A completed reset shows its confirmation; the next value gets a new element and a new token.
      reopen: async (el, mounted) => {
        const next = document.createElement('dn-password-reset');
        el.replaceWith(next);
        await (next as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        next.setAttribute('token', mounted.backend.store.issuePasswordResetToken());
        await until(() => screen.queryByLabelText('New password'), 'the new-password form');
        return next;
      },
      field: lightField(target === 'new' ? 'New password' : 'Confirm new password'),
      fill: (_, value) => {
        pasteInto(lightField('New password')(), target === 'new' ? value : GOOD_PASSWORD);
        pasteInto(lightField('Confirm new password')(), value);
      },
      submit: lightButton('Set new password'),
      endpoint: 'completePasswordReset',
      key: 'newPassword',
    })
  ),
  {
    name: 'dn-2fa-setup: password to turn it off',
    template: html`<dn-2fa-setup></dn-2fa-setup>`,
    options: { reauth: 'never', twoFactorEnabled: true },
    open: async (el) => {
      shadowButton('Turn off')(el);
      await until(() => el.querySelector('input[autocomplete="current-password"]'), 'the password field');
    },
    field: (el) => el.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!,
    fill: (el, value) => pasteInto(el.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!, value),
    submit: (el) => el.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!.form!.requestSubmit(),
    endpoint: 'disableTwoFactor',
    key: 'password',
  },
  {
    name: 'dn-2fa-setup: authentication code',
    template: html`<dn-2fa-setup></dn-2fa-setup>`,
    options: { reauth: 'never' },
    open: async (el) => {
      shadowButton('Turn on two-factor authentication')(el);
      await until(() => el.querySelector('input[autocomplete="one-time-code"]'), 'the setup step');
    },
    field: (el) => el.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!,
    fill: (el, value) => pasteInto(el.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!, value),
    submit: (el) => el.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')!.form!.requestSubmit(),
    endpoint: 'verifyTwoFactorSetup',
    key: 'code',
  },
  ...(['code', 'backup code'] as const).map(
    (kind): FieldCase => ({
      name: `dn-2fa-challenge: ${kind}`,
      template: html`<dn-2fa-challenge></dn-2fa-challenge>`,
      options: { twoFactorEnabled: true },
      open: async (el, { backend }) => {
        (el as Dn2faChallenge).challengeId = backend.store.createSignInChallenge();
        await until(() => el.querySelector('input[name="one-time-code"]'), 'the code field');
        if (kind === 'backup code') {
          el.querySelector<HTMLButtonElement>('button[data-action="switch"]')!.click();
          await until(() => el.querySelector('input[name="backup-code"]'), 'the backup-code field');
        }
      },
      field: (el) => el.querySelector<HTMLInputElement>('input[name="one-time-code"], input[name="backup-code"]')!,
      fill: (el, value) => pasteInto(el.querySelector<HTMLInputElement>('input[name="one-time-code"], input[name="backup-code"]')!, value),
      submit: (el) => el.querySelector<HTMLFormElement>('form')!.requestSubmit(),
      endpoint: 'verifyTwoFactorChallenge',
      key: 'code',
    }),
  ),
  {
    name: 'dn-reauth-dialog: password',
    template: html`<dn-reauth-dialog></dn-reauth-dialog>`,
    open: async (el, { api }) => {
      void (el as DnReauthDialog).confirm({ methods: ['password'], api });
      await until(() => el.querySelector('input'), 'the dialog field');
    },
    field: lightField('Password'),
    fill: (_, value) => pasteInto(lightField('Password')(), value),
    submit: lightButton('Confirm'),
    endpoint: 'reauthenticate',
    key: 'password',
  },
  {
    name: 'dn-reauth-dialog: authentication code',
    template: html`<dn-reauth-dialog></dn-reauth-dialog>`,
    options: { twoFactorEnabled: true },
    open: async (el, { api }) => {
      void (el as DnReauthDialog).confirm({
        methods: ['password', 'totp'],
        api,
      });
      await until(() => el.querySelector('input'), 'the dialog field');
      lightButton('Use an authentication code instead')();
      await until(() => screen.queryByLabelText('Authentication code'), 'the code field');
    },
    field: lightField('Authentication code'),
    fill: (_, value) => pasteInto(lightField('Authentication code')(), value),
    submit: lightButton('Confirm'),
    endpoint: 'reauthenticate',
    key: 'code',
  },
];

const MARKUP = HOSTILE_TEXT.filter((t) => t.category === 'markup');
/** The 10,000-character strings too: every field must stop them with a message or take them whole. */
const LONG = HOSTILE_TEXT.filter((t) => t.category === 'long');
const OTHERS = HOSTILE_TEXT.filter((t) => t.category !== 'markup' && t.category !== 'long');
/** The markup and 10,000-character categories on every field; the rest of the corpus dealt round-robin over the fields, twice. */
function entriesFor(index: number): HostileText[] {
  const picked = OTHERS.filter((_, j) => j % FIELDS.length === index || (j + 5) % FIELDS.length === index);
  return [...MARKUP, ...LONG, ...picked];
}

/** The field's message; '' when the field is gone (the element moved on after a success). */
function errorOfField(c: FieldCase, el: HTMLElement): string {
  try {
    return errorOf(c.field(el));
  } catch {
    return '';
  }
}

/** Something in the element is still working (a busy button or region). */
const busy = (el: HTMLElement) => Boolean(el.shadowRoot!.querySelector('[aria-busy="true"]') ?? el.querySelector('[aria-busy="true"]'));

let canary: Canary;
beforeEach(() => {
  canary = installCanary();
});
afterEach(() => canary.uninstall());

describe('hostile input in every text field', () => {
  it('uses every corpus text entry on at least one field, and the markup category on every field', () => {
    const used = new Set(FIELDS.flatMap((_, i) => entriesFor(i).map((t) => t.name)));
    expect(HOSTILE_TEXT.filter((t) => !used.has(t.name)).map((t) => t.name)).to.deep.equal([]);
    FIELDS.forEach((_, i) => expect(entriesFor(i)).to.include.members(MARKUP));
  });

  FIELDS.forEach((c, index) => {
    const entries = entriesFor(index);
    // One mount per test (several mounts in one test did not finish within the runner's limit).
    it(`${c.name}: ${entries.length} hostile values are refused at the field or sent unchanged, never run`, async function () {
      this.timeout(90_000);
      const mounted = await mount<HTMLElement>(c.template, c.options ?? {});
      const { backend, api } = mounted;
      let el = mounted.el;
      await c.open?.(el, { api, backend });
      const outcomes: string[] = [];
      for (const entry of entries) {
        try {
          const before = requestsTo(backend, c.endpoint).length;
          c.fill(el, entry.value);
          // What the field holds (an input drops CR/LF; an email input trims): what may be sent.
          const held = c.field(el).value;
          await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          await c.submit(el);
          await until(
            () => requestsTo(backend, c.endpoint).length > before || errorOfField(c, el) !== '',
            `${c.name} = ${entry.name}: a message or a request`
          ).catch((error: Error) => {
            throw new Error(`${error.message}; the element shows: ${visibleText(el).slice(0, 600)}`);
          });
          // A message from the last value may still show while this one goes out: let the submit finish first.
          await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          await nextFrame();
          await until(() => !busy(el), `${c.name} = ${entry.name}: the submit to finish`);
          await nextTask();
          const sent = requestsTo(backend, c.endpoint).slice(before);
          if (sent.length === 0) {
            // Refused at the field: a visible message tied to it, and still nothing sent a moment later.
            const input = c.field(el);
            expect(input.getAttribute('aria-invalid'), `${c.name} = ${entry.name}`).to.equal('true');
            expect(errorOf(input), `${c.name} = ${entry.name}: the message next to the field`).not.to.equal('');
            await nextFrame();
            await nextFrame();
            expect(requestsTo(backend, c.endpoint).length, `${c.name} = ${entry.name}: nothing sent`).to.equal(before);
            outcomes.push(`${entry.name}: refused (${errorOf(input)})`);
          } else {
            expect(sent, `${c.name} = ${entry.name}: one request`).to.have.length(1);
            const value = (sent[0]!.json as Record<string, unknown>)[c.key];
            expect([held, held.trim()], `${c.name} = ${entry.name}: the value sent`).to.include(value);
            await until(() => requestsTo(backend, c.endpoint)[before]!.status !== undefined, 'the answer');
            await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
            await until(() => !busy(el), `${c.name} to finish sending`);
            if (requestsTo(backend, c.endpoint)[before]!.status! < 300) c.shownBack?.(el, value as string);
            if (c.reopen && requestsTo(backend, c.endpoint)[before]!.status! < 300) el = await c.reopen(el, { api, backend });
            outcomes.push(`${entry.name}: sent (${requestsTo(backend, c.endpoint)[before]!.status})`);
          }
          expect(pwnedReport(canary), `${c.name} = ${entry.name}`).to.deep.equal([]);
        } catch (error) {
          throw new Error(
            `${c.name} = ${entry.name} (after ${outcomes.join('; ') || 'nothing'}): ${(error as Error).message}; the element shows: ${visibleText(el).slice(
              0,
              400
            )}`,
            { cause: error }
          );
        }
      }
      expect(outcomes).to.have.length(entries.length);
    });
  });
});

describe('hostile files for the avatar upload', () => {
  for (const file of HOSTILE_FILES) {
    it(`${file.name}: ${file.expect === 'rejected' ? 'refused with a message, nothing uploaded' : 'nothing runs, whatever the answer'}`, async () => {
      const { el, backend } = await mount<HTMLElement>(html`<dn-profile-form></dn-profile-form>`);
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
      const transfer = new DataTransfer();
      transfer.items.add(file.make());
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const upload = within(el).getByShadowRole('button', {
        name: /Upload photo|Change photo/,
      });
      const message = () => errorOf(upload);
      if (file.expect === 'rejected') {
        await until(() => message() !== '', `a message for ${file.name}`);
        await nextFrame();
        expect(requestsTo(backend, 'uploadAvatar'), file.name).to.have.length(0);
      } else {
        await until(() => message() !== '' || requestsTo(backend, 'uploadAvatar').length > 0, `a message or an upload for ${file.name}`);
      }
      expect(pwnedReport(canary), file.name).to.deep.equal([]);
    });
  }
});
