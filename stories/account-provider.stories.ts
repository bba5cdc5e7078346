import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { withBackend } from './support/mock.js';
import { avatarPng } from './support/play.js';

/**
 * `<dn-account-provider>` is not visual: it hands the API client and the user's
 * settings to every `dn-` element inside it. Every story already sits in one (set by
 * the toolbar); this one nests a second provider whose attributes are the controls,
 * so you can try each setting on a profile form.
 */
const meta = {
  title: 'Elements/Account provider',
  component: 'dn-account-provider',
  args: {
    'api-base': '/api/account',
    locale: 'en',
    theme: 'light',
    density: 'comfortable',
    'time-zone': 'Europe/Berlin',
    'date-format': 'auto',
    'time-format': 'auto',
  },
  argTypes: {
    // Properties only (objects): set them from script, as the README shows.
    api: { control: false },
    apiOptions: { control: false },
    locale: { control: 'select', options: ['en', 'de', 'es', 'ar'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'system'] },
    density: { control: 'inline-radio', options: ['comfortable', 'compact'] },
    'time-zone': { control: 'select', options: ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Dubai', 'Asia/Tokyo'] },
    'date-format': { control: 'select', options: ['auto', 'DD/MM/YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD', 'D MMM YYYY'] },
    'time-format': { control: 'inline-radio', options: ['auto', '12h', '24h'] },
  },
  render: (args) => html`<dn-account-provider
    api-base=${String(args['api-base'])}
    locale=${String(args['locale'])}
    theme=${String(args['theme'])}
    density=${String(args['density'])}
    time-zone=${String(args['time-zone'])}
    date-format=${String(args['date-format'])}
    time-format=${String(args['time-format'])}
  >
    <dn-profile-form></dn-profile-form>
  </dn-account-provider>`,
  beforeEach: withBackend(async (backend) => {
    backend.store.uploadAvatar(await avatarPng());
  }),
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** Every setting as an attribute (see Controls). */
export const Settings: Story = {};

/** German, dark, compact. */
export const GermanDarkCompact: Story = {
  name: 'German, dark, compact',
  args: { locale: 'de', theme: 'dark', density: 'compact' },
  globals: { theme: 'dark' },
};

/** Spanish, following the operating system's light or dark mode. */
export const SpanishSystemTheme: Story = {
  name: 'Spanish, system theme',
  args: { locale: 'es', theme: 'system' },
  globals: { theme: 'system' },
};
