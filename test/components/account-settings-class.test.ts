/**
 * `<dn-account-settings>` defined from its class alone, as `/define-all` does and as a page that
 * takes the classes from `@dialnexa/account-elements` would: it imports no tab's code itself, and
 * shows each tab once the page has defined that tab's elements. Web Test Runner gives this file a
 * page of its own, so nothing else has defined the section elements here.
 */
import { expect, html } from '@open-wc/testing';
import { DnAccountSettings } from '../../src/components/account-settings/account-settings.component.js';
import { defineElement } from '../../src/internal/define.js';
import '../../src/components/profile-form/profile-form.js';
import { mount, requestsTo, settled, until, visibleText } from '../helpers/fixture.js';

defineElement('dn-account-settings', DnAccountSettings);

const panelOf = (el: DnAccountSettings, tab: string) => el.shadowRoot!.querySelector<HTMLElement>(`#panel-${tab}`)!;
const section = (el: DnAccountSettings, id: string) => el.querySelector<HTMLElement>(`[data-dn-section="${id}"]`);

describe('<dn-account-settings> from its class alone', () => {
  it('is accessible with the tab its page defined', async () => {
    const { el } = await mount<DnAccountSettings>(html`<dn-account-settings></dn-account-settings>`, { reauth: 'never' });
    await until(() => section(el, 'profile'), 'the profile section');
    await settled(section(el, 'profile')!);
    await expect(el).to.be.accessible();
  });

  it('waits for the page to define a tab’s element, importing nothing, then shows it', async () => {
    const { el, backend } = await mount<DnAccountSettings>(html`<dn-account-settings tab="billing"></dn-account-settings>`, { reauth: 'never', settle: false });
    await until(() => panelOf(el, 'billing')?.querySelector('[part="loading"]'), 'the loading placeholder');
    // Nothing defines it but the page: the element waits, and asks the server nothing meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(customElements.get('dn-billing-summary')).to.equal(undefined);
    expect(panelOf(el, 'billing').querySelector('[part="loading"]'), 'still loading').to.exist;
    expect(requestsTo(backend, 'getBillingSummary')).to.have.length(0);

    await import('../../src/components/billing-summary/billing-summary.js');
    await until(() => section(el, 'billing'), 'the billing section');
    const summary = section(el, 'billing')!;
    expect(summary.localName).to.equal('dn-billing-summary');
    await settled(summary);
    expect(requestsTo(backend, 'getBillingSummary')).to.have.length(1);
    expect(panelOf(el, 'billing').querySelector('[part="loading"]')).to.equal(null);
    expect(visibleText(summary)).to.contain('Billing');
  });
});
