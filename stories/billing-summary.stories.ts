import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { delay, http } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/billing-summary/billing-summary.js';
import { READ_ONLY_CONTEXT, api, problem, withBackend } from './support/mock.js';
import { $, shadowOf } from './support/play.js';

/**
 * `<dn-billing-summary>` on the mock backend: plan and price, the card on file with its
 * expiry, and the next renewal. "Manage billing" links to `manage-href`; without one it
 * emits `dn-manage-billing-requested` (see Actions). The mock's `card` option seeds a
 * card that is valid, expires soon, has expired, or is missing.
 */
const meta = {
  title: 'Elements/Billing summary',
  component: 'dn-billing-summary',
  argTypes: READ_ONLY_CONTEXT,
  args: { 'manage-href': '', 'manage-target': '' },
  parameters: { mock: {} },
  render: (args) =>
    html`<dn-billing-summary
      manage-href=${String(args['manage-href'] ?? '')}
      manage-target=${String(args['manage-target'] ?? '')}
    ></dn-billing-summary>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The Growth plan, a valid Visa, and the renewal date. "Manage billing" emits the event. */
export const PaidPlan: Story = {
  name: 'Paid plan',
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-billing-summary', '[part="manage"]');
    await expect(root.querySelector('[part="badge"]')).toBeNull();
    await userEvent.click($(root, 'button[part="manage"]'));
  },
};

/** The card's last month is next month: an "Expires soon" badge and a suggestion to update it. */
export const CardExpiresSoon: Story = {
  name: 'Card expires soon',
  parameters: { mock: { card: 'expiring' } },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-billing-summary', '[part="badge"]');
    await expect($(root, '[part="badge"]')).toHaveClass('warning');
  },
};

/** The card expired last month: "Expired", a request for a new card, and a renewal warning. */
export const CardExpired: Story = {
  name: 'Card expired',
  parameters: { mock: { card: 'expired' } },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-billing-summary', '[part="renewal-warning"]');
    await expect($(root, '[part="badge"]')).toHaveClass('danger');
  },
};

/** A paid plan without a payment method: "No payment method on file" and a renewal warning. */
export const NoCard: Story = {
  name: 'No card on file',
  parameters: { mock: { card: 'none' } },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-billing-summary', '[part="renewal-warning"]');
    await expect(root.querySelector('[part="card-icon"]')).toBeNull();
  },
};

/** The free plan: nothing to pay, no renewal, no card needed; the button reads "See plans". */
export const FreePlan: Story = {
  name: 'Free plan',
  parameters: { mock: { plan: 'free' } },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-billing-summary', '[part="free"]');
    await expect(root.querySelector('[part="payment-method"]')).toBeNull();
    await expect(root.querySelector('[part="renewal"]')).toBeNull();
  },
};

/** `manage-href` and `manage-target="_blank"`: a link that opens a new tab (and says so to screen readers). */
export const WithManageLink: Story = {
  name: 'With manage link',
  args: { 'manage-href': 'https://billing.example/portal', 'manage-target': '_blank' },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-billing-summary', 'a[part="manage"]');
    const link = $(root, 'a[part="manage"]');
    await expect(link).toHaveAttribute('href', 'https://billing.example/portal');
    await expect(link).toHaveAttribute('rel', 'noopener');
  },
};

/** The summary never arrives: the loading placeholder stays. */
export const Loading: Story = {
  beforeEach: withBackend((backend) => {
    backend.use(
      http.get(api('/billing'), async () => {
        await delay('infinite');
      }),
    );
  }),
};

/** The server answers 500 (the client retries twice by itself, then shows the error with "Try again"). */
export const LoadError: Story = {
  name: 'Load error (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.get(api('/billing'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-billing-summary', '[part="error"]');
    await waitFor(() => expect($(root, '[part="error"]')).toHaveAttribute('role', 'alert'));
  },
};

/** Arabic, right to left, with a card that expires soon: the layout mirrors, the card number stays left to right. */
export const Arabic: Story = {
  name: 'RTL (Arabic)',
  globals: { locale: 'ar' },
  parameters: { mock: { card: 'expiring' } },
};
