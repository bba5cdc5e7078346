import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { delay, http } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/passkeys/passkeys.js';
import { READ_ONLY_CONTEXT, api, problem, withBackend } from './support/mock.js';
import { $, shadowOf } from './support/play.js';

/**
 * `<dn-passkeys>` on the mock backend: the user's passkeys with Add, Rename and Remove.
 * Add runs the browser's real passkey prompt (in a browser with a platform authenticator or a
 * password manager, the mock verifies what it returns). Removing asks to confirm in a modal
 * dialog inside the element's shadow root. Controls are found by part, so the plays work in
 * every locale of the toolbar.
 */
const meta = {
  title: 'Elements/Passkeys',
  component: 'dn-passkeys',
  argTypes: READ_ONLY_CONTEXT,
  parameters: { mock: { passkeys: 3, reauth: 'never' } },
  render: () => html`<dn-passkeys></dn-passkeys>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The list once loaded: where each passkey lives, when it was created and last used, this session's marked. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-passkeys', '[part="passkey"]');
    await expect(root.querySelectorAll('[part="passkey"]')).toHaveLength(3);
    await expect(root.querySelectorAll('[part="badge"]')).toHaveLength(1);
  },
};

/** No passkey yet: one sentence says what a passkey is. */
export const Empty: Story = {
  parameters: { mock: { passkeys: 0, reauth: 'never' } },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-passkeys', '[part="empty"]');
    await expect($(root, '[part="add"]')).toBeVisible();
  },
};

/** The list never arrives: the loading placeholder stays. */
export const Loading: Story = {
  beforeEach: withBackend((backend) => {
    backend.use(
      http.get(api('/passkeys'), async () => {
        await delay('infinite');
      }),
    );
  }),
};

/** The server answers 500 (the client retries twice by itself, then shows the error with "Try again"). */
export const LoadError: Story = {
  name: 'Load error (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.get(api('/passkeys'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-passkeys', '[part="error"]');
    await expect($(root, '[part="error"]')).toHaveAttribute('role', 'alert');
  },
};

/** Adding fails at the server (500) before the browser's prompt: the message says nothing was added. */
export const AddFailing: Story = {
  name: 'Add failing (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.post(api('/passkeys/registration-options'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-passkeys', '[part="add"]');
    await userEvent.click($(root, '[part="add"]'));
    await waitFor(() => expect($(root, '[part="add-error"]')).toHaveAttribute('role', 'alert'));
    await expect(root.querySelectorAll('[part="passkey"]')).toHaveLength(3);
  },
};

/** The browser has no WebAuthn: a sentence replaces Add; rename and remove still work. */
export const WithoutWebAuthn: Story = {
  name: 'Browser without passkeys',
  beforeEach: () => {
    const real = window.PublicKeyCredential;
    (window as { PublicKeyCredential?: unknown }).PublicKeyCredential = undefined;
    return () => {
      window.PublicKeyCredential = real;
    };
  },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-passkeys', '[part="unsupported"]');
    await expect(root.querySelector('[part="add"]')).toBeNull();
  },
};

/** Renaming a passkey: the field holds its name, focused. */
export const Renaming: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-passkeys', '[part="rename"]');
    await userEvent.click(root.querySelectorAll<HTMLButtonElement>('[part="rename"]')[1]!);
    // Focus is inside the shadow root: its active element is the field.
    await waitFor(() => expect(root.activeElement).toBe($(root, '[part="rename-form"] input')));
  },
};

/** A name the element refuses before sending: the message is next to the field, what was typed stays. */
export const RenameInvalid: Story = {
  name: 'Rename: empty name',
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-passkeys', '[part="rename"]');
    await userEvent.click($(root, '[part="rename"]'));
    await waitFor(() => expect(root.activeElement).toBe($(root, '[part="rename-form"] input')));
    const input = $<HTMLInputElement>(root, '[part="rename-form"] input');
    // The name is selected on opening: one Backspace empties the field.
    await userEvent.keyboard('{Backspace}{Enter}');
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
  },
};

/** Removing answers 500: the message shows under the list and the passkey stays. */
export const RemoveFailing: Story = {
  name: 'Remove failing (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.delete(api('/passkeys/:id'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
};

/** The confirmation for removing a passkey, open: Cancel has focus. */
export const ConfirmDialogOpen: Story = {
  name: 'Confirm dialog open',
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-passkeys', '[part="remove"]');
    await userEvent.click(root.querySelectorAll<HTMLButtonElement>('[part="remove"]')[1]!);
    const dialog = $(root, 'dn-confirm-dialog');
    await waitFor(() => expect(dialog.shadowRoot?.querySelector('dialog')?.open).toBe(true));
  },
};

/**
 * The account has no password and no connected provider: removing its only passkey is
 * refused, with the server's reason.
 */
export const LastWayToSignIn: Story = {
  name: 'Last way to sign in',
  parameters: { mock: { passkeys: 1, passwordless: true, reauth: 'never' } },
  beforeEach: withBackend((backend) => {
    backend.store.disconnectAccount('google');
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-passkeys', '[part="remove"]');
    await userEvent.click($(root, '[part="remove"]'));
    const dialog = $(root, 'dn-confirm-dialog');
    await waitFor(() => expect(dialog.shadowRoot?.querySelector('dialog')?.open).toBe(true));
    await userEvent.click($(dialog.shadowRoot!, '[part="confirm-button"]'));
    await waitFor(() => expect($(root, '[part="action-error"]')).toBeVisible());
  },
};

/**
 * The server asks to confirm it is the user before removing: "Confirm it's you" offers
 * "Use a passkey" beside the password (the demo password is `DialNexa#2026`).
 */
export const Reauth: Story = {
  name: 'Re-authentication with a passkey offered',
  parameters: { mock: { passkeys: 3, reauth: 'when-stale' } },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-passkeys', '[part="remove"]');
    await userEvent.click($(root, '[part="remove"]'));
    const dialog = $(root, 'dn-confirm-dialog');
    await waitFor(() => expect(dialog.shadowRoot?.querySelector('dialog')?.open).toBe(true));
    await userEvent.click($(dialog.shadowRoot!, '[part="confirm-button"]'));
    await waitFor(() => expect(document.querySelector('dn-reauth-dialog button[data-action="passkey"]')).toBeVisible());
  },
};

/** Arabic, right to left. */
export const Arabic: Story = {
  globals: { locale: 'ar' },
};

/** German: the longest words. */
export const German: Story = {
  globals: { locale: 'de' },
};

/** Spanish, with the empty state. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  parameters: { mock: { passkeys: 0, reauth: 'never' } },
};
