import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import '../src/themes/partner-example.css';
import { withBackend } from './support/mock.js';
import { $, avatarPng, profileFormOf, retype } from './support/play.js';

/**
 * Re-branding with tokens only. `src/themes/partner-example.css` sets the brand
 * inputs (`--dn-brand-color`, `--dn-brand-color-dark`, `--dn-brand-contrast`,
 * `--dn-font-family`, `--dn-radius`) inside `.dn-brand-teal`; every semantic token
 * derives from them, in the light and the dark theme. Switch the theme toolbar to
 * see the dark accent.
 */
const meta = {
  title: 'Introduction/Theming',
  render: () => html`<p class="dn-story-note">
      Brand tokens from <code>src/themes/partner-example.css</code>, applied by <code>class="dn-brand-teal"</code> on a
      wrapper. No element styles were touched.
    </p>
    <div class="dn-brand-teal">
      <dn-profile-form></dn-profile-form>
    </div>`,
  beforeEach: withBackend(async (backend) => {
    backend.store.uploadAvatar(await avatarPng());
  }),
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** Edits a field, so Save shows the accent colour and the field the brand's focus ring. */
async function showAccent({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const root = await profileFormOf(canvasElement);
  await retype($<HTMLInputElement>(root, '#company'), 'Teal Telecom');
}

/** The partner brand in the theme of the toolbar. */
export const PartnerBrand: Story = {
  name: 'Partner brand',
  play: showAccent,
};

/** The partner brand in the dark theme (`--dn-brand-color-dark`). */
export const PartnerBrandDark: Story = {
  name: 'Partner brand, dark',
  globals: { theme: 'dark' },
  play: showAccent,
};

/** The default DialNexa brand, for comparison. */
export const DefaultBrand: Story = {
  name: 'Default brand',
  render: () => html`<dn-profile-form></dn-profile-form>`,
  play: showAccent,
};
