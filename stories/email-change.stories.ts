import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import { MOCK_PASSWORD, MOCK_USER, TAKEN_EMAILS } from '../mock/index.js';
import type { EmailChangeState } from '../src/api/schemas.js';
import { READ_ONLY_CONTEXT, api, backendOf, problem, withBackend } from './support/mock.js';
import { $, shadowOf, waitForElement } from './support/play.js';

/**
 * `<dn-email-change>` on the mock backend. Its request form (new address, current
 * password) is rendered in the element's light DOM, so password managers see it;
 * the "check your inbox" panel is in its shadow root.
 *
 * The seeded session signed in days ago, so by default the mock asks to
 * "Confirm it's you" before sending the link: the demo password is `DialNexa#2026`.
 */
const meta = {
  title: 'Elements/Email change',
  component: 'dn-email-change',
  argTypes: READ_ONLY_CONTEXT,
  args: { 'current-email': MOCK_USER.email },
  render: (args) => html`<dn-email-change current-email=${String(args['current-email'] ?? '')}></dn-email-change>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

const NEW_EMAIL = 'amira.haddad@northwind-calls.example';

/** The request form's controls, in the element's light DOM. */
async function formOf(canvasElement: HTMLElement): Promise<{ email: HTMLInputElement; submit: HTMLButtonElement }> {
  const host = await waitForElement(() => canvasElement.querySelector('dn-email-change'), 'dn-email-change');
  const email = await waitForElement(() => host.querySelector<HTMLInputElement>('input[type="email"]'), 'the new-email field');
  return { email, submit: $<HTMLButtonElement>(host, 'button[type="submit"]') };
}

/** The light-DOM error of the new-email field. */
function emailErrorOf(email: HTMLInputElement): HTMLElement {
  return $(email.ownerDocument, `#${email.getAttribute('aria-describedby') ?? ''}`);
}

/** The form, as it first appears (the server asks to re-authenticate when the link is requested). */
export const Form: Story = {};

/** The server wants the current password with the request (`emailChangePasswordRequired`). Demo password: `DialNexa#2026`. */
export const WithCurrentPassword: Story = {
  name: 'With current password',
  parameters: { mock: { emailChangePasswordRequired: true, reauth: 'never' } },
};

/** A verification link was sent and is waiting: resend or cancel. */
export const Pending: Story = {
  beforeEach: withBackend((backend) => {
    backend.store.requestEmailChange({ newEmail: NEW_EMAIL });
  }),
};

/**
 * The pending link has expired (the server still reports the change, with a past
 * `expiresAt`): resend sends a fresh one, cancel drops it.
 */
export const ExpiredPendingLink: Story = {
  name: 'Expired pending link',
  beforeEach: withBackend((backend) => {
    backend.store.requestEmailChange({ newEmail: NEW_EMAIL });
    let expired = true;
    const now = Date.now();
    const state: EmailChangeState = {
      pending: {
        newEmail: NEW_EMAIL,
        requestedAt: new Date(now - 26 * 3600_000).toISOString(),
        expiresAt: new Date(now - 2 * 3600_000).toISOString(),
      },
      passwordRequired: false,
    };
    const fresh = (): undefined => {
      expired = false;
      return undefined; // the mock's own handler answers
    };
    backend.use(
      http.get(api('/email-change'), () => (expired ? HttpResponse.json(state) : undefined)),
      http.post(api('/email-change/resend'), fresh),
      http.delete(api('/email-change'), fresh),
    );
  }),
};

/** Another account already uses the address (409 `email-taken`). */
export const EmailTaken: Story = {
  name: 'Email taken',
  parameters: { mock: { reauth: 'never' } },
  play: async ({ canvasElement }) => {
    const { email, submit } = await formOf(canvasElement);
    await userEvent.type(email, TAKEN_EMAILS[0] ?? 'taken@northwind-calls.example');
    await userEvent.click(submit);
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'), { timeout: 4000 });
    await expect(emailErrorOf(email)).not.toHaveAttribute('hidden');
  },
};

/** 429 with `Retry-After: 120` when the link is requested. */
export const RateLimited: Story = {
  name: 'Rate limited (429)',
  beforeEach: withBackend((backend) => {
    backend.use(
      http.post(api('/email-change'), () =>
        problem(429, 'rate-limited', 'Too many requests', {
          detail: 'Too many email changes. Try again in 2 minutes.',
          extra: { retryAfter: 120 },
          headers: { 'Retry-After': '120' },
        }),
      ),
    );
  }),
  play: async ({ canvasElement }) => {
    const { email, submit } = await formOf(canvasElement);
    await userEvent.type(email, NEW_EMAIL);
    await userEvent.click(submit);
    const host = $(canvasElement, 'dn-email-change');
    await waitFor(() => expect(host.querySelector('.alert.danger[role="alert"]')).not.toBeNull(), { timeout: 4000 });
  },
};

/**
 * Every sensitive request needs its own "Confirm it's you" (`reauth: 'always'`): the
 * play asks for a new address and the dialog opens. Type the demo password
 * `DialNexa#2026` and Confirm: the request goes out again and the link is "sent".
 */
export const Reauthentication: Story = {
  name: 'Re-authentication',
  parameters: { mock: { reauth: 'always' } },
  render: (args) => html`<p class="dn-story-note">Demo password for “Confirm it's you”: <code>${MOCK_PASSWORD}</code></p>
    <dn-email-change current-email=${String(args['current-email'] ?? '')}></dn-email-change>`,
  play: async ({ canvasElement }) => {
    const { email, submit } = await formOf(canvasElement);
    await userEvent.type(email, NEW_EMAIL);
    await userEvent.click(submit);
    const password = await waitForElement(
      () => canvasElement.querySelector<HTMLInputElement>('dn-reauth-dialog input[type="password"]'),
      'the "Confirm it\'s you" password field',
    );
    await waitFor(() => expect(password).toHaveFocus());
  },
};

/**
 * The user opened the link in another tab: when this page gets focus again the
 * element sees the change is no longer pending, announces the new address and
 * fires `dn-email-changed`.
 */
export const Verified: Story = {
  name: 'Verified in another tab',
  beforeEach: withBackend((backend) => {
    backend.store.requestEmailChange({ newEmail: NEW_EMAIL });
  }),
  play: async (context) => {
    const { canvasElement } = context;
    const root = await shadowOf(canvasElement, 'dn-email-change', '[part="pending"]');
    const { store } = backendOf(context);
    store.verifyEmailChange({ token: store.lastEmailVerificationToken() ?? '' });
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect($(root, '[part="status"]')).toHaveTextContent(NEW_EMAIL), { timeout: 4000 });
  },
};
