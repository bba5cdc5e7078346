import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { http } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/account-settings/account-settings.js';
import { DnAccountSettings, SETTINGS_TABS, type SettingsTab } from '../src/components/account-settings/account-settings.js';
import { READ_ONLY_CONTEXT, api, problem, withBackend } from './support/mock.js';
import { $, avatarPng, shadowOf, waitForElement } from './support/play.js';

/**
 * `<dn-account-settings>`: the whole page on the mock backend. Each tab's elements load
 * the first time it opens; the sections live in the element's light DOM (password
 * managers see the password fields). Switch the theme, density and locale toolbars to
 * see the page in each; the stories below also fix them. Below 40rem of width the tabs
 * hide behind a menu button (see "Narrow").
 */
const meta = {
  title: 'Pages/Account settings',
  component: 'dn-account-settings',
  argTypes: {
    ...READ_ONLY_CONTEXT,
    loaders: { control: false },
    tab: { control: 'select', options: [...SETTINGS_TABS] },
    'hash-sync': { control: 'boolean' },
  },
  args: {
    tab: 'profile',
    'hash-sync': false,
    'hidden-tabs': '',
    'hidden-sections': '',
    'billing-href': '',
    'billing-target': '',
    'workspace-href': '',
    'connect-mode': 'redirect',
  },
  parameters: { mock: { reauth: 'when-stale' } },
  render: (args) =>
    html`<dn-account-settings
      tab=${String(args['tab'])}
      ?hash-sync=${Boolean(args['hash-sync'])}
      hidden-tabs=${String(args['hidden-tabs'] ?? '')}
      hidden-sections=${String(args['hidden-sections'] ?? '')}
      billing-href=${String(args['billing-href'] ?? '')}
      billing-target=${String(args['billing-target'] ?? '')}
      workspace-href=${String(args['workspace-href'] ?? '')}
      connect-mode=${String(args['connect-mode'] ?? '')}
    ></dn-account-settings>`,
  beforeEach: withBackend(async (backend) => {
    backend.store.uploadAvatar(await avatarPng());
  }),
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The page's shadow root, once `tab` has loaded (no placeholder left). */
async function pageOf(canvasElement: HTMLElement, tab: SettingsTab): Promise<ShadowRoot> {
  const root = await shadowOf(canvasElement, 'dn-account-settings', `#tab-${tab}[aria-selected="true"]`);
  await waitFor(() => expect(root.querySelector('[part="loading"]')).toBeNull(), { timeout: 8000 });
  return root;
}

/** The Profile tab (the default). */
export const Default: Story = {
  name: 'Default (Profile)',
  play: async ({ canvasElement }) => {
    await pageOf(canvasElement, 'profile');
    await shadowOf(canvasElement, 'dn-profile-form', 'form[part="form"]');
  },
};

/** Password, two-factor authentication, sessions, sign-in activity and trusted devices. */
export const Security: Story = { args: { tab: 'security' } };

/** The notification matrix. */
export const Notifications: Story = { args: { tab: 'notifications' } };

/** Analytics, the data export and the danger zone ("Export your data" leads to the export). */
export const Privacy: Story = { args: { tab: 'privacy' } };

/** Google, Microsoft and GitHub sign-in. */
export const Connected: Story = { name: 'Connected accounts', args: { tab: 'connected' } };

/** Theme, compact mode, date and time format: a choice applies to the whole page at once. */
export const Preferences: Story = { args: { tab: 'preferences' } };

/** Plan, payment method and renewal; "Manage billing" opens `billing-href` in a new tab. */
export const Billing: Story = {
  args: { tab: 'billing', 'billing-href': 'https://billing.example/portal', 'billing-target': '_blank' },
};

/**
 * With `hash-sync` the URL hash follows the tab (`#security`) and Back returns to the
 * previous one; `#privacy/delete-account` opens a tab and focuses a section. The play
 * chooses Security with the keyboard.
 */
export const HashSync: Story = {
  name: 'Hash sync',
  args: { 'hash-sync': true },
  beforeEach: () => {
    const start = location.href;
    return () => history.replaceState(history.state, '', start);
  },
  play: async ({ canvasElement }) => {
    const root = await pageOf(canvasElement, 'profile');
    $(root, '#tab-profile').focus();
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(location.hash).toBe('#security'));
  },
};

