import type { Meta, StoryContext, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { delay, http } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import { DENSITIES, THEMES } from '../src/api/schemas.js';
import '../src/components/preferences/preferences.js';
import '../src/components/session-list/session-list.js';
import { READ_ONLY_CONTEXT, api, backendOf, problem, withBackend } from './support/mock.js';
import { $, shadowOf, transitionsSettled } from './support/play.js';

const FORM = '[part~="form"]';
const optionOf = (root: ShadowRoot, name: string, value: string) => $<HTMLInputElement>(root, `input[name="${name}"][value="${value}"]`);

/**
 * The user's saved preferences start as the toolbar's theme and density: `<dn-preferences>`
 * applies the saved ones when it loads, and the toolbar should keep deciding how a story looks.
 */
function savedFromToolbar(context: StoryContext): void {
  const theme = THEMES.find((value) => value === context.globals['theme']) ?? 'light';
  const density = DENSITIES.find((value) => value === context.globals['density']) ?? 'comfortable';
  backendOf(context).store.updatePreferences({ theme, density });
}

/**
 * `<dn-preferences>` on the mock backend: theme, compact mode, date and time format, with
 * a preview of now in the chosen formats. Every choice applies at once to every element
 * under the story's provider and is saved (watch `dn-preferences-changed` in Actions).
 */
const meta = {
  title: 'Elements/Preferences',
  component: 'dn-preferences',
  argTypes: { ...READ_ONLY_CONTEXT, settingsControl: { control: false } },
  parameters: { mock: {} },
  beforeEach: savedFromToolbar,
  render: () => html`<dn-preferences></dn-preferences>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** Loaded: the saved preferences, an example of each format and the preview. */
export const Default: Story = {};

/** Saves take 3 seconds: the play chooses Dark, which applies at once while the theme group says "Saving…". */
export const Saving: Story = {
  name: 'Saving (slow)',
  beforeEach: withBackend((backend) => {
    backend.use(
      http.patch(api('/preferences'), async () => {
        await delay(3000);
        return undefined;
      }),
    );
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-preferences', FORM);
    await userEvent.click(optionOf(root, 'theme', 'dark'));
    await waitFor(() => expect($(root, '[part~="theme"]')).toHaveAttribute('aria-busy', 'true'));
    await expect(root.host).toHaveAttribute('data-dn-theme', 'dark');
    await transitionsSettled(root);
  },
};

/** Saving answers 500: the play chooses 24-hour time, which comes back to what it was with a message. */
export const SaveFails: Story = {
  name: 'Save fails (rolls back)',
  beforeEach: withBackend((backend) => {
    backend.use(http.patch(api('/preferences'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-preferences', FORM);
    await userEvent.click(optionOf(root, 'time-format', '24h'));
    await waitFor(() => expect(root.querySelector('[part="save-error"]')).not.toBeNull(), { timeout: 8000 });
    await expect(optionOf(root, 'time-format', 'auto').checked).toBe(true);
  },
};

/** The preferences never arrive: the loading placeholder stays. */
export const Loading: Story = {
  beforeEach: withBackend((backend) => {
    backend.use(
      http.get(api('/preferences'), async () => {
        await delay('infinite');
      }),
    );
  }),
};

/** The server answers 500 (the client retries twice by itself, then shows the error with "Try again"). */
export const LoadError: Story = {
  name: 'Load error (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.get(api('/preferences'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-preferences', '[part="error"]');
    await expect($(root, '[part="error"]')).toHaveAttribute('role', 'alert');
  },
};

/**
 * With a session list under the same provider: the play chooses Dark, compact mode and
 * 24-hour time, and the list follows each at once ("Signed in …" switches to 24-hour time).
 */
export const InsidePage: Story = {
  name: 'Inside a page',
  render: () => html`<div class="dn-story-stack">
    <dn-preferences></dn-preferences>
    <dn-session-list></dn-session-list>
  </div>`,
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-preferences', FORM);
    // The list renders only the rows in view (it may sit below the fold): wait for the list itself.
    const list = await shadowOf(canvasElement, 'dn-session-list', '[part="list"]');
    await userEvent.click(optionOf(root, 'theme', 'dark'));
    await userEvent.click($(root, '[part="switch"]'));
    await userEvent.click(optionOf(root, 'time-format', '24h'));
    await waitFor(() => expect(list.host).toHaveAttribute('data-dn-theme', 'dark'));
    await waitFor(() => expect(list.host).toHaveAttribute('data-dn-density', 'compact'));
    // The theme change fades colours in: let it end before the accessibility check reads contrast.
    await transitionsSettled(root, list);
  },
};

/** Arabic, right to left: the examples and the preview in Arabic formats. */
export const Arabic: Story = {
  globals: { locale: 'ar' },
};
