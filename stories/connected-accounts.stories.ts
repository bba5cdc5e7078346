import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { delay, http } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/connected-accounts/connected-accounts.js';
import { READ_ONLY_CONTEXT, api, problem, withBackend } from './support/mock.js';
import { $, shadowOf } from './support/play.js';

/**
 * `<dn-connected-accounts>` on the mock backend: Google, Microsoft and GitHub as sign-in
 * providers. Connect asks the mock for the provider URL; the mock provider consents at once
 * (in a popup it tells this page and closes; a redirect comes back with `connected=<provider>`).
 * Disconnect asks to confirm in a modal dialog inside the element's shadow root.
 */
const meta = {
  title: 'Elements/Connected accounts',
  component: 'dn-connected-accounts',
  argTypes: { ...READ_ONLY_CONTEXT, mode: { control: 'inline-radio', options: ['redirect', 'popup'] } },
  args: { mode: 'redirect' },
  parameters: { mock: { reauth: 'never' } },
  render: (args) => html`<dn-connected-accounts mode=${(args as { mode?: string }).mode ?? 'redirect'}></dn-connected-accounts>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** Google connected (with its email and date), Microsoft and GitHub not. Connect redirects to the mock provider and back. */
export const Loaded: Story = {
  name: 'Loaded (one connected)',
};

/** Nothing connected yet: every provider offers Connect; password sign-in remains. */
export const NoneConnected: Story = {
  name: 'None connected',
  beforeEach: withBackend((backend) => {
    backend.store.disconnectAccount('google');
  }),
};

/** Connect opens the mock provider in a popup, which reports back to this page and closes. */
export const PopupMode: Story = {
  name: 'Popup mode',
  args: { mode: 'popup' },
};

/** The confirmation for disconnecting Google, open: Cancel has focus. */
export const DisconnectConfirmOpen: Story = {
  name: 'Disconnect confirm open',
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-connected-accounts', '[part="disconnect"]');
    await userEvent.click($(root, '[part="disconnect"]'));
    const dialog = $(root, 'dn-confirm-dialog');
    await waitFor(() => expect(dialog.shadowRoot?.querySelector('dialog')?.open).toBe(true));
  },
};

/**
 * The account has no password and no passkey, and GitHub is its only connected provider:
 * disconnecting it is refused (409 `last-sign-in-method`), the reason shows in GitHub's row
 * and GitHub stays connected.
 */
export const LastWayToSignIn: Story = {
  name: 'Last way to sign in',
  parameters: { mock: { passwordless: true, passkeys: 0, reauth: 'never' } },
  beforeEach: withBackend((backend) => {
    backend.store.markConnected('github');
    backend.store.disconnectAccount('google');
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-connected-accounts', '[part="disconnect"][data-provider="github"]');
    await userEvent.click($(root, '[part="disconnect"][data-provider="github"]'));
    const dialog = $(root, 'dn-confirm-dialog');
    await waitFor(() => expect(dialog.shadowRoot?.querySelector('dialog')?.open).toBe(true));
    await userEvent.click($(dialog.shadowRoot!, '[part="confirm-button"]'));
    const row = $(root, '[part="account"][data-provider="github"]');
    await waitFor(() => expect($(row, '[part="last-method"]')).toHaveAttribute('role', 'alert'), { timeout: 8000 });
    await expect($(row, '[part="disconnect"]')).toBeVisible();
    await expect(row.querySelector('[part="connect"]')).toBeNull();
  },
};

/**
 * Every disconnect needs a fresh "Confirm it's you" (the demo password is `DialNexa#2026`).
 */
export const Reauth: Story = {
  name: 'Re-authentication',
  parameters: { mock: { reauth: 'always' } },
};

/** Asking for the provider URL answers 500: the message shows under the list and nothing opens. */
export const ConnectFailing: Story = {
  name: 'Connect failing (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.post(api('/connected-accounts/:provider/connect'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-connected-accounts', '[part="connect"]');
    await userEvent.click($(root, '[part="connect"]'));
    await waitFor(() => expect($(root, '[part="action-error"]')).toHaveAttribute('role', 'alert'), { timeout: 8000 });
  },
};

/** The list never arrives: the loading placeholder stays. */
export const Loading: Story = {
  beforeEach: withBackend((backend) => {
    backend.use(
      http.get(api('/connected-accounts'), async () => {
        await delay('infinite');
      }),
    );
  }),
};

/** The server answers 500 (the client retries twice by itself, then shows the error with "Try again"). */
export const LoadError: Story = {
  name: 'Load error (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.get(api('/connected-accounts'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-connected-accounts', '[part="error"]');
    await expect($(root, '[part="error"]')).toHaveAttribute('role', 'alert');
  },
};
