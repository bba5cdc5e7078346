import { expect, html } from '@open-wc/testing';
import { screen } from 'shadow-dom-testing-library';
import { mount } from '../helpers/fixture.js';
import '../../src/components/profile-form/profile-form.js';

describe('smoke', () => {
  it('renders the profile', async () => {
    const { el } = await mount(html`<dn-profile-form></dn-profile-form>`);
    const name = (await screen.findByShadowLabelText('Display name')) as HTMLInputElement;
    expect(name.value).to.equal('Amira Haddad');
    expect(el.shadowRoot!.textContent).to.contain('Profile');
  });
});
