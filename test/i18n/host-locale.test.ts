/**
 * What a host can do with the strings, as documentation by test: add a locale the
 * library does not ship (its messages, or a function that loads them), switch mounted
 * elements to it through the provider, and override any string of any locale — all
 * live, without a reload. Overrides are undone after each test (tests share one page).
 */
import { expect, html } from '@open-wc/testing';
import { within } from 'shadow-dom-testing-library';
import type { DnAccountProvider } from '../../src/components/account-provider/account-provider.js';
import '../../src/components/privacy-settings/privacy-settings.js';
import { addTranslations, availableLocales, ensureLocale, registerLocale, translate, type Messages } from '../../src/i18n/i18n.js';
import en from '../../src/i18n/locales/en.js';
import de from '../../src/i18n/locales/de.js';
import es from '../../src/i18n/locales/es.js';
import { mount, until } from '../helpers/fixture.js';

/** A host's partial French: what it lacks shows in English. */
const FRENCH = {
  privacy: { title: 'Confidentialité', exportTitle: 'Télécharger vos données' },
  common: { retry: 'Réessayer' },
} satisfies Messages;

const DUTCH = { privacy: { title: 'Privacy en gegevens', exportTitle: 'Uw gegevens downloaden' } } satisfies Messages;

/** The element's heading and its export heading, as a person reads them. */
const heading = (el: HTMLElement) => within(el).getByShadowRole('heading', { level: 2 }).textContent!.trim();
const exportHeading = (el: HTMLElement) => within(el).getByShadowRole('heading', { level: 3 }).textContent!.trim();

async function mountPrivacy(locale = 'en') {
  return mount<HTMLElement & { updateComplete: Promise<unknown> }>(html`<dn-privacy-settings></dn-privacy-settings>`, { locale });
}

/** Switches every element in `provider` to `locale`, as a host's language menu would. */
async function switchTo(provider: DnAccountProvider, locale: string): Promise<void> {
  provider.locale = locale;
  await provider.updateComplete;
}

registerLocale('fr', FRENCH);

describe('a host adds a locale', () => {
  // Needs src/i18n/i18n.ts to remember locales registered with their messages (today only loaders are listed).
  it('lists a locale registered with its messages as available', () => {
    expect(availableLocales()).to.include('fr');
  });

  it('registers its messages: elements switch to it live, and missing strings show in English', async () => {
    const { el, provider } = await mountPrivacy();
    expect(heading(el)).to.equal(en.privacy.title);
    await switchTo(provider, 'fr');
    await until(() => heading(el) === 'Confidentialité', 'the French title');
    expect(exportHeading(el)).to.equal('Télécharger vos données');
    // Not translated by the host: English, never a key.
    expect(within(el).getByShadowRole('switch', { name: en.privacy.analyticsLabel })).to.exist;
    expect(el.lang).to.equal('fr');
    expect(el.dir).to.equal('ltr');
    await switchTo(provider, 'en');
    await until(() => heading(el) === en.privacy.title, 'back to English');
  });

  it('serves a regional variant (fr-CA) with the language\'s strings', async () => {
    const { el } = await mountPrivacy('fr-CA');
    await until(() => heading(el) === 'Confidentialité', 'the French title');
    expect(translate('fr-CA', 'privacy.exportTitle')).to.equal('Télécharger vos données');
  });

  it('registers a loader, called the first time the locale is used, and lists the locale as available', async () => {
    let loads = 0;
    registerLocale('nl', () => {
      loads += 1;
      return Promise.resolve({ default: DUTCH });
    });
    expect(availableLocales()).to.include('nl');
    expect(loads, 'nothing is loaded before the locale is used').to.equal(0);

    const { el, provider } = await mountPrivacy();
    await switchTo(provider, 'nl');
    await until(() => heading(el) === 'Privacy en gegevens', 'the Dutch title once loaded');
    expect(exportHeading(el)).to.equal('Uw gegevens downloaden');
    expect(loads).to.equal(1);

    // A second element in Dutch does not load it again.
    const second = await mountPrivacy('nl');
    expect(heading(second.el)).to.equal('Privacy en gegevens');
    expect(loads).to.equal(1);
  });

  it('mirrors the layout for a right-to-left language', async () => {
    registerLocale('he', { privacy: { title: 'פרטיות' } });
    const { el } = await mountPrivacy('he');
    await until(() => heading(el) === 'פרטיות', 'the Hebrew title');
    expect(el.dir).to.equal('rtl');
    expect(getComputedStyle(el).direction).to.equal('rtl');
  });

  it('a loader may also return the messages themselves (no `default`)', async () => {
    registerLocale('pt', () => Promise.resolve({ privacy: { title: 'Privacidade' } }));
    const { el } = await mountPrivacy('pt');
    await until(() => heading(el) === 'Privacidade', 'the Portuguese title');
  });

  it('keeps English when a loader fails, and says why in the console', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      registerLocale('sv', () => Promise.reject(new Error('offline')));
      const { el } = await mountPrivacy('sv');
      await ensureLocale('sv');
      await el.updateComplete;
      expect(heading(el)).to.equal(en.privacy.title);
      expect(String(warnings[0]?.[0])).to.contain('"sv"');
    } finally {
      console.warn = warn;
    }
  });
});

