import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { delay, http } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import { MOCK_PASSWORD, MOCK_USER } from '../mock/index.js';
import '../src/components/delete-account/delete-account.js';
import { READ_ONLY_CONTEXT, api, problem, withBackend } from './support/mock.js';
import { $, shadowOf, waitForElement } from './support/play.js';

/**
 * `<dn-delete-account>` on the mock backend: the danger zone. The email and password
 * fields live in the element's light DOM (password managers fill `current-password`);
 * the final confirmation is a modal dialog in the element's shadow root. Demo
 * password: `DialNexa#2026`. The mock's owned workspace "Northwind Calls" has other
 * members unless `ownsWorkspaceWithMembers` is false.
 */
const meta = {
  title: 'Elements/Delete account',
  component: 'dn-delete-account',
  argTypes: READ_ONLY_CONTEXT,
  args: {
    'support-href': 'mailto:support@dialnexa.example',
    'export-href': '#privacy',
    'workspace-href': '/workspaces/{id}/settings',
  },
  parameters: { mock: { reauth: 'never', ownsWorkspaceWithMembers: false } },
  render: (args) =>
    html`<dn-delete-account
      support-href=${String(args['support-href'] ?? '')}
      export-href=${String(args['export-href'] ?? '')}
      workspace-href=${String(args['workspace-href'] ?? '')}
    ></dn-delete-account>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The light-DOM form of the loaded element. */
async function formOf(canvasElement: HTMLElement) {
  const host = await waitForElement(() => canvasElement.querySelector('dn-delete-account'), 'dn-delete-account');
  const email = await waitForElement(() => host.querySelector<HTMLInputElement>('input[name="email"]'), 'the email field');
  return {
    host,
    email,
    password: $<HTMLInputElement>(host, 'input[name="current-password"]'),
    submit: $<HTMLButtonElement>(host, 'button[type="submit"]'),
  };
}

/** Types the account email and `password`, then presses "Delete account": the confirmation opens. */
async function openConfirm(canvasElement: HTMLElement, password = MOCK_PASSWORD) {
  const form = await formOf(canvasElement);
  await userEvent.type(form.email, MOCK_USER.email);
  await userEvent.type(form.password, password);
  await waitFor(() => expect(form.submit).toHaveAttribute('aria-disabled', 'false'));
  await userEvent.click(form.submit);
  const dialog = $(form.host.shadowRoot!, 'dn-confirm-dialog');
  await waitFor(() => expect(dialog.shadowRoot?.querySelector('dialog')?.open).toBe(true));
  return { ...form, dialog };
}

/** Confirms in the dialog. */
async function confirm(canvasElement: HTMLElement, password = MOCK_PASSWORD) {
  const form = await openConfirm(canvasElement, password);
  await userEvent.click($(form.dialog.shadowRoot!, '[part="confirm-button"]'));
  return form;
}

/** What is deleted, the wallet and export sentences with the host's links; Delete stays unavailable until both fields are right. */
export const Loaded: Story = {};

/** The account email and the password typed: "Delete account" is available. */
export const ReadyToDelete: Story = {
  name: 'Ready to delete',
  play: async ({ canvasElement }) => {
    const form = await formOf(canvasElement);
    await userEvent.type(form.email, MOCK_USER.email);
    await userEvent.type(form.password, MOCK_PASSWORD);
    await waitFor(() => expect(form.submit).toHaveAttribute('aria-disabled', 'false'));
  },
};

/** The final confirmation, Cancel focused. */
export const ConfirmOpen: Story = {
  name: 'Confirm open',
  play: async ({ canvasElement }) => {
    await openConfirm(canvasElement);
  },
};

/** The user owns a workspace with other members: it is listed with a link, and Delete is unavailable. */
export const BlockedByWorkspaces: Story = {
  name: 'Blocked by workspaces',
  parameters: { mock: { reauth: 'never', ownsWorkspaceWithMembers: true } },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-delete-account', '[part="blocking"]');
    await expect($(root, '[part="workspace-link"]')).toHaveAttribute('href', '/workspaces/wsp_northwind/settings');
  },
};

/** The server refuses the password (422 `invalid-credentials`): the message is at the field, and what was typed stays. */
export const WrongPassword: Story = {
  name: 'Wrong password',
  play: async ({ canvasElement }) => {
    const { password } = await confirm(canvasElement, 'not-my-password');
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'), { timeout: 4000 });
  },
};

/** Deleted: the final state; the element sends nothing more, and `dn-account-deleted` went to the host. */
export const Deleted: Story = {
  play: async ({ canvasElement }) => {
    await confirm(canvasElement);
    await shadowOf(canvasElement, 'dn-delete-account', '[part="deleted"]');
  },
};

/** The deletion summary never arrives: the loading placeholder stays. */
export const Loading: Story = {
  beforeEach: withBackend((backend) => {
    backend.use(
      http.get(api('/deletion'), async () => {
        await delay('infinite');
      }),
    );
  }),
};

/** The server answers 500 (the client retries twice by itself, then shows the error with "Try again"). */
export const LoadError: Story = {
  name: 'Load error (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.get(api('/deletion'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-delete-account', '[part="error"]');
    await expect($(root, '[part="error"]')).toHaveAttribute('role', 'alert');
  },
};
