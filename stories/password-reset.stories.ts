import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { MOCK_USER } from '../mock/index.js';
import { READ_ONLY_CONTEXT, withBackend } from './support/mock.js';
import { $, waitForElement } from './support/play.js';
import '../src/components/password-reset/password-reset.js';

/**
 * `<dn-password-reset>` for sign-in pages, on the mock backend (no session needed).
 * Request mode always answers with the same neutral text; complete mode takes the
 * token from the link (`token` attribute or `?token=`), valid 1 hour and single use.
 */
const meta = {
  title: 'Elements/Password reset',
  component: 'dn-password-reset',
  argTypes: READ_ONLY_CONTEXT,
  args: { 'sign-in-url': '#sign-in' },
  render: (args) => html`<dn-password-reset sign-in-url=${String(args['sign-in-url'] ?? '')}></dn-password-reset>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

const NEW_PASSWORD = 'Sunny-days-42';

/** The token the story's `beforeEach` issued (the link in the reset email). */
let token = '';

const withToken = (args: Record<string, unknown>) =>
  html`<dn-password-reset token=${token} sign-in-url=${String(args['sign-in-url'] ?? '')}></dn-password-reset>`;

async function setPassword(canvasElement: HTMLElement): Promise<HTMLElement> {
  const host = await waitForElement(() => canvasElement.querySelector('dn-password-reset'), 'dn-password-reset');
  const next = await waitForElement(() => host.querySelector<HTMLInputElement>('input[name="new-password"]'), 'the new-password field');
  await userEvent.type(next, NEW_PASSWORD);
  await userEvent.type($<HTMLInputElement>(host, 'input[name="confirm-password"]'), NEW_PASSWORD);
  await userEvent.click($<HTMLButtonElement>(host, 'button[type="submit"]'));
  return host;
}

/** Request mode: the email address of the account. */
export const Request: Story = {};

/** A link was requested: the neutral confirmation, and when another may be sent (the mock: 60 s). */
export const RequestSent: Story = {
  name: 'Request sent (cool-down)',
  play: async ({ canvasElement }) => {
    const host = await waitForElement(() => canvasElement.querySelector('dn-password-reset'), 'dn-password-reset');
    const email = await waitForElement(() => host.querySelector<HTMLInputElement>('input[type="email"]'), 'the email field');
    await userEvent.type(email, MOCK_USER.email);
    await userEvent.click($<HTMLButtonElement>(host, 'button[type="submit"]'));
    await waitFor(() => expect(host.shadowRoot?.querySelector('[part="sent"]')).toBeTruthy(), { timeout: 4000 });
  },
};

/** Complete mode with a fresh token: a new password under the server's policy. */
export const Complete: Story = {
  beforeEach: withBackend((backend) => {
    token = backend.store.issuePasswordResetToken();
  }),
  render: withToken,
};

/** The link has expired (the mock treats an unknown token as expired): says so and offers a new link. */
export const ExpiredToken: Story = {
  name: 'Expired token',
  beforeEach: () => {
    token = 'expired-token';
  },
  render: withToken,
  play: async ({ canvasElement }) => {
    const host = await setPassword(canvasElement);
    await waitFor(() => expect(host.shadowRoot?.querySelector('[part="token-error"]')).toBeTruthy(), { timeout: 4000 });
  },
};

/** The link was already used once. */
export const UsedToken: Story = {
  name: 'Used token',
  beforeEach: withBackend((backend) => {
    token = backend.store.issuePasswordResetToken();
    backend.store.completePasswordReset({ token, newPassword: 'First-time-1!' });
  }),
  render: withToken,
  play: async ({ canvasElement }) => {
    const host = await setPassword(canvasElement);
    await waitFor(() => expect(host.shadowRoot?.querySelector('[part="token-error"]')).toBeTruthy(), { timeout: 4000 });
  },
};

/** The new password is set: the message and the link back to sign-in (`sign-in-url`). */
export const SuccessWithSignInLink: Story = {
  name: 'Success with sign-in link',
  beforeEach: withBackend((backend) => {
    token = backend.store.issuePasswordResetToken();
  }),
  render: withToken,
  play: async ({ canvasElement }) => {
    const host = await setPassword(canvasElement);
    await waitFor(() => expect(host.shadowRoot?.querySelector('[part="sign-in"]')).toBeTruthy(), { timeout: 4000 });
  },
};
