import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { delay, http, HttpResponse } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/login-activity/login-activity.js';
import { READ_ONLY_CONTEXT, api, problem, withBackend } from './support/mock.js';
import { $, shadowOf } from './support/play.js';

/**
 * `<dn-login-activity>` on the mock backend: the history of sign-in attempts, newest
 * first, paged from the server's cursor as the list scrolls (or with "Load more").
 * The default seed has a burst of seven failed attempts from São Paulo near the top.
 */
const meta = {
  title: 'Elements/Login activity',
  component: 'dn-login-activity',
  argTypes: READ_ONLY_CONTEXT,
  args: { 'page-size': 50 },
  parameters: { mock: {} },
  render: (args) =>
    html`<dn-login-activity
      page-size=${ifDefined(args['page-size'] as number | undefined)}
      password-href=${ifDefined(args['password-href'] as string | undefined)}
    ></dn-login-activity>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

const TAG = 'dn-login-activity';

/** The first page of 300 attempts; more load as the list scrolls towards its end. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, TAG, '[part="attempt"]');
    await expect($(root, '[part="list"]')).toHaveAttribute('role', 'list');
  },
};

/** "Failed only" ticked: the list reloads from the server with `status=failed`. */
export const FailedOnly: Story = {
  name: 'Failed only',
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, TAG, '[part="attempt"]');
    await userEvent.click($(root, '[part="filter"] input'));
    await waitFor(
      () => {
        const outcomes = [...root.querySelectorAll('[part="attempt"] [part="outcome"]')];
        expect(outcomes.length).toBeGreaterThan(0);
        for (const outcome of outcomes) expect(outcome).toHaveClass('danger');
      },
      { timeout: 8000 },
    );
  },
};

/**
 * Seven failed attempts in a row from São Paulo: the rows are marked, the newest one
 * says how many, and a warning at the top suggests changing the password (a button
 * that emits `dn-password-change-requested`: see the Actions panel).
 */
export const BurstHighlighted: Story = {
  name: 'Burst highlighted',
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, TAG, '[part="burst-note"]');
    await expect($(root, '[part="burst-alert"]')).toBeVisible();
    $(root, '[part="burst-note"]').scrollIntoView({ block: 'center' });
  },
};

/** The same, with `password-href` set: "Change password" is a link to the host's page. */
export const BurstWithPasswordLink: Story = {
  name: 'Burst, with a password link',
  args: { 'password-href': '#change-password' },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, TAG, '[part="burst-alert"]');
    await expect($(root, 'a[part="change-password"]')).toHaveAttribute('href', '#change-password');
  },
};

/** 50,000 attempts in pages of 200: scroll on — only the rows in view are in the DOM. */
export const Thousands: Story = {
  name: 'Thousands (50,000)',
  args: { 'page-size': 200 },
  parameters: { mock: { loginAttempts: 50_000 } },
};

/** No attempt at all yet. */
export const Empty: Story = {
  parameters: { mock: { loginAttempts: 0 } },
};

/** "Failed only" when every attempt succeeded. */
export const EmptyFailedOnly: Story = {
  name: 'Empty (failed only)',
  parameters: { mock: { loginAttempts: 1 } },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, TAG, '[part="attempt"]');
    await userEvent.click($(root, '[part="filter"] input'));
    await shadowOf(canvasElement, TAG, '[part="empty"]');
  },
};

/** The first page never arrives: the loading placeholder stays. */
export const Loading: Story = {
  beforeEach: withBackend((backend) => {
    backend.use(
      http.get(api('/login-activity'), async () => {
        await delay('infinite');
      }),
    );
  }),
};

/** The server answers 500 (the client retries twice by itself, then shows the error with "Try again"). */
export const LoadError: Story = {
  name: 'Load error (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.get(api('/login-activity'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, TAG, '[part="error"]');
    await expect($(root, '[part="error"]')).toHaveAttribute('role', 'alert');
  },
};

/**
 * The first page loads; every next page (a request with a `cursor`) answers 500. The
 * error shows under the list, the loaded rows stay, and the button reads "Try again".
 */
export const LoadMoreFailing: Story = {
  name: 'Load more failing (500)',
  beforeEach: withBackend((backend) => {
    backend.use(
      http.get(api('/login-activity'), ({ request }) =>
        new URL(request.url).searchParams.has('cursor') ? problem(500, 'internal', 'Internal Server Error') : undefined,
      ),
    );
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, TAG, '[part="load-more"]');
    await userEvent.click($(root, '[part="load-more"]'));
    await shadowOf(canvasElement, TAG, '[part="more-error"]');
    await expect(root.querySelectorAll('[part="attempt"]').length).toBeGreaterThan(0);
  },
};

/** A slow server (1.5 s per page): "Loading more…" shows on the button while a page is on its way. */
export const SlowPages: Story = {
  name: 'Slow pages',
  beforeEach: withBackend((backend) => {
    backend.use(
      http.get(api('/login-activity'), async ({ request }) => {
        if (new URL(request.url).searchParams.has('cursor')) await delay(1500);
        return undefined;
      }),
    );
  }),
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, TAG, '[part="load-more"]');
    await userEvent.click($(root, '[part="load-more"]'));
    await waitFor(() => expect($(root, '[part="load-more"]')).toHaveAttribute('aria-busy', 'true'));
  },
};

/** Markup, scripts, bidi overrides, very long text and an unknown failure code from the server render as plain text. */
export const Hostile: Story = {
  parameters: { mock: { hostile: true } },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, TAG, '[part="attempt"]');
    await expect(root.querySelector('img, script')).toBeNull();
  },
};

/** An answer shaped by hand: every failure reason the element knows, and one it does not. */
export const FailureReasons: Story = {
  name: 'Failure reasons',
  beforeEach: withBackend((backend) => {
    const hour = 3_600_000;
    const base = { deviceType: 'desktop', browser: 'Firefox 127', os: 'Windows 11', ip: '192.0.2.10', location: 'Hamburg, Germany' };
    const items = ['wrong-password', 'wrong-2fa-code', 'blocked', 'locked', 'captcha-failed', null].map((failureReason, i) => ({
      ...base,
      id: `att_reason_${i}`,
      at: new Date(Date.now() - (i + 1) * hour).toISOString(),
      success: false,
      failureReason,
      location: i === 5 ? null : base.location,
    }));
    backend.use(http.get(api('/login-activity'), () => HttpResponse.json({ items, nextCursor: null })));
  }),
};
