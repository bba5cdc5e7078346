import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/notification-matrix/notification-matrix.js';
import { NOTIFICATION_CATALOG } from '../mock/index.js';
import type { NotificationChange, NotificationPreferences } from '../src/api/schemas.js';
import { READ_ONLY_CONTEXT, api, problem, withBackend } from './support/mock.js';
import { $, shadowOf } from './support/play.js';

/** Email for "Low wallet balance" (the fifth type, first column) in the seed catalog. */
const LOW_BALANCE_EMAIL = '[part="switch"][data-row="4"][data-col="0"]';

/**
 * `<dn-notification-matrix>` on the mock backend: notification types (rows, grouped) ×
 * channels (columns), one switch per cell. Every change saves on its own; security
 * alerts are locked on by the server.
 */
const meta = {
  title: 'Elements/Notification matrix',
  component: 'dn-notification-matrix',
  argTypes: READ_ONLY_CONTEXT,
  render: () => html`<dn-notification-matrix></dn-notification-matrix>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The seed catalog at its defaults: "New team member joined" and marketing are off by email, security alerts locked on. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-notification-matrix', '[part="switch"]');
    await expect(root.querySelectorAll('[part="switch"][aria-disabled="true"]').length).toBe(2);
  },
};

/** The preferences never arrive: the loading placeholder stays. */
export const Loading: Story = {
  beforeEach: withBackend((backend) => {
    backend.use(
      http.get(api('/notifications'), async () => {
        await delay('infinite');
      }),
    );
  }),
};

/** The server answers 500 (the client retries twice by itself, then shows the error with "Try again"). */
export const LoadError: Story = {
  name: 'Load error (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.get(api('/notifications'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-notification-matrix', '[part="error"]');
    await expect($(root, '[part="error"]')).toHaveAttribute('role', 'alert');
  },
};

/**
 * Every answer takes 1.5 s: a switch follows the click at once and "Saving…" shows.
 * Toggle quickly: changes made meanwhile go in the next request, one at a time.
 */
export const SavingSlowly: Story = {
  name: 'Saving slowly',
  parameters: { mock: { latencyMs: 1500 } },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-notification-matrix', LOW_BALANCE_EMAIL);
    await userEvent.click($(root, LOW_BALANCE_EMAIL));
    await waitFor(() => expect(root.querySelector('[part="saving"]')).not.toBeNull());
    await expect($(root, LOW_BALANCE_EMAIL)).toHaveAttribute('aria-checked', 'false');
  },
};

/** Saving answers 500: the switch goes back, its row says so and an alert explains. */
export const SaveFailing: Story = {
  name: 'Save failing (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.patch(api('/notifications'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-notification-matrix', LOW_BALANCE_EMAIL);
    await userEvent.click($(root, LOW_BALANCE_EMAIL));
    await waitFor(() => expect(root.querySelector('[part="cell-error"]')).not.toBeNull(), { timeout: 8000 });
    await expect($(root, LOW_BALANCE_EMAIL)).toHaveAttribute('aria-checked', 'true');
    await expect($(root, '[part="save-error"]')).toHaveAttribute('role', 'alert');
  },
};

/** The server lists a third channel (SMS, off by default): a third column, with no change to the element. */
export const ThirdChannel: Story = {
  name: 'Third channel (SMS)',
  beforeEach: withBackend((backend) => {
    const types = NOTIFICATION_CATALOG.types.map((type) => ({ ...type, defaults: { ...type.defaults, sms: false } }));
    let state: NotificationPreferences = structuredClone({
      ...NOTIFICATION_CATALOG,
      channels: [...NOTIFICATION_CATALOG.channels, { id: 'sms', label: 'SMS' }],
      types,
      values: Object.fromEntries(types.map((type) => [type.id, { ...type.defaults }])),
    });
    backend.use(
      http.get(api('/notifications'), () => HttpResponse.json(state)),
      http.patch(api('/notifications'), async ({ request }) => {
        const { changes } = (await request.json()) as { changes: NotificationChange[] };
        state = structuredClone(state);
        for (const change of changes) state.values[change.typeId]![change.channelId] = change.enabled;
        return HttpResponse.json(state);
      }),
      http.post(api('/notifications/reset'), () => {
        state = { ...state, values: Object.fromEntries(state.types.map((type) => [type.id, { ...type.defaults }])) };
        return HttpResponse.json(state);
      }),
    );
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-notification-matrix', '[part="switch"][data-col="2"]');
    await expect(root.querySelectorAll('[part="channel"]').length).toBe(3);
  },
};

/** In a 360 px wide box: one card per notification type, each switch with its channel's name. */
export const Narrow: Story = {
  name: 'Narrow (stacked cards)',
  render: () => html`<div style="max-inline-size: 360px"><dn-notification-matrix></dn-notification-matrix></div>`,
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-notification-matrix', '[part="cell-label"]');
    await waitFor(() => expect(getComputedStyle($(root, '[part="cell-label"]')).display).not.toBe('none'));
  },
};

/** One choice changed, then "Reset to defaults": the confirmation is open, Cancel has focus. */
export const ResetConfirmOpen: Story = {
  name: 'Reset confirm open',
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-notification-matrix', LOW_BALANCE_EMAIL);
    await userEvent.click($(root, LOW_BALANCE_EMAIL));
    const reset = $(root, '[part="reset"]');
    await waitFor(() => expect(reset).toHaveAttribute('aria-disabled', 'false'));
    await waitFor(() => expect(root.querySelector('[part="saving"]')).toBeNull());
    await userEvent.click(reset);
    const dialog = $(root, 'dn-confirm-dialog');
    await waitFor(() => expect(dialog.shadowRoot?.querySelector('dialog')?.open).toBe(true));
  },
};
