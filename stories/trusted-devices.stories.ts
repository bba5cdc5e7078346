import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { delay, http } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/trusted-devices/trusted-devices.js';
import { READ_ONLY_CONTEXT, api, problem, withBackend } from './support/mock.js';
import { $, shadowOf } from './support/play.js';

/**
 * `<dn-trusted-devices>` on the mock backend: devices trusted for 30 days after a
 * two-factor sign-in. Revoking one or all asks to confirm in a modal dialog inside
 * the element's shadow root.
 */
const meta = {
  title: 'Elements/Trusted devices',
  component: 'dn-trusted-devices',
  argTypes: READ_ONLY_CONTEXT,
  parameters: { mock: { trustedDevices: 4, reauth: 'never' } },
  render: () => html`<dn-trusted-devices></dn-trusted-devices>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The list once loaded: this device first, with its badge. */
export const Loaded: Story = {};

/** Only the device the user is on. */
export const OneDevice: Story = {
  name: 'One device',
  parameters: { mock: { trustedDevices: 1, reauth: 'never' } },
};

/** Forty devices: every row is rendered, in the page's own flow (no box of its own below 200 rows). */
export const Many: Story = {
  name: 'Many (40)',
  parameters: { mock: { trustedDevices: 40, reauth: 'never' } },
};

/** Two thousand devices: only the rows in view exist in the DOM (each says "n of 2,000" to screen readers). */
export const Thousands: Story = {
  name: 'Thousands (2,000)',
  parameters: { mock: { trustedDevices: 2000, reauth: 'never' } },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-trusted-devices', '[part="device"]');
    await waitFor(() => expect($(root, '[part="device"]')).toHaveAttribute('aria-setsize', '2000'));
    await expect(root.querySelectorAll('[part="device"]').length).toBeLessThan(200);
  },
};

/** No trusted device: the element explains what they are. */
export const Empty: Story = {
  parameters: { mock: { trustedDevices: 0, reauth: 'never' } },
};

/** The list never arrives: the loading placeholder stays. */
export const Loading: Story = {
  beforeEach: withBackend((backend) => {
    backend.use(
      http.get(api('/trusted-devices'), async () => {
        await delay('infinite');
      }),
    );
  }),
};

/** The server answers 500 (the client retries twice by itself, then shows the error with "Try again"). */
export const LoadError: Story = {
  name: 'Load error (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.get(api('/trusted-devices'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-trusted-devices', '[part="error"]');
    await expect($(root, '[part="error"]')).toHaveAttribute('role', 'alert');
  },
};

/** Revoking answers 500: the message shows under the list and the device stays. */
export const RevokeFailing: Story = {
  name: 'Revoke failing (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.delete(api('/trusted-devices/:id'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
};

/**
 * The server asks to confirm it is the user before the first revoke
 * ("Confirm it's you"; the demo password is `DialNexa#2026`).
 */
export const Reauth: Story = {
  name: 'Re-authentication',
  beforeEach: withBackend((backend) => {
    let asked = false;
    backend.use(
      http.delete(api('/trusted-devices/:id'), () => {
        if (asked) return undefined;
        asked = true;
        return problem(403, 'reauth-required', "Confirm it's you", { extra: { methods: ['password'] } });
      }),
    );
  }),
};

/** Markup, scripts, bidi overrides and very long text in the device fields render as plain text. */
export const HostileNames: Story = {
  name: 'Hostile names',
  parameters: { mock: { trustedDevices: 2, hostile: true, reauth: 'never' } },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-trusted-devices', '[part="device"]');
    await waitFor(() => expect(root.querySelectorAll('[part="device"]').length).toBe(3));
    await expect(root.querySelector('img')).toBeNull();
  },
};

/** The confirmation for revoking one device, open: Cancel has focus. */
export const ConfirmDialogOpen: Story = {
  name: 'Confirm dialog open',
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-trusted-devices', '[part="revoke"]');
    const buttons = root.querySelectorAll<HTMLButtonElement>('[part="revoke"]');
    await userEvent.click(buttons[1] ?? $(root, '[part="revoke"]'));
    const dialog = $(root, 'dn-confirm-dialog');
    await waitFor(() => expect(dialog.shadowRoot?.querySelector('dialog')?.open).toBe(true));
  },
};
