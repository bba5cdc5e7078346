import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { delay, http } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import { MOCK_PASSWORD } from '../mock/index.js';
import '../src/components/session-list/session-list.js';
import { READ_ONLY_CONTEXT, api, problem, withBackend } from './support/mock.js';
import { $, shadowOf, waitForElement } from './support/play.js';

/**
 * `<dn-session-list>` on the mock backend: the devices and browsers signed in to the
 * account, this one first. Signing out another session, or all of them, asks to
 * confirm in a modal dialog inside the element's shadow root; "Sign out" on this
 * device only emits `dn-sign-out-requested` (see the Actions panel).
 *
 * Switch the Locale toolbar to العربية to see the list right to left, with IP
 * addresses kept left to right.
 */
const meta = {
  title: 'Elements/Session list',
  component: 'dn-session-list',
  argTypes: READ_ONLY_CONTEXT,
  args: { 'password-href': '' },
  parameters: { mock: { reauth: 'never' } },
  render: (args) => html`<dn-session-list password-href=${String(args['password-href'] ?? '')}></dn-session-list>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The confirmation dialog of the element, once open. */
async function openDialogOf(root: ShadowRoot): Promise<ShadowRoot> {
  const dialog = $(root, 'dn-confirm-dialog');
  await waitFor(() => expect(dialog.shadowRoot?.querySelector('dialog')?.open).toBe(true));
  return dialog.shadowRoot!;
}

/** Six sessions once loaded: this device first, marked, "Active now". */
export const Loaded: Story = {};

/** Only the session in use: no "Sign out all other sessions", a short note instead. */
export const One: Story = {
  name: 'One (only this device)',
  parameters: { mock: { sessions: 1, reauth: 'never' } },
};

/** The server lists no session at all. */
export const Empty: Story = {
  parameters: { mock: { sessions: 0, reauth: 'never' } },
};

/** 10,000 sessions: the list is windowed (only the rows in view exist) and scrolls inside its box. */
export const Thousands: Story = {
  name: 'Thousands (10,000)',
  parameters: { mock: { sessions: 10000, reauth: 'never' } },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-session-list', '[part="session"]');
    await expect($(root, '[part="session"]')).toHaveAttribute('aria-setsize', '10000');
    await expect(root.querySelectorAll('li').length).toBeLessThan(100);
  },
};

/** The list never arrives: the loading placeholder stays. */
export const Loading: Story = {
  beforeEach: withBackend((backend) => {
    backend.use(
      http.get(api('/sessions'), async () => {
        await delay('infinite');
      }),
    );
  }),
};

/** The server answers 500 (the client retries twice by itself, then shows the error with "Try again"). */
export const LoadError: Story = {
  name: 'Load error (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.get(api('/sessions'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-session-list', '[part="error"]');
    await expect($(root, '[part="error"]')).toHaveAttribute('role', 'alert');
  },
};

/** Signing out a session answers 500: the message shows under the list and the session stays. */
export const RevokeFailing: Story = {
  name: 'Revoke failing (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.delete(api('/sessions/:id'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
};

/** Signing out a session that never gets an answer: its button shows the spinner, every other action waits. */
export const Busy: Story = {
  name: 'Busy (signing out)',
  beforeEach: withBackend((backend) => {
    backend.use(
      http.delete(api('/sessions/:id'), async () => {
        await delay('infinite');
      }),
    );
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-session-list', '[part="revoke"]');
    const button = $<HTMLButtonElement>(root, '[part="revoke"]');
    await userEvent.click(button);
    const dialog = await openDialogOf(root);
    await userEvent.click($(dialog, '[part="confirm-button"]'));
    await waitFor(() => expect(button).toHaveAttribute('aria-busy', 'true'));
  },
};

/**
 * Every sensitive request needs its own "Confirm it's you" (`reauth: 'always'`): the
 * play signs out the first other session and confirms, and the dialog opens. Type the
 * demo password `DialNexa#2026` and Confirm: the session is signed out.
 */
export const Reauth: Story = {
  name: 'Re-authentication',
  parameters: { mock: { reauth: 'always' } },
  render: (args) => html`<p class="dn-story-note">Demo password for “Confirm it's you”: <code>${MOCK_PASSWORD}</code></p>
    <dn-session-list password-href=${String(args['password-href'] ?? '')}></dn-session-list>`,
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-session-list', '[part="revoke"]');
    await userEvent.click($(root, '[part="revoke"]'));
    const dialog = await openDialogOf(root);
    await userEvent.click($(dialog, '[part="confirm-button"]'));
    const password = await waitForElement(
      () => canvasElement.querySelector<HTMLInputElement>('dn-reauth-dialog input[type="password"]'),
      'the "Confirm it\'s you" password field',
    );
    await waitFor(() => expect(password).toHaveFocus());
  },
};

/** "Sign out all other sessions", confirmation open: it says how many sessions; Cancel has focus. */
export const SignOutAllConfirm: Story = {
  name: 'Sign out all confirm',
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-session-list', '[part="revoke-others"]');
    await userEvent.click($(root, '[part="revoke-others"]'));
    const dialog = await openDialogOf(root);
    // Focus is inside the dialog's shadow root: the document only sees the host.
    await waitFor(() => expect(dialog.activeElement).toBe($(dialog, '[part="cancel-button"]')));
  },
};

/** Markup, scripts, bidi overrides, emoji and very long text in the session fields render as plain text. */
export const Hostile: Story = {
  name: 'Hostile text',
  parameters: { mock: { hostile: true, reauth: 'never' } },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-session-list', '[part="session"]');
    await waitFor(() => expect(root.querySelectorAll('[part="session"]').length).toBe(7));
    await expect(root.querySelector('img')).toBeNull();
    await expect(root.querySelector('script')).toBeNull();
  },
};

/** With `password-href`, "Change password" under the list is a link to that page. */
export const PasswordLink: Story = {
  name: 'Password link',
  args: { 'password-href': '#password' },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-session-list', '[part="password-link"]');
    await expect($(root, '[part="password-link"]')).toHaveAttribute('href', '#password');
  },
};
