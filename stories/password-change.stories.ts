import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { http } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import { BREACHED_PASSWORDS, MOCK_PASSWORD, MOCK_USER } from '../mock/index.js';
import { READ_ONLY_CONTEXT, api, problem, withBackend } from './support/mock.js';
import { $, waitForElement } from './support/play.js';
import '../src/components/password-change/password-change.js';

/**
 * `<dn-password-change>` on the mock backend. The form lives in the element's light
 * DOM, so password managers see the `current-password` / `new-password` fields; the
 * checklist follows the policy the server serves. Demo password: `DialNexa#2026`.
 */
const meta = {
  title: 'Elements/Password change',
  component: 'dn-password-change',
  argTypes: READ_ONLY_CONTEXT,
  args: { username: MOCK_USER.email },
  parameters: { mock: { reauth: 'never' } },
  render: (args) => html`<dn-password-change username=${String(args['username'] ?? '')}></dn-password-change>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

const NEW_PASSWORD = 'Sunny-days-42';

/** The three fields and the submit button, in the element's light DOM. */
async function formOf(canvasElement: HTMLElement) {
  const host = await waitForElement(() => canvasElement.querySelector('dn-password-change'), 'dn-password-change');
  const current = await waitForElement(() => host.querySelector<HTMLInputElement>('input[name="current-password"]'), 'the current-password field');
  return {
    host,
    current,
    next: $<HTMLInputElement>(host, 'input[name="new-password"]'),
    confirm: $<HTMLInputElement>(host, 'input[name="confirm-password"]'),
    submit: $<HTMLButtonElement>(host, 'button[type="submit"]'),
  };
}

async function fillAndSubmit(canvasElement: HTMLElement, current: string, next: string, confirm = next) {
  const form = await formOf(canvasElement);
  await userEvent.type(form.current, current);
  await userEvent.type(form.next, next);
  await userEvent.type(form.confirm, confirm);
  await userEvent.click(form.submit);
  return form;
}

/** The seed's policy: at least 8 characters, a number and a special character. */
export const DefaultPolicy: Story = { name: 'Default policy' };

/** A partner serving NIST SP 800-63B: at least 15 characters, no composition rules. */
export const NistPolicy: Story = { name: 'NIST policy', parameters: { mock: { passwordPolicy: 'nist', reauth: 'never' } } };

/** Typing a new password: the checklist is partly met (length, not yet a number or special character). */
export const Typing: Story = {
  play: async ({ canvasElement }) => {
    const { next } = await formOf(canvasElement);
    await userEvent.type(next, 'sunnydays');
  },
};

/** The confirmation does not match: a message at the field, nothing sent. */
export const Mismatch: Story = {
  play: async ({ canvasElement }) => {
    const { confirm } = await fillAndSubmit(canvasElement, MOCK_PASSWORD, NEW_PASSWORD, `${NEW_PASSWORD}?`);
    await waitFor(() => expect(confirm).toHaveAttribute('aria-invalid', 'true'));
  },
};

/** The current password is wrong (422 `invalid-credentials`): it is cleared, the new ones stay. */
export const WrongCurrentPassword: Story = {
  name: 'Wrong current password',
  play: async ({ canvasElement }) => {
    const { current } = await fillAndSubmit(canvasElement, 'not-my-password', NEW_PASSWORD);
    await waitFor(() => expect(current).toHaveAttribute('aria-invalid', 'true'), { timeout: 4000 });
  },
};

/** The server rejects a breached password (422 `password-rejected`) and says why. */
export const Breached: Story = {
  play: async ({ canvasElement }) => {
    const { next } = await fillAndSubmit(canvasElement, MOCK_PASSWORD, BREACHED_PASSWORDS[0] ?? 'Password1!');
    await waitFor(() => expect(next).toHaveAttribute('aria-invalid', 'true'), { timeout: 4000 });
  },
};

/** 429 with `Retry-After: 120`: how long to wait, and everything typed stays. */
export const RateLimited: Story = {
  name: 'Rate limited (429)',
  beforeEach: withBackend((backend) => {
    backend.use(
      http.post(api('/password'), () =>
        problem(429, 'rate-limited', 'Too many requests', { extra: { retryAfter: 120 }, headers: { 'Retry-After': '120' } }),
      ),
    );
  }),
  play: async ({ canvasElement }) => {
    const { host } = await fillAndSubmit(canvasElement, MOCK_PASSWORD, NEW_PASSWORD);
    await waitFor(() => expect(host.querySelector('.alert.danger[role="alert"]')).not.toBeNull(), { timeout: 4000 });
  },
};

/** Changed: the fields are cleared, the change announced, and "Sign out all other sessions" offered. */
export const SuccessWithSignOutOffer: Story = {
  name: 'Success with sign-out offer',
  play: async ({ canvasElement }) => {
    const { host } = await fillAndSubmit(canvasElement, MOCK_PASSWORD, NEW_PASSWORD);
    await waitFor(() => expect(host.shadowRoot?.querySelector('[part="done"] button')).toBeTruthy(), { timeout: 4000 });
  },
};

/**
 * Signing out other sessions needs its own "Confirm it's you" (`reauth: 'always'`). The
 * play changes the password to `Sunny-days-42` and asks to sign out the others: type
 * that new password in the dialog.
 */
export const Reauthentication: Story = {
  name: 'Re-authentication',
  parameters: { mock: { reauth: 'always' } },
  play: async ({ canvasElement }) => {
    const { host } = await fillAndSubmit(canvasElement, MOCK_PASSWORD, NEW_PASSWORD);
    const offer = await waitForElement(() => host.shadowRoot?.querySelector<HTMLButtonElement>('[part="done"] button'), 'the sign-out offer');
    await userEvent.click(offer);
    await waitForElement(() => canvasElement.querySelector<HTMLInputElement>('dn-reauth-dialog input[type="password"]'), 'the dialog');
  },
};