/** `hidden-tabs="billing connected"` and `hidden-sections="login-activity delete-account"`: neither shown nor loaded. */
export const Hidden: Story = {
  name: 'Hidden tabs and sections',
  args: { tab: 'security', 'hidden-tabs': 'billing connected', 'hidden-sections': 'login-activity delete-account' },
  play: async ({ canvasElement }) => {
    const root = await pageOf(canvasElement, 'security');
    await expect(root.querySelectorAll('[role="tab"]')).toHaveLength(5);
    await expect(canvasElement.querySelector('dn-login-activity')).toBeNull();
  },
};

/** The host adds its own section at the end of the Security tab (`slot="security"`). */
export const HostSection: Story = {
  name: 'Host section in a slot',
  args: { tab: 'security' },
  render: () => html`<dn-account-settings tab="security">
    <section slot="security" class="dn-story" aria-labelledby="sso-title">
      <h3 id="sso-title">Single sign-on</h3>
      <p class="dn-story-note">Your organisation signs you in with Okta. Ask your administrator to change how you sign in.</p>
    </section>
  </dn-account-settings>`,
};

/** 320 px wide: the tabs hide behind a menu button. The play opens it. */
export const Narrow: Story = {
  name: 'Narrow (320 px)',
  render: () =>
    html`<dn-account-settings
      ${ref((el) => {
        // Set in code: no inline style attribute (CSP).
        if (el instanceof HTMLElement) el.style.maxInlineSize = '320px';
      })}
    ></dn-account-settings>`,
  play: async ({ canvasElement }) => {
    const root = await pageOf(canvasElement, 'profile');
    const button = await waitForElement(() => {
      const found = root.querySelector<HTMLButtonElement>('[part="menu-button"]');
      return found && getComputedStyle(found).display !== 'none' ? found : null;
    }, 'the menu button');
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-expanded', 'true'));
  },
};

/** The whole page in the dark theme. */
export const Dark: Story = { globals: { theme: 'dark' }, args: { tab: 'security' } };

/** The whole page in compact density. */
export const Compact: Story = { globals: { density: 'compact' }, args: { tab: 'security' } };

/** Arabic: right to left, the tabs and the arrow keys mirror. */
export const Arabic: Story = { globals: { locale: 'ar' } };

/** German. */
export const German: Story = { globals: { locale: 'de' }, args: { tab: 'privacy' } };

/** Spanish. */
export const Spanish: Story = { globals: { locale: 'es' }, args: { tab: 'notifications' } };

/** A tab's code does not load (e.g. offline): the message with "Try again" (which loads it). */
export const TabLoadError: Story = {
  name: 'Tab load error',
  args: { tab: 'connected' },
  beforeEach: () => {
    const real = DnAccountSettings.loaders['connected-accounts'];
    let failures = 1;
    DnAccountSettings.loaders['connected-accounts'] = () =>
      failures-- > 0 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : real();
    return () => {
      DnAccountSettings.loaders['connected-accounts'] = real;
    };
  },
  play: async ({ canvasElement }) => {
    const root = await shadowOf(canvasElement, 'dn-account-settings', '[part="error"]');
    await expect($(root, '[part="error"]')).toHaveAttribute('role', 'alert');
  },
};

/** The profile cannot be read (500): the form shows its error inside the page; the tabs still work. */
export const SectionLoadError: Story = {
  name: 'Section load error (500)',
  beforeEach: withBackend((backend) => {
    backend.use(http.get(api('/profile'), () => problem(500, 'internal', 'Internal Server Error')));
  }),
  play: async ({ canvasElement }) => {
    await shadowOf(canvasElement, 'dn-profile-form', '[part="error"]');
  },
};
