import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { delay, http } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/privacy-settings/privacy-settings.js';
import { READ_ONLY_CONTEXT, api, problem, withBackend } from './support/mock.js';
import { $, shadowOf } from './support/play.js';

/**
 * `<dn-privacy-settings>` on the mock backend: the anonymous analytics switch (saved at
 * once) and the GDPR data export (request → progress → download link with its expiry).
 * The mock prepares an export in `exportDurationMs` (6 s by default).
 */
const meta = {
  title: 'Elements/Privacy settings',
  component: 'dn-privacy-settings',
  argTypes: READ_ONLY_CONTEXT,
  parameters: { mock: {} },
  render: () => html`<dn-privacy-settings></dn-privacy-settings>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** Loaded, with no export requested yet: analytics on, "Request data export". */
export const Loaded: Story = {};

/** The play requests an export that takes two minutes: the progress bar moves and the button says why it is disabled. */
export const ExportInProgress: Story = {
  name: 'Export in progress',
  parameters: { mock: { exportDurationMs: 120_000 } },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-privacy-settings', '[part="request"]');
    await userEvent.click($(root, '[part="request"]'));
    await waitFor(() => expect(root.querySelector('progress')).not.toBeNull(), { timeout: 8000 });
    await expect($(root, '[part="request"]')).toHaveAttribute('aria-disabled', 'true');
  },
};

/** An export finished earlier: the download link says until when it is available. */
export const ExportReady: Story = {
  name: 'Export ready',
  parameters: { mock: { exportDurationMs: 0 } },
  beforeEach: withBackend((backend) => {
    backend.store.requestDataExport();
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-privacy-settings', '[part="download"]');
    await expect($(root, '[part="download"]')).toHaveAttribute('download');
  },
};

/** The play requests an export that fails: the message, the server's reason, and "Request a new export". */
export const ExportFailed: Story = {
  name: 'Export failed',
  parameters: { mock: { exportDurationMs: 1500, exportFails: true } },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-privacy-settings', '[part="request"]');
    await userEvent.click($(root, '[part="request"]'));
    await waitFor(() => expect(root.querySelector('[part~="failed"]')).not.toBeNull(), { timeout: 8000 });
  },
};

/** Saving the switch answers 500: it flips back and says the change was not saved. */
export const AnalyticsSaveFailing: Story = {
  name: 'Analytics save failing (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.patch(api('/privacy'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-privacy-settings', '[part="switch"]');
    await userEvent.click($(root, '[part="switch"]'));
    await waitFor(() => expect(root.querySelector('[part="analytics-error"]')).not.toBeNull(), { timeout: 8000 });
    await expect($<HTMLInputElement>(root, '[part="switch"]').checked).toBe(true);
  },
};

/** The settings never arrive: the loading placeholder stays. */
export const Loading: Story = {
  beforeEach: withBackend((backend) => {
    backend.use(
      http.get(api('/privacy'), async () => {
        await delay('infinite');
      }),
    );
  }),
};

/** The server answers 500 (the client retries twice by itself, then shows the error with "Try again"). */
export const LoadError: Story = {
  name: 'Load error (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.get(api('/data-export'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-privacy-settings', '[part="error"]');
    await expect($(root, '[part="error"]')).toHaveAttribute('role', 'alert');
  },
};
