import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { MOCK_PASSWORD, MOCK_TOTP_SECRET, totp } from '../mock/index.js';
import { RestAccountApi } from '../src/api/rest-client.js';
import type { DnReauthDialog } from '../src/components/reauth-dialog/reauth-dialog.js';
// Elements load the dialog on demand; this story places one itself, so it defines it.
import '../src/components/reauth-dialog/reauth-dialog.js';
import { API_BASE, READ_ONLY_CONTEXT } from './support/mock.js';
import { $, waitForElement } from './support/play.js';

type Method = 'password' | 'totp' | 'passkey';

/**
 * `<dn-reauth-dialog>`, the shared "Confirm it's you" dialog. Pages never place it:
 * elements add one to the nearest provider when the server answers 403
 * `reauth-required`, and call `confirm()`. Here the story calls `confirm()` itself
 * (the play function opens it; the button opens it again).
 *
 * Demo password: `DialNexa#2026`. With 2FA on, the mock accepts the current code of
 * its demo authenticator secret ("Show the current code").
 */
const meta = {
  title: 'Elements/Reauth dialog',
  component: 'dn-reauth-dialog',
  args: { methods: ['password'] satisfies Method[] },
  argTypes: {
    ...READ_ONLY_CONTEXT,
    methods: {
      description: 'What the server accepts (the `methods` of the 403 problem); the first is preselected.',
      control: 'inline-check',
      options: ['password', 'totp', 'passkey'],
    },
  },
  render: (args) => {
    const methods = (args['methods'] as Method[] | undefined) ?? ['password'];
    return html`<p class="dn-story-note">
        Demo password: <code>${MOCK_PASSWORD}</code>${methods.includes('totp')
          ? html` · <button class="dn-story-button" type="button" @click=${showCode}>Show the current code</button>`
          : ''}
      </p>
      <p class="dn-story-note">
        <button class="dn-story-button" type="button" @click=${(event: Event) => open(event.currentTarget as Element, methods)}>
          Open “Confirm it's you”
        </button>
        <output data-result></output>
      </p>
      <dn-reauth-dialog></dn-reauth-dialog>`;
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

function storyRoot(from: Element): Element {
  return from.closest('.dn-story') ?? from;
}

/** Opens the dialog in the story that contains `from`, and writes the outcome next to the button. */
function open(from: Element, methods: Method[]): Promise<boolean> {
  const root = storyRoot(from);
  const dialog = $<DnReauthDialog>(root, 'dn-reauth-dialog');
  const output = $(root, 'output[data-result]');
  output.textContent = '';
  return dialog
    .confirm({ methods: methods.length > 0 ? methods : ['password'], api: dialog.api ?? new RestAccountApi({ baseUrl: API_BASE }) })
    .then((confirmed) => {
      output.textContent = confirmed ? 'Confirmed: the server accepted it.' : 'Cancelled.';
      return confirmed;
    });
}

async function showCode(event: Event): Promise<void> {
  const output = $(storyRoot(event.currentTarget as Element), 'output[data-result]');
  output.textContent = `Current code: ${await totp(MOCK_TOTP_SECRET)} (changes every 30 s)`;
}

/** Opens the dialog as the play function of a story. */
async function openIn(canvasElement: HTMLElement, methods: Method[]): Promise<HTMLInputElement> {
  const dialog = await waitForElement(() => canvasElement.querySelector<DnReauthDialog>('dn-reauth-dialog'), 'dn-reauth-dialog');
  await dialog.updateComplete;
  void open(dialog, methods);
  // The first field may be the account's read-only username (for password managers): skip it.
  return waitForElement(() => dialog.querySelector<HTMLInputElement>('.dn-light input:not([readonly])'), 'the credential field');
}

/** The server accepts the password only. */
export const OpenWithPassword: Story = {
  name: 'Open with password',
  play: async ({ canvasElement }) => {
    const input = await openIn(canvasElement, ['password']);
    await waitFor(() => expect(input).toHaveFocus());
  },
};

/** 2FA is on: password or a 6-digit code; "Use an authentication code instead" switches. */
export const OpenWithPasswordOrCode: Story = {
  name: 'Open with password or code',
  args: { methods: ['password', 'totp'] satisfies Method[] },
  parameters: { mock: { twoFactorEnabled: true } },
  play: async ({ canvasElement }) => {
    await openIn(canvasElement, ['password', 'totp']);
  },
};

/** Starts on the code (a server that lists `totp` first). */
export const OpenWithCode: Story = {
  name: 'Open with code',
  args: { methods: ['totp', 'password'] satisfies Method[] },
  parameters: { mock: { twoFactorEnabled: true } },
  play: async ({ canvasElement }) => {
    const input = await openIn(canvasElement, ['totp', 'password']);
    await expect(input).toHaveAttribute('autocomplete', 'one-time-code');
  },
};

/** A wrong password: the field says so and keeps focus; the dialog stays open. */
export const WrongPassword: Story = {
  name: 'Wrong password',
  play: async ({ canvasElement }) => {
    const input = await openIn(canvasElement, ['password']);
    await userEvent.type(input, 'not-my-password');
    const dialog = $(canvasElement, 'dn-reauth-dialog');
    await userEvent.click($(dialog, '.dn-light button[type="submit"]'));
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'), { timeout: 4000 });
    await expect($(dialog, `#${input.getAttribute('aria-describedby') ?? ''}`)).not.toHaveAttribute('hidden');
  },
};

/**
 * The user has passkeys: "Use a passkey" beside the password. In a browser with a passkey of the
 * demo account (add one in the Passkeys story first), it opens the browser's prompt.
 */
export const OpenWithPasskey: Story = {
  name: 'Open with password or passkey',
  args: { methods: ['password', 'passkey'] satisfies Method[] },
  parameters: { mock: { passkeys: 2 } },
  play: async ({ canvasElement }) => {
    await openIn(canvasElement, ['password', 'passkey']);
    const dialog = $(canvasElement, 'dn-reauth-dialog');
    await expect($(dialog, '.dn-light button[data-action="passkey"]')).toBeVisible();
  },
};

/** An account without a password: the passkey alone, focused. */
export const OpenWithPasskeyOnly: Story = {
  name: 'Open with passkey only',
  args: { methods: ['passkey'] satisfies Method[] },
  parameters: { mock: { passkeys: 1, passwordless: true } },
  play: async ({ canvasElement }) => {
    const dialog = await waitForElement(() => canvasElement.querySelector<DnReauthDialog>('dn-reauth-dialog'), 'dn-reauth-dialog');
    await dialog.updateComplete;
    void open(dialog, ['passkey']);
    const button = await waitForElement(() => dialog.querySelector<HTMLButtonElement>('.dn-light button[data-action="passkey"]'), '"Use a passkey"');
    await waitFor(() => expect(button).toHaveFocus());
  },
};
