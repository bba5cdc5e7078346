/**
 * Strings travel with the elements: a page that imports only `<dn-session-list>` holds the
 * strings every element shares and the session list's, in English at once and in another
 * locale per feature; an element defined later on a German page loads its German strings
 * then and shows German from its first render. Web Test Runner gives this file a page of its
 * own, so nothing else has registered strings here.
 */
import { aTimeout, expect, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import '../../src/components/session-list/session-list.js';
import type { DnSessionList } from '../../src/components/session-list/session-list.js';
import { i18n, isLocaleReady, registerLocale, registerStrings, translate, type Messages } from '../../src/i18n/i18n.js';
import en from '../../src/i18n/locales/en.js';
import de from '../../src/i18n/locales/de.js';
import { DnElement } from '../../src/internal/dn-element.js';
import { mount, until } from '../helpers/fixture.js';

/** The top-level keys (`sessions`, `common`…) `locale` holds so far. */
const namespaces = (locale: string) => Object.keys((i18n.getResourceBundle(locale, 'translation') as Messages | undefined) ?? {}).sort();
const heading = (el: HTMLElement) => el.shadowRoot?.querySelector('.title, h3')?.textContent?.trim();
const SHARED = ['common', 'errors'];

/** Renders one string of the `probe` feature (registered by the test). */
class ProbeElement extends DnElement {
  override render() {
    return litHtml`<h3>${this.t('probe.title')}</h3>`;
  }
}
customElements.define('dn-test-probe', ProbeElement);

/** Every heading text `el` shows from now on, in order (what a person would have seen). */
function headingsShown(el: HTMLElement): { seen: string[]; stop: () => void } {
  const seen: string[] = [];
  const record = () => {
    const text = heading(el);
    if (text && seen.at(-1) !== text) seen.push(text);
  };
  const observer = new MutationObserver(record);
  observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

describe('strings per feature', () => {
  it("importing <dn-session-list> alone brings its English and the shared strings, and no other element's", async () => {
    expect(namespaces('en')).to.deep.equal([...SHARED, 'sessions'].sort());
    expect(translate('en', 'sessions.title')).to.equal(en.sessions.title);
    expect(translate('en', 'privacy.title'), 'not registered: the key itself').to.equal('privacy.title');
    const { el } = await mount(html`<dn-session-list></dn-session-list>`);
    expect(heading(el)).to.equal(en.sessions.title);
  });

  it('in German, loads the German of the features registered so far, and renders German once settled', async () => {
    expect(i18n.hasResourceBundle('de', 'translation'), 'nothing German before it is used').to.equal(false);
    const { el } = await mount(html`<dn-session-list></dn-session-list>`, { locale: 'de' });
    expect(heading(el)).to.equal(de.sessions.title);
    expect(namespaces('de')).to.deep.equal([...SHARED, 'sessions'].sort());
    expect(isLocaleReady('de')).to.equal(true);
  });

  it('an element defined later on a German page loads its German strings and shows German from its first render', async () => {
    const { provider } = await mount(html`<dn-session-list></dn-session-list>`, { locale: 'de' });
    await import('../../src/components/privacy-settings/privacy-settings.js');
    // Registered in English when its module loaded; its German file is on its way.
    expect(translate('en', 'privacy.title')).to.equal(en.privacy.title);
    const el = document.createElement('dn-privacy-settings');
    provider.append(el);
    const shown = headingsShown(el);
    await until(() => heading(el) === de.privacy.title, 'the German title');
    shown.stop();
    expect(shown.seen, 'never English first').to.deep.equal([de.privacy.title]);
    expect(namespaces('de')).to.deep.equal([...SHARED, 'privacy', 'sessions'].sort());
    expect(i18n.getResourceBundle('de', 'translation').privacy).to.deep.equal(de.privacy);
  });

  it("holds an element's update while the strings it uses load, and not the others'", async () => {
    const { el: list, provider } = await mount<DnSessionList>(html`<dn-session-list></dn-session-list>`, { locale: 'de' });
    let arrive!: (messages: Messages) => void;
    // German is in use, so registering starts loading the feature's German at once.
    registerStrings({ at: 'probe', en: { title: 'Probe' }, locales: { de: () => new Promise<Messages>((resolve) => (arrive = resolve)) } });
    expect(arrive, 'the German file was asked for').to.be.a('function');
    expect(isLocaleReady('de')).to.equal(false);
    expect(isLocaleReady('de', ['sessions', 'common'])).to.equal(true);

    const probe = document.createElement('dn-test-probe') as ProbeElement;
    provider.append(probe);
    await aTimeout(100);
    expect(probe.hasUpdated, 'nothing rendered yet: neither English nor a key').to.equal(false);
    expect(probe.shadowRoot!.querySelector('h3')).to.equal(null);

    // The session list uses none of it: it keeps updating meanwhile.
    list.requestUpdate();
    const listUpdated = await Promise.race([list.updateComplete.then(() => 'updated'), aTimeout(1000).then(() => 'held')]);
    expect(listUpdated).to.equal('updated');

    arrive({ title: 'Sonde' });
    await until(() => heading(probe) === 'Sonde', 'the German probe');
    expect(isLocaleReady('de')).to.equal(true);
  });

  it('renders English after a while when strings never arrive, and the translation when they do', async () => {
    let arrive!: (messages: Messages) => void;
    registerLocale('nl', () => new Promise<Messages>((resolve) => (arrive = resolve)));
    const { el } = await mount(html`<dn-session-list></dn-session-list>`, { locale: 'nl' });
    // A stalled loader costs the wait (3 s), not the page: English shows.
    await until(() => heading(el) === en.sessions.title, 'English', 6000);
    arrive({ sessions: { title: 'Actieve sessies' } });
    await until(() => heading(el) === 'Actieve sessies', 'the Dutch title');
  });

  it('"Confirm it\'s you" brings its strings, and the passkey prompt\'s, when it first loads, in the page\'s language', async () => {
    await mount(html`<dn-session-list></dn-session-list>`, { locale: 'de' });
    expect(namespaces('en'), 'not carried by the list itself').not.to.include.members(['reauth']);
    expect(namespaces('en')).not.to.include.members(['webauthn']);
    await import('../../src/components/reauth-dialog/reauth-dialog.js');
    expect(namespaces('en')).to.include.members(['reauth', 'webauthn']);
    expect(translate('en', 'reauth.title')).to.equal(en.reauth.title);
    await until(() => isLocaleReady('de'), 'the German of the dialog');
    expect(i18n.getResourceBundle('de', 'translation').reauth).to.deep.equal(de.reauth);
    expect(i18n.getResourceBundle('de', 'translation').webauthn).to.deep.equal(de.webauthn);
  });
});
