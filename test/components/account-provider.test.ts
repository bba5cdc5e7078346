import { expect, fixture, html } from '@open-wc/testing';
import { within } from 'shadow-dom-testing-library';
import type { AccountApi } from '../../src/api/account-api.js';
import type { AccountStore } from '../../src/api/resource-store.js';
import { MockStore } from '../../mock/index.js';
import { DnAccountProvider as DnAccountProviderClass, type DnAccountProvider } from '../../src/components/account-provider/account-provider.js';
import type { DnProfileForm } from '../../src/components/profile-form/profile-form.js';
import '../../src/components/account-provider/account-provider.js';
import '../../src/components/profile-form/profile-form.js';
import '../../src/components/preferences/preferences.js';
import '../../src/components/session-list/session-list.js';
import { formatDateTime } from '../../src/i18n/format.js';
import { addTranslations } from '../../src/i18n/i18n.js';
import { mockBackend, mount, requestsTo, settled, typeInto, until, visibleText } from '../helpers/fixture.js';

describe('dn-account-provider', () => {
  it('is accessible with an element inside', async () => {
    const { provider } = await mount<DnProfileForm>(html`<dn-profile-form></dn-profile-form>`);
    await expect(provider).to.be.accessible();
  });

  it('builds a REST client from api-base', async () => {
    const backend = await mockBackend();
    const provider = await fixture<DnAccountProvider>(
      html`<dn-account-provider api-base="/api/account"><dn-profile-form></dn-profile-form></dn-account-provider>`,
    );
    await settled(provider.querySelector('dn-profile-form')!);
    expect(requestsTo(backend, 'getProfile')).to.have.length(1);
  });

  it('lets an element without a provider use /api/account, English and the light theme', async () => {
    const backend = await mockBackend();
    const el = await fixture<DnProfileForm>(html`<dn-profile-form></dn-profile-form>`);
    await settled(el);
    expect(requestsTo(backend, 'getProfile')).to.have.length(1);
    expect(el.getAttribute('data-dn-theme')).to.equal('light');
    expect(el.getAttribute('data-dn-density')).to.equal('comfortable');
    expect(visibleText(el)).to.contain('Display name');
  });

  it('passes any AccountApi object instead of REST', async () => {
    const store = new MockStore();
    const calls: string[] = [];
    // Only what the element calls: any object with AccountApi's methods will do.
    const api = {
      getProfile: async () => {
        calls.push('getProfile');
        return { ...store.getProfile(), displayName: 'From an SDK' };
      },
    } as unknown as AccountApi;
    const provider = await fixture<DnAccountProvider>(html`<dn-account-provider .api=${api}><dn-profile-form></dn-profile-form></dn-account-provider>`);
    const el = provider.querySelector('dn-profile-form')!;
    await settled(el);
    expect(calls).to.deep.equal(['getProfile']);
    expect((within(el).getByShadowLabelText('Display name') as HTMLInputElement).value).to.equal('From an SDK');
  });

  it('switches locale, direction, theme and density live for every element below', async () => {
    const { el, provider } = await mount<DnProfileForm>(html`<dn-profile-form></dn-profile-form>`);
    provider.locale = 'de';
    provider.theme = 'dark';
    provider.density = 'compact';
    await until(() => visibleText(el).includes('Anzeigename'), 'German strings');
    expect(el.getAttribute('lang')).to.equal('de');
    expect(el.getAttribute('data-dn-theme')).to.equal('dark');
    expect(el.getAttribute('data-dn-density')).to.equal('compact');
    expect(getComputedStyle(el).backgroundColor).not.to.equal('rgb(255, 255, 255)');

    provider.locale = 'ar';
    await until(() => el.getAttribute('dir') === 'rtl' && visibleText(el).includes('الاسم المعروض'), 'Arabic, right to left');
    provider.locale = 'es';
    await until(() => el.getAttribute('dir') === 'ltr' && visibleText(el).includes('Nombre visible'), 'Spanish');
  });

  it('falls back to English for a locale it does not have', async () => {
    const { el } = await mount<DnProfileForm>(html`<dn-profile-form></dn-profile-form>`, { locale: 'sw' });
    expect(visibleText(el)).to.contain('Display name');
  });

  it('lets a host override any string', async () => {
    const { el } = await mount<DnProfileForm>(html`<dn-profile-form></dn-profile-form>`);
    addTranslations('en', { profile: { title: 'Your DialNexa profile' } });
    await until(() => visibleText(el).includes('Your DialNexa profile'));
    addTranslations('en', { profile: { title: 'Profile' } });
  });

  it('applies the saved display preferences with load-preferences, and keeps its own when loading fails', async () => {
    const backend = await mockBackend();
    backend.store.updatePreferences({ theme: 'dark', density: 'compact', timeFormat: '24h', dateFormat: 'YYYY-MM-DD' });
    const provider = await fixture<DnAccountProvider>(
      html`<dn-account-provider api-base="/api/account" theme="light" load-preferences><dn-profile-form></dn-profile-form></dn-account-provider>`,
    );
    const el = provider.querySelector('dn-profile-form')!;
    await until(() => el.getAttribute('data-dn-theme') === 'dark', 'the saved theme on the element');
    expect(provider.theme).to.equal('dark');
    expect(el.getAttribute('data-dn-density')).to.equal('compact');
    expect([provider.timeFormat, provider.dateFormat]).to.deep.equal(['24h', 'YYYY-MM-DD']);
    expect(requestsTo(backend, 'getPreferences')).to.have.length(1);

    // Without the attribute nothing is fetched.
    const plain = await fixture<DnAccountProvider>(html`<dn-account-provider api-base="/api/account" theme="light"></dn-account-provider>`);
    await plain.updateComplete;
    expect(requestsTo(backend, 'getPreferences')).to.have.length(1);
    expect(plain.theme).to.equal('light');
  });

  it('reads the saved preferences once with <dn-preferences> on the page, and follows what it saves', async () => {
    const backend = await mockBackend();
    backend.store.updatePreferences({ theme: 'dark' });
    const provider = await fixture<DnAccountProvider>(
      html`<dn-account-provider api-base="/api/account" theme="light" load-preferences><dn-preferences></dn-preferences></dn-account-provider>`,
    );
    const el = provider.querySelector('dn-preferences')!;
    await settled(el);
    await until(() => provider.theme === 'dark', 'the saved theme');
    const system = within(el.shadowRoot as unknown as HTMLElement).getByRole('radio', { name: 'System' }) as HTMLInputElement;
    expect(within(el.shadowRoot as unknown as HTMLElement).getByRole('radio', { name: 'Dark' })).to.have.property('checked', true);
    expect(requestsTo(backend, 'getPreferences'), 'one request for the provider and the element').to.have.length(1);

    system.click();
    await until(() => backend.store.getPreferences().theme === 'system', 'the choice saved');
    await until(() => provider.theme === 'system', 'the provider follows');
    expect(el.getAttribute('data-dn-theme')).to.equal('system');
    expect(requestsTo(backend, 'getPreferences')).to.have.length(1);
  });

  it('shows every date in the time zone and language saved in the profile, live, with load-preferences', async () => {
    const backend = await mockBackend();
    backend.store.updateProfile({ timezone: 'America/New_York' });
    const provider = await fixture<DnAccountProvider>(
      html`<dn-account-provider api-base="/api/account" time-zone="Europe/Berlin" load-preferences
        ><dn-profile-form></dn-profile-form><dn-session-list></dn-session-list
      ></dn-account-provider>`,
    );
    const form = provider.querySelector('dn-profile-form')!;
    const sessions = provider.querySelector('dn-session-list')!;
    await settled(form);
    await settled(sessions);
    const session = backend.store.listSessions().items.find((item) => !item.current)!;
    const signedIn = () =>
      [...sessions.shadowRoot!.querySelectorAll('[part="signed-in"]')].map((node) => node.textContent!.trim());
    const shownIn = (timeZone: string, locale = 'en') => formatDateTime(session.createdAt, { locale, timeZone, dateFormat: 'auto', timeFormat: 'auto' });
    // The saved zone wins over the attribute once the profile arrives (one request for both readers).
    await until(() => signedIn().some((text) => text.includes(shownIn('America/New_York'))), 'the saved time zone');
    expect(provider.timeZone).to.equal('America/New_York');
    expect(requestsTo(backend, 'getProfile')).to.have.length(1);

    const zone = within(form).getByShadowLabelText('Time zone') as HTMLInputElement;
    await typeInto(zone, 'Asia/Tokyo');
    within(form).getByShadowRole('button', { name: 'Save changes' }).click();
    await until(() => backend.store.getProfile().timezone === 'Asia/Tokyo', 'the time zone saved');
    await until(() => signedIn().some((text) => text.includes(shownIn('Asia/Tokyo'))), 'the sessions in Tokyo time');
    expect(shownIn('Asia/Tokyo')).not.to.equal(shownIn('America/New_York'));

    const language = within(form).getByShadowRole('combobox', { name: 'Language' }) as HTMLSelectElement;
    language.value = 'de';
    language.dispatchEvent(new Event('change', { bubbles: true }));
    within(form).getByShadowRole('button', { name: 'Save changes' }).click();
    await until(() => visibleText(sessions).includes('Aktive Sitzungen'), 'the sessions in German');
    await until(() => signedIn().some((text) => text.includes(shownIn('Asia/Tokyo', 'de'))), 'German dates, still in Tokyo time');
    expect(provider.locale).to.equal('de');
    expect(requestsTo(backend, 'getProfile')).to.have.length(1);

    // The host's own switch holds until the user saves a different language.
    provider.locale = 'es';
    await until(() => visibleText(form).includes('Guardar cambios'), 'the form in Spanish');
    await typeInto(within(form).getByShadowLabelText(/Empresa/) as HTMLInputElement, 'Acme');
    within(form).getByShadowRole('button', { name: 'Guardar cambios' }).click();
    await until(() => backend.store.getProfile().company === 'Acme', 'the company saved');
    await provider.updateComplete;
    expect(provider.locale).to.equal('es');
  });

  it('keeps the attributes for a saved language the page has no strings for, and without load-preferences', async () => {
    const backend = await mockBackend();
    backend.store.updateProfile({ language: 'sw', timezone: 'Asia/Tokyo' });
    const provider = await fixture<DnAccountProvider>(
      html`<dn-account-provider api-base="/api/account" locale="de" time-zone="Europe/Berlin" load-preferences></dn-account-provider>`,
    );
    await until(() => provider.timeZone === 'Asia/Tokyo', 'the saved time zone');
    expect(provider.locale).to.equal('de');

    const plain = await fixture<DnAccountProvider>(
      html`<dn-account-provider api-base="/api/account" time-zone="Europe/Berlin"><dn-profile-form></dn-profile-form></dn-account-provider>`,
    );
    await settled(plain.querySelector('dn-profile-form')!);
    expect(plain.timeZone).to.equal('Europe/Berlin');
  });

  it('keeps the attributes when the saved preferences cannot be loaded', async () => {
    const { http, HttpResponse } = await import('msw');
    const backend = await mockBackend();
    let asked = 0;
    backend.use(
      http.get('/api/account/preferences', () => {
        asked += 1;
        return HttpResponse.json({ theme: 'neon' });
      }),
    );
    const provider = await fixture<DnAccountProvider>(
      html`<dn-account-provider api-base="/api/account" theme="dark" load-preferences></dn-account-provider>`,
    );
    await until(() => asked === 1, 'the preferences request');
    const store = (provider as unknown as { providedStore: AccountStore }).providedStore;
    await until(() => store.get('preferences').status === 'error', 'the answer refused (not a theme)');
    await provider.updateComplete;
    expect(provider.theme).to.equal('dark');
  });

  it('lets an element change the display preferences for every element below (applyPreferences)', async () => {
    const { el, provider } = await mount<DnProfileForm>(html`<dn-profile-form></dn-profile-form>`);
    provider.applyPreferences({ theme: 'dark', density: 'compact' });
    await until(() => el.getAttribute('data-dn-theme') === 'dark' && el.getAttribute('data-dn-density') === 'compact');
    expect(provider.getAttribute('theme')).to.equal('dark');
  });

  it('reaches elements that were upgraded before it was defined (as in the single-file bundle)', async () => {
    const store = new MockStore();
    const calls: string[] = [];
    const api = {
      getProfile: async () => {
        calls.push('getProfile');
        return { ...store.getProfile(), displayName: 'From the late provider' };
      },
    } as unknown as AccountApi;
    const backend = await mockBackend();
    // A provider tag not defined yet: the form inside upgrades first and finds no provider;
    // the provider is defined later in the same task, as the bundle's module code runs on.
    const host = document.createElement('div');
    host.innerHTML = '<dn-late-provider locale="de"><dn-profile-form></dn-profile-form></dn-late-provider>';
    document.body.append(host);
    const late = host.querySelector('dn-late-provider') as HTMLElement & { api?: AccountApi };
    late.api = api;
    const el = host.querySelector('dn-profile-form')!;
    customElements.define('dn-late-provider', class extends DnAccountProviderClass {});
    await settled(el);
    expect(calls).to.deep.equal(['getProfile']);
    expect(requestsTo(backend, 'getProfile'), 'nothing went to the default REST client').to.have.length(0);
    await until(() => visibleText(el).includes('Anzeigename'), 'the provider\'s locale');
    expect((within(el).getByShadowLabelText('Anzeigename') as HTMLInputElement).value).to.equal('From the late provider');
    host.remove();
  });
});
