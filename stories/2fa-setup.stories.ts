import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import { MOCK_PASSWORD, totp } from '../mock/index.js';
import '../src/components/2fa-setup/2fa-setup.js';
import { READ_ONLY_CONTEXT, api, problem, withBackend } from './support/mock.js';
import { $, waitForElement } from './support/play.js';

/**
 * `<dn-2fa-setup>` on the mock backend. The code and password fields are rendered in
 * the element's light DOM (so autofill and password managers reach them); everything
 * else is in its shadow root. Plays go by `data-action`, part and autocomplete, so
 * they work in every locale of the toolbar.
 *
 * To finish a setup by hand, add the key shown to any authenticator app (or scan the
 * QR code). "Confirm it's you" takes the demo password `DialNexa#2026`.
 */
const meta = {
  title: 'Elements/Two-factor setup',
  component: 'dn-2fa-setup',
  argTypes: READ_ONLY_CONTEXT,
  parameters: { mock: { reauth: 'never' } },
  render: () => html`<dn-2fa-setup></dn-2fa-setup>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

async function hostOf(canvasElement: HTMLElement): Promise<HTMLElement> {
  return waitForElement(() => {
    const host = canvasElement.querySelector<HTMLElement>('dn-2fa-setup');
    return host?.shadowRoot?.querySelector('[part="summary"]') ? host : null;
  }, 'dn-2fa-setup loaded');
}

/** Opens the setup step and returns the key shown (spaces removed). */
async function openSetup(canvasElement: HTMLElement): Promise<{ host: HTMLElement; secret: string; code: HTMLInputElement }> {
  const host = await hostOf(canvasElement);
  await userEvent.click($(host.shadowRoot!, '[data-action="enable"]'));
  const key = await waitForElement(() => host.shadowRoot!.querySelector('[part="key"]'), 'the key');
  const code = await waitForElement(() => host.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]'), 'the code field');
  return { host, secret: (key.textContent ?? '').replace(/\s/g, ''), code };
}

async function submitCode(field: HTMLInputElement, value: string): Promise<void> {
  await userEvent.clear(field);
  await userEvent.type(field, `${value}{Enter}`);
}

/** Off, for an owner: the recommendation banner and "Turn on". */
export const Off: Story = {};

/** On, with only 2 backup codes left: the warning. */
export const OnFewCodesLeft: Story = {
  name: 'On (few codes left)',
  beforeEach: withBackend((backend) => {
    backend.use(
      http.get(api('/two-factor'), () =>
        HttpResponse.json({ enabled: true, enabledAt: new Date(Date.now() - 60 * 86_400_000).toISOString(), backupCodesRemaining: 2, recommended: true }),
      ),
    );
  }),
};

/** The setup step: QR code, the key in groups of four, the code field. */
export const QrStep: Story = {
  name: 'QR step',
  play: async ({ canvasElement }) => {
    const { host } = await openSetup(canvasElement);
    const canvas = $<HTMLCanvasElement>(host.shadowRoot!, 'canvas');
    await waitFor(() => expect(canvas.width).toBeGreaterThan(0), { timeout: 8000 });
  },
};

/** A wrong code: the message at the field, focus kept there. */
export const WrongCode: Story = {
  name: 'Code step, wrong code',
  play: async ({ canvasElement }) => {
    const { code } = await openSetup(canvasElement);
    await submitCode(code, '000000');
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'), { timeout: 8000 });
  },
};

/** The right code (computed from the key on screen): the 10 backup codes, shown once. */
export const BackupCodes: Story = {
  name: 'Backup codes',
  play: async ({ canvasElement }) => {
    const { host, secret, code } = await openSetup(canvasElement);
    await submitCode(code, await totp(secret));
    await waitForElement(() => host.shadowRoot!.querySelector('[part="codes"]'), 'the backup codes');
  },
};

/** 2FA on: "Generate new backup codes" asks for the password (filled in), then shows the new set. */
export const Regenerate: Story = {
  parameters: { mock: { reauth: 'never', twoFactorEnabled: true } },
  play: async ({ canvasElement }) => {
    const host = await hostOf(canvasElement);
    await userEvent.click($(host.shadowRoot!, '[data-action="regenerate"]'));
    const password = await waitForElement(() => host.querySelector<HTMLInputElement>('input[autocomplete="current-password"]'), 'password');
    await userEvent.type(password, `${MOCK_PASSWORD}{Enter}`);
    await waitForElement(() => host.shadowRoot!.querySelector('[part="codes"]'), 'the new codes');
  },
};

/** 2FA on: "Turn off" opens the confirmation (password, or a code from the app). */
export const Disable: Story = {
  parameters: { mock: { reauth: 'never', twoFactorEnabled: true } },
  play: async ({ canvasElement }) => {
    const host = await hostOf(canvasElement);
    await userEvent.click($(host.shadowRoot!, '[data-action="disable"]'));
    await waitForElement(() => host.querySelector('input[autocomplete="current-password"]'), 'password');
  },
};

/** The setup expired before the code was sent (410 `setup-expired`): "Start over". */
export const ExpiredSetup: Story = {
  name: 'Expired setup',
  beforeEach: withBackend((backend) => {
    backend.use(http.post(api('/two-factor/setup/verify'), () => problem(410, 'setup-expired', 'Setup expired')));
  }),
  play: async ({ canvasElement }) => {
    const { host, code } = await openSetup(canvasElement);
    await submitCode(code, '123456');
    await waitFor(() => expect(host.shadowRoot!.querySelector('[part="setup"] .alert.warning')).not.toBeNull(), { timeout: 8000 });
  },
};

/** 429 with `Retry-After: 120` on the code. */
export const RateLimited: Story = {
  name: 'Rate limited (429)',
  beforeEach: withBackend((backend) => {
    backend.use(
      http.post(api('/two-factor/setup/verify'), () =>
        problem(429, 'rate-limited', 'Too many attempts', { extra: { retryAfter: 120 }, headers: { 'Retry-After': '120' } }),
      ),
    );
  }),
  play: async ({ canvasElement }) => {
    const { host, code } = await openSetup(canvasElement);
    await submitCode(code, '123456');
    await waitFor(() => expect(host.querySelector('.alert.danger[role="alert"]')).not.toBeNull(), { timeout: 8000 });
  },
};

/**
 * Every sensitive request needs its own "Confirm it's you" (`reauth: 'always'`): the play
 * clicks "Turn on" and the dialog opens. Type `DialNexa#2026` and Confirm to see the setup.
 */
export const Reauthentication: Story = {
  name: 'Re-authentication',
  parameters: { mock: { reauth: 'always' } },
  render: () => html`<p class="dn-story-note">Demo password for “Confirm it's you”: <code>${MOCK_PASSWORD}</code></p>
    <dn-2fa-setup></dn-2fa-setup>`,
  play: async ({ canvasElement }) => {
    const host = await hostOf(canvasElement);
    await userEvent.click($(host.shadowRoot!, '[data-action="enable"]'));
    await waitForElement(() => canvasElement.ownerDocument.querySelector('dn-reauth-dialog'), 'the dialog');
  },
};