describe('a host overrides strings', () => {
  afterEach(async () => {
    // Put back what the library ships.
    addTranslations('en', { privacy: { title: en.privacy.title } });
    await ensureLocale('de');
    addTranslations('de', { privacy: { title: de.privacy.title } });
    await ensureLocale('es');
    addTranslations('es', { privacy: { title: es.privacy.title } });
  });

  it('in English: a mounted element re-renders with the new text', async () => {
    const { el } = await mountPrivacy();
    expect(heading(el)).to.equal('Privacy');
    addTranslations('en', { privacy: { title: 'Your data' } });
    await until(() => heading(el) === 'Your data', 'the overridden title');
    // Only that string changed.
    expect(exportHeading(el)).to.equal(en.privacy.exportTitle);
  });

  it('in German, while English stays as shipped', async () => {
    // German loaded first: an override added before a shipped locale loads is the skipped case below.
    await ensureLocale('de');
    addTranslations('de', { privacy: { title: 'Ihre Daten' } });
    const german = await mountPrivacy('de');
    await until(() => heading(german.el) === 'Ihre Daten', 'the overridden German title');
    expect(exportHeading(german.el)).to.equal(de.privacy.exportTitle);
    const english = await mountPrivacy('en');
    expect(heading(english.el)).to.equal(en.privacy.title);
  });

  // Needs src/i18n/i18n.ts to tell "loaded" from "has a bundle": today the override's bundle
  // makes German count as loaded, so the rest of German never arrives.
  it('in a shipped locale before it has loaded, keeping the rest of it', async () => {
    addTranslations('es', { privacy: { title: 'Sus datos' } });
    const { el } = await mountPrivacy('es');
    await until(() => heading(el) === 'Sus datos', 'the overridden Spanish title');
    await until(() => exportHeading(el) !== en.privacy.exportTitle, 'the rest of Spanish');
    expect(heading(el)).to.equal('Sus datos');
    expect(exportHeading(el)).to.equal(es.privacy.exportTitle);
  });

  it('in a locale the host added', async () => {
    const { el } = await mountPrivacy('fr');
    await until(() => heading(el) === 'Confidentialité', 'the French title');
    addTranslations('fr', { privacy: { title: 'Vos données' } });
    await until(() => heading(el) === 'Vos données', 'the overridden French title');
    // Only the title changed; the rest of the host's French stays.
    expect(exportHeading(el)).to.equal(FRENCH.privacy.exportTitle);
    addTranslations('fr', { privacy: { title: FRENCH.privacy.title } });
  });
});
