import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { screen, within } from 'shadow-dom-testing-library';
import type { TemplateResult } from 'lit';
import {
  DnAccountSettings,
  SETTINGS_TABS,
  TAB_SECTIONS,
  type SettingsSection,
  type SettingsTab,
} from '../../src/components/account-settings/account-settings.js';
import '../../src/components/account-settings/account-settings.js';
import { mount, nextFrame, requestsTo, settled, typeInto, until, visibleText, type MountOptions } from '../helpers/fixture.js';
import { deepActive } from '../helpers/dialogs.js';
import { headingOutline, outlineProblems } from '../helpers/outline.js';

const TAB_NAMES: Record<SettingsTab, string> = {
  profile: 'Profile',
  security: 'Security',
  notifications: 'Notifications',
  privacy: 'Privacy',
  connected: 'Connected accounts',
  preferences: 'Preferences',
  billing: 'Billing',
};

const mountPage = (options: MountOptions = {}, template: TemplateResult = html`<dn-account-settings></dn-account-settings>`) =>
  mount<DnAccountSettings>(template, { reauth: 'never', ...options });

const tabButton = (el: DnAccountSettings, tab: SettingsTab) => el.shadowRoot!.querySelector<HTMLButtonElement>(`#tab-${tab}`)!;
const panelOf = (el: DnAccountSettings, tab: SettingsTab) => el.shadowRoot!.querySelector<HTMLElement>(`#panel-${tab}`)!;
const tabNames = (el: DnAccountSettings) => [...el.shadowRoot!.querySelectorAll('[role="tab"]')].map((t) => t.textContent!.trim());
const selectedTab = (el: DnAccountSettings) => el.shadowRoot!.querySelector('[role="tab"][aria-selected="true"]')?.id.replace('tab-', '');
const containerOf = (el: DnAccountSettings, tab: SettingsTab) => el.querySelector<HTMLElement>(`:scope > .dn-settings-panel[slot="panel-${tab}"]`);
const section = (el: DnAccountSettings, id: SettingsSection) => el.querySelector<HTMLElement>(`[data-dn-section="${id}"]`);
const currentPassword = (el: DnAccountSettings) => section(el, 'password')?.querySelector('input[autocomplete="current-password"]') ?? undefined;

/** Whether `node` is inside `host`, through shadow roots. */
function isInside(host: Node, node: Node | null): boolean {
  let current: Node | null = node;
  while (current) {
    if (current === host) return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}

/** Waits until the shown tab's elements are loaded and every section in it finished loading. */
async function tabSettled(el: DnAccountSettings): Promise<void> {
  await settled(el, 'the tab to load');
  await until(() => containerOf(el, el.tab), 'the tab content');
  await el.updateComplete;
  for (const child of containerOf(el, el.tab)!.children) await settled(child as HTMLElement, `${child.localName} to load`);
  // Colours mid-transition (the tab just selected) would fool the contrast check.
  await Promise.all(document.getAnimations().filter((animation) => animation instanceof CSSTransition).map((animation) => animation.finished));
}

async function showTab(el: DnAccountSettings, tab: SettingsTab): Promise<void> {
  await el.show(tab);
  await tabSettled(el);
}

/** Every element under `root`, through shadow roots. */
function deepElements(root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  for (const child of root.children) {
    out.push(child, ...deepElements(child));
    if (child.shadowRoot) out.push(...deepElements(child.shadowRoot));
  }
  return out;
}

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/** Changes the hash and waits until the page has heard of it (its listener runs before this one's). */
async function setHash(hash: string, el: DnAccountSettings): Promise<void> {
  const heard = oneEvent(window, 'hashchange');
  location.hash = hash;
  await heard;
  await el.updateComplete;
}

function clearHash(): void {
  history.replaceState(null, '', location.pathname + location.search);
}

describe('dn-account-settings', () => {
  afterEach(clearHash);

  it('is accessible', async () => {
    const { el } = await mountPage();
    await tabSettled(el);
    await expect(el).to.be.accessible();
  });

  it("loads each tab's code and data only when it first opens", async () => {
    const { el, backend } = await mountPage();
    await tabSettled(el);
    expect(customElements.get('dn-profile-form')).to.exist;
    for (const tag of ['dn-session-list', 'dn-notification-matrix', 'dn-privacy-settings', 'dn-connected-accounts', 'dn-preferences', 'dn-billing-summary']) {
      expect(customElements.get(tag), tag).to.equal(undefined);
    }
    expect(requestsTo(backend, 'getBillingSummary')).to.have.length(0);
    expect(requestsTo(backend, 'listSessions')).to.have.length(0);
    tabButton(el, 'billing').click();
    await tabSettled(el);
    expect(customElements.get('dn-billing-summary')).to.exist;
    expect(customElements.get('dn-session-list')).to.equal(undefined);
    expect(requestsTo(backend, 'getBillingSummary')).to.have.length(1);
    // Back and forth: nothing loads twice.
    tabButton(el, 'profile').click();
    tabButton(el, 'billing').click();
    await tabSettled(el);
    expect(requestsTo(backend, 'getBillingSummary')).to.have.length(1);
    expect(requestsTo(backend, 'getProfile')).to.have.length(1);
  });

  describe('is accessible on every tab', () => {
    const configs: [string, MountOptions][] = [
      ['light', {}],
      ['dark', { theme: 'dark' }],
      ['compact', { density: 'compact' }],
      ['Arabic, right to left', { locale: 'ar' }],
    ];
    for (const [config, options] of configs) {
      for (const tab of SETTINGS_TABS) {
        it(`${tab} (${config})`, async () => {
          const { el } = await mountPage(options);
          await showTab(el, tab);
          expect(selectedTab(el)).to.equal(tab);
          await expect(el).to.be.accessible();
        });
      }
    }
  });

  describe('headings', () => {
    // The page's title is its h1; each tab panel is named by its tab.
    const page = { level: 1, text: 'Settings' };

    it('gives every section of every tab one heading, below the page title without a gap, none repeating the tab', async () => {
      const { el } = await mountPage();
      for (const tab of SETTINGS_TABS) {
        await showTab(el, tab);
        const outline = [page, ...headingOutline(el)];
        expect(outlineProblems(outline), `${tab}: ${JSON.stringify(outline)}`).to.deep.equal([]);
        const sections = outline.filter((heading) => heading.level === 2);
        expect(sections.length, `${tab}: ${JSON.stringify(outline)}`).to.equal(TAB_SECTIONS[tab].length);
        // The panels are named by their tabs: no heading of the page's own repeats the name.
        expect(el.shadowRoot!.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]')).to.equal(null);
      }
      await showTab(el, 'security');
      expect(headingOutline(el).map((heading) => `h${heading.level} ${heading.text}`)).to.deep.equal([
        'h2 Change password',
        'h2 Two-factor authentication',
        'h2 Passkeys',
        'h2 Active sessions',
        'h2 Sign-in activity',
        'h2 Trusted devices',
      ]);
    });

    it('puts the sections a level lower under a heading of the host (heading-level)', async () => {
      const { el } = await mountPage({}, html`<dn-account-settings tab="privacy" heading-level="3"></dn-account-settings>`);
      await tabSettled(el);
      const outline = [page, { level: 2, text: 'Account' }, ...headingOutline(el)];
      expect(outlineProblems(outline)).to.deep.equal([]);
      expect(outline.slice(2, 4).map((heading) => heading.level)).to.deep.equal([3, 4]);
      expect(section(el, 'privacy')!.getAttribute('heading-level')).to.equal('3');
    });
  });

  describe('by default', () => {
    it('shows the tabs in a labelled tab list, Profile selected, each controlling its panel', async () => {
      const { el } = await mountPage();
      await tabSettled(el);
      const tablist = screen.getByShadowRole('tablist', { name: 'Account settings' });
      expect(tablist.getAttribute('aria-orientation')).to.equal('horizontal');
      expect(tabNames(el)).to.deep.equal(SETTINGS_TABS.map((tab) => TAB_NAMES[tab]));
      expect(within(tablist).getByShadowRole('tab', { name: 'Profile', selected: true })).to.exist;
      expect(el.getAttribute('tab')).to.equal('profile');
      for (const tab of SETTINGS_TABS) {
        const button = tabButton(el, tab);
        const panel = panelOf(el, tab);
        expect(button.getAttribute('aria-controls')).to.equal(panel.id);
        expect(panel.getAttribute('role')).to.equal('tabpanel');
        expect(panel.getAttribute('aria-labelledby')).to.equal(button.id);
        expect(panel.getAttribute('tabindex')).to.equal('0');
        expect(button.tabIndex).to.equal(tab === 'profile' ? 0 : -1);
        expect(panel.hidden).to.equal(tab !== 'profile');
      }
      // The profile form is in the element's light DOM, shown in the Profile panel.
      const form = section(el, 'profile')!;
      expect(form.localName).to.equal('dn-profile-form');
      expect(form.parentElement!.assignedSlot!.parentElement === panelOf(el, 'profile')).to.equal(true);
    });

    it('shows a placeholder while a tab loads', async () => {
      const { el } = await mountPage({ settle: false });
      const panel = panelOf(el, 'profile');
      expect(panel.querySelector('[part="loading"]')).to.exist;
      expect(panel.querySelector('[part="loading"]')!.getAttribute('aria-busy')).to.equal('true');
      await tabSettled(el);
      expect(panel.querySelector('[part="loading"]')).to.equal(null);
    });

    it('sends no dn-settings-tab-changed on the first render, and one per change with the tab and the previous one', async () => {
      const events: CustomEvent<{ tab: string; previous: string | null }>[] = [];
      const listener = (event: CustomEvent<{ tab: string; previous: string | null }>) => events.push(event);
      document.addEventListener('dn-settings-tab-changed', listener);
      try {
        const { el } = await mountPage();
        await tabSettled(el);
        expect(events).to.have.length(0);
        tabButton(el, 'security').click();
        await until(() => events.length === 1);
        expect(events[0]!.detail).to.deep.equal({ tab: 'security', previous: 'profile' });
        expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
        el.tab = 'billing';
        await until(() => events.length === 2);
        expect(events[1]!.detail).to.deep.equal({ tab: 'billing', previous: 'security' });
        tabButton(el, 'billing').click();
        await el.updateComplete;
        expect(events).to.have.length(2);
      } finally {
        document.removeEventListener('dn-settings-tab-changed', listener);
      }
    });

    it('keeps what the user typed when they switch tabs and come back', async () => {
      const { el, backend } = await mountPage();
      await tabSettled(el);
      const form = section(el, 'profile')!;
      const name = within(form).getByShadowLabelText('Display name') as HTMLInputElement;
      await typeInto(name, 'Amira Edited');
      tabButton(el, 'security').click();
      await tabSettled(el);
      expect(panelOf(el, 'profile').hidden).to.equal(true);
      tabButton(el, 'profile').click();
      await el.updateComplete;
      expect(section(el, 'profile') === form).to.equal(true);
      expect((within(form).getByShadowLabelText('Display name') as HTMLInputElement).value).to.equal('Amira Edited');
      expect(requestsTo(backend, 'getProfile')).to.have.length(1);
      expect(requestsTo(backend, 'updateProfile')).to.have.length(0);
    });

    it('renders the password fields where password managers find them: from the document', async () => {
      const { el } = await mountPage();
      await showTab(el, 'security');
      const next = document.querySelector<HTMLInputElement>('input[autocomplete="new-password"]');
      const current = document.querySelector<HTMLInputElement>('input[autocomplete="current-password"]');
      expect(next, 'new-password field in the document').to.exist;
      expect(current, 'current-password field in the document').to.exist;
      expect(el.contains(next)).to.equal(true);
      expect(isInside(section(el, 'password')!, current)).to.equal(true);
    });

    it('renders hostile server text inside the page as inert text', async () => {
      const { el } = await mountPage({ hostile: true });
      // Scrolled to: the session list renders only the rows in view.
      await el.show('security', 'sessions');
      await tabSettled(el);
      const sessions = section(el, 'sessions')!;
      await until(() => visibleText(sessions).includes('<img src=x'), 'the hostile session');
      const all = deepElements(el);
      expect(all.filter((node) => node.localName === 'script')).to.have.length(0);
      expect(all.filter((node) => node.localName === 'img' && node.getAttribute('src') === 'x')).to.have.length(0);
      expect(all.filter((node) => node.hasAttribute('onerror') || node.hasAttribute('onload'))).to.have.length(0);
      expect(selectedTab(el)).to.equal('security');
    });
  });

  describe('with the keyboard', () => {
    it('moves between tabs with the arrow keys, Home and End, showing the tab that has focus', async () => {
      const { el } = await mountPage();
      await tabSettled(el);
      tabButton(el, 'profile').focus();
      await sendKeys({ press: 'ArrowRight' });
      await until(() => selectedTab(el) === 'security');
      expect(deepActive() === tabButton(el, 'security')).to.equal(true);
      expect(panelOf(el, 'security').hidden).to.equal(false);
      expect(panelOf(el, 'profile').hidden).to.equal(true);
      expect(tabButton(el, 'security').tabIndex).to.equal(0);
      expect(tabButton(el, 'profile').tabIndex).to.equal(-1);
      await sendKeys({ press: 'ArrowLeft' });
      await until(() => selectedTab(el) === 'profile');
      await sendKeys({ press: 'ArrowLeft' });
      await until(() => selectedTab(el) === 'billing');
      expect(deepActive() === tabButton(el, 'billing')).to.equal(true);
      await sendKeys({ press: 'ArrowRight' });
      await until(() => selectedTab(el) === 'profile');
      await sendKeys({ press: 'End' });
      await until(() => selectedTab(el) === 'billing');
      await sendKeys({ press: 'Home' });
      await until(() => selectedTab(el) === 'profile');
      expect(deepActive() === tabButton(el, 'profile')).to.equal(true);
      // Up and Down belong to a vertical tab list only.
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(selectedTab(el)).to.equal('profile');
    });

    it('mirrors Left and Right in right-to-left languages', async () => {
      const { el } = await mountPage({ locale: 'ar' });
      await tabSettled(el);
      expect(tabButton(el, 'security').textContent!.trim()).to.equal('الأمان');
      tabButton(el, 'profile').focus();
      await sendKeys({ press: 'ArrowLeft' });
      await until(() => selectedTab(el) === 'security');
      expect(deepActive() === tabButton(el, 'security')).to.equal(true);
      await sendKeys({ press: 'ArrowRight' });
      await until(() => selectedTab(el) === 'profile');
      await sendKeys({ press: 'ArrowRight' });
      await until(() => selectedTab(el) === 'billing');
    });

    it('walks the whole page: from each tab, Tab reaches its panel, then the first control of its first section', async () => {
      const { el } = await mountPage();
      await tabSettled(el);
      tabButton(el, 'profile').focus();
      for (const [index, tab] of SETTINGS_TABS.entries()) {
        if (index > 0) {
          await sendKeys({ press: 'ArrowRight' });
          await until(() => selectedTab(el) === tab);
        }
        await tabSettled(el);
        expect(deepActive() === tabButton(el, tab), `focus on the ${tab} tab`).to.equal(true);
        await sendKeys({ press: 'Tab' });
        expect(deepActive() === panelOf(el, tab), `focus on the ${tab} panel`).to.equal(true);
        await sendKeys({ press: 'Tab' });
        const first = section(el, TAB_SECTIONS[tab][0]!)!;
        expect(isInside(first, deepActive()), `focus in the first section of ${tab}, not on ${deepActive()?.outerHTML.slice(0, 80)}`).to.equal(
          true,
        );
        await shiftTab();
        expect(deepActive() === panelOf(el, tab)).to.equal(true);
        await shiftTab();
        expect(deepActive() === tabButton(el, tab), `back on the ${tab} tab`).to.equal(true);
      }
    });
  });

  describe('the tab attribute', () => {
    it('selects the tab shown, and reflects the one shown', async () => {
      const { el, backend } = await mountPage({}, html`<dn-account-settings tab="privacy"></dn-account-settings>`);
      await tabSettled(el);
      expect(selectedTab(el)).to.equal('privacy');
      expect(section(el, 'privacy')).to.exist;
      expect(section(el, 'profile')).to.equal(null);
      expect(requestsTo(backend, 'getProfile')).to.have.length(0);
      tabButton(el, 'notifications').click();
      await el.updateComplete;
      expect(el.getAttribute('tab')).to.equal('notifications');
      el.setAttribute('tab', 'connected');
      await tabSettled(el);
      expect(selectedTab(el)).to.equal('connected');
      expect(section(el, 'connected-accounts')).to.exist;
    });

    it('falls back to the first visible tab for an unknown or hidden one', async () => {
      const { el } = await mountPage({}, html`<dn-account-settings tab="nonsense"></dn-account-settings>`);
      await tabSettled(el);
      expect(selectedTab(el)).to.equal('profile');
      expect(el.tab).to.equal('profile');
      const { el: hidden } = await mountPage({}, html`<dn-account-settings tab="billing" hidden-tabs="billing profile"></dn-account-settings>`);
      await tabSettled(hidden);
      expect(selectedTab(hidden)).to.equal('security');
    });
  });

  describe('show()', () => {
    it('opens a tab and moves focus into a section once it loaded', async () => {
      const { el } = await mountPage();
      await tabSettled(el);
      await el.show('security', 'trusted-devices');
      expect(selectedTab(el)).to.equal('security');
      const devices = section(el, 'trusted-devices')!;
      expect(deepActive() === devices.shadowRoot!.querySelector('.title')).to.equal(true);
      await el.show('privacy', 'delete-account');
      expect(isInside(section(el, 'delete-account')!, deepActive())).to.equal(true);
      expect(location.hash).to.equal('');
    });

    it('ignores a hidden tab', async () => {
      const { el } = await mountPage({}, html`<dn-account-settings hidden-tabs="billing"></dn-account-settings>`);
      await tabSettled(el);
      await el.show('billing');
      expect(selectedTab(el)).to.equal('profile');
    });
  });

  describe('with hash-sync', () => {
    it('puts the tab in the URL hash, one history entry per change, and Back returns to the previous tab', async () => {
      const { el } = await mountPage({}, html`<dn-account-settings hash-sync></dn-account-settings>`);
      await tabSettled(el);
      const entries = history.length;
      expect(location.hash).to.equal('');
      tabButton(el, 'security').click();
      await until(() => location.hash === '#security');
      tabButton(el, 'notifications').click();
      await until(() => location.hash === '#notifications');
      expect(history.length).to.equal(entries + 2);
      await tabSettled(el);
      panelOf(el, 'notifications').focus();
      history.back();
      await until(() => selectedTab(el) === 'security', 'Back to Security');
      expect(location.hash).to.equal('#security');
      // Focus was in the panel that hid: it moves to the tab shown, not to the page.
      expect(deepActive() === tabButton(el, 'security')).to.equal(true);
      history.back();
      await until(() => selectedTab(el) === 'profile', 'Back to Profile');
      expect(location.hash).to.equal('');
      history.forward();
      await until(() => selectedTab(el) === 'security', 'Forward to Security');
      // Nothing was pushed while going back and forth.
      expect(history.length).to.equal(entries + 2);
    });

    it('opens the tab a hash names, also when it changes later, and leaves the host’s own anchors alone', async () => {
      history.replaceState(null, '', '#billing');
      const { el } = await mountPage({}, html`<dn-account-settings hash-sync></dn-account-settings>`);
      await tabSettled(el);
      expect(selectedTab(el)).to.equal('billing');
      location.hash = '#notifications';
      await until(() => selectedTab(el) === 'notifications');
      await setHash('#faq', el);
      expect(selectedTab(el)).to.equal('notifications');
      await setHash('#security/nonsense', el);
      expect(selectedTab(el)).to.equal('notifications');
    });

    it('opens #tab/section and moves focus into that section', async () => {
      history.replaceState(null, '', '#privacy/delete-account');
      const { el } = await mountPage({}, html`<dn-account-settings hash-sync></dn-account-settings>`);
      await tabSettled(el);
      expect(selectedTab(el)).to.equal('privacy');
      await until(() => isInside(section(el, 'delete-account')!, deepActive()), 'focus in the danger zone');
      location.hash = '#security/password';
      await until(() => deepActive() === currentPassword(el), 'focus on the current password');
      expect(selectedTab(el)).to.equal('security');
    });

    it('puts show(tab, section) in the hash', async () => {
      const { el } = await mountPage({}, html`<dn-account-settings hash-sync></dn-account-settings>`);
      await tabSettled(el);
      await el.show('security', 'sessions');
      expect(location.hash).to.equal('#security/sessions');
      expect(deepActive() === section(el, 'sessions')!.shadowRoot!.querySelector('.title')).to.equal(true);
    });

    it('without hash-sync, never touches the URL', async () => {
      const { el } = await mountPage();
      await tabSettled(el);
      const entries = history.length;
      tabButton(el, 'security').click();
      tabButton(el, 'billing').click();
      await el.updateComplete;
      await setHash('#privacy', el);
      expect(selectedTab(el)).to.equal('billing');
      expect(history.length).to.equal(entries + 1);
      await tabSettled(el);
    });
  });

  describe('hidden tabs and sections', () => {
    it('neither shows nor loads hidden tabs', async () => {
      const { el, backend } = await mountPage({}, html`<dn-account-settings hidden-tabs="billing connected"></dn-account-settings>`);
      await tabSettled(el);
      expect(tabNames(el)).to.deep.equal(['Profile', 'Security', 'Notifications', 'Privacy', 'Preferences']);
      expect(panelOf(el, 'billing')).to.equal(null);
      el.hiddenTabs = ['billing'];
      await el.updateComplete;
      expect(tabNames(el)).to.include('Connected accounts');
      expect(requestsTo(backend, 'getBillingSummary')).to.have.length(0);
      expect(requestsTo(backend, 'listConnectedAccounts')).to.have.length(0);
    });

    it('neither shows nor loads hidden sections', async () => {
      const { el, backend } = await mountPage(
        {},
        html`<dn-account-settings tab="security" hidden-sections="login-activity trusted-devices"></dn-account-settings>`,
      );
      await tabSettled(el);
      expect(section(el, 'sessions')).to.exist;
      expect(section(el, 'password')).to.exist;
      expect(section(el, 'login-activity')).to.equal(null);
      expect(section(el, 'trusted-devices')).to.equal(null);
      expect(requestsTo(backend, 'listSessions')).to.have.length(1);
      expect(requestsTo(backend, 'listLoginActivity')).to.have.length(0);
      expect(requestsTo(backend, 'listTrustedDevices')).to.have.length(0);
      // Hiding one later takes it out of the page.
      el.hiddenSections = ['login-activity', 'trusted-devices', 'two-factor'];
      await el.updateComplete;
      expect(section(el, 'two-factor')).to.equal(null);
    });

    it('drops a tab whose sections are all hidden, unless the host put content in it', async () => {
      const { el } = await mountPage({}, html`<dn-account-settings hidden-sections="notifications billing"></dn-account-settings>`);
      await tabSettled(el);
      expect(tabNames(el)).not.to.include('Notifications');
      expect(tabNames(el)).not.to.include('Billing');
      const own = document.createElement('p');
      own.slot = 'billing';
      own.textContent = 'Billing is handled by your reseller.';
      el.append(own);
      await until(() => tabNames(el).includes('Billing'), 'the Billing tab for the host content');
      tabButton(el, 'billing').click();
      await tabSettled(el);
      expect(own.assignedSlot!.parentElement === panelOf(el, 'billing')).to.equal(true);
      expect(section(el, 'billing')).to.equal(null);
    });
  });

  describe('host content', () => {
    it('shows a section the host slotted at the end of its tab', async () => {
      const { el } = await mountPage(
        {},
        html`<dn-account-settings><section slot="security" aria-label="Single sign-on"><p>SSO is managed by your admin.</p></section></dn-account-settings>`,
      );
      await tabSettled(el);
      const own = el.querySelector<HTMLElement>('[slot="security"]')!;
      expect(own.assignedSlot!.parentElement === panelOf(el, 'security')).to.equal(true);
      expect(own.getClientRects().length).to.equal(0);
      await showTab(el, 'security');
      expect(own.getClientRects().length).to.be.greaterThan(0);
      const trusted = section(el, 'trusted-devices')!;
      expect(own.getBoundingClientRect().top).to.be.greaterThan(trusted.getBoundingClientRect().top);
      expect(visibleText(panelOf(el, 'security'))).to.contain('SSO is managed by your admin.');
    });
  });

  describe('links inside the page', () => {
    it('leads "Change password" in the session list to the password form, and still tells the host', async () => {
      const { el } = await mountPage({}, html`<dn-account-settings tab="security"></dn-account-settings>`);
      await tabSettled(el);
      const sessions = section(el, 'sessions')!;
      const requested = oneEvent(document, 'dn-password-change-requested');
      (within(sessions).getByShadowRole('button', { name: 'Change password' }) as HTMLButtonElement).click();
      const event = await requested;
      expect(event.detail).to.deep.equal({ reason: 'unrecognized-session' });
      await until(() => deepActive() === currentPassword(el), 'focus on the current password');
      // The same from the sign-in activity's warning.
      tabButton(el, 'security').focus();
      const activity = section(el, 'login-activity')!;
      const fromActivity = oneEvent(document, 'dn-password-change-requested');
      (within(activity).getByShadowRole('button', { name: 'Change password' }) as HTMLButtonElement).click();
      expect((await fromActivity).detail).to.deep.equal({ reason: 'unrecognized-activity' });
      await until(() => deepActive() === currentPassword(el), 'focus on the current password again');
    });

    it('leads "Export your data" in the danger zone to the data export', async () => {
      const { el } = await mountPage({}, html`<dn-account-settings tab="privacy"></dn-account-settings>`);
      await tabSettled(el);
      const zone = section(el, 'delete-account')!;
      const link = zone.shadowRoot!.querySelector<HTMLAnchorElement>('[part="export-link"]')!;
      expect(link.getAttribute('href')).to.equal('#privacy/privacy');
      link.click();
      const privacy = section(el, 'privacy')!;
      await until(() => deepActive() === privacy.shadowRoot!.querySelector('#export-title'), 'focus on the export heading');
      expect(location.hash).to.equal('');
    });

    it('passes billing, workspace and connect settings to the sections', async () => {
      const { el } = await mountPage(
        {},
        html`<dn-account-settings billing-href="/billing" billing-target="_blank" workspace-href="/workspaces/{id}" connect-mode="popup"></dn-account-settings>`,
      );
      await showTab(el, 'billing');
      expect(section(el, 'billing')!.getAttribute('manage-href')).to.equal('/billing');
      expect(section(el, 'billing')!.getAttribute('manage-target')).to.equal('_blank');
      await showTab(el, 'privacy');
      expect(section(el, 'delete-account')!.getAttribute('workspace-href')).to.equal('/workspaces/{id}');
      await showTab(el, 'connected');
      expect(section(el, 'connected-accounts')!.getAttribute('mode')).to.equal('popup');
    });
  });

  describe('when a tab cannot be loaded', () => {
    it('says so, with "Try again" that loads it', async () => {
      const real = DnAccountSettings.loaders['connected-accounts'];
      let attempts = 0;
      DnAccountSettings.loaders['connected-accounts'] = () => {
        attempts += 1;
        return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      };
      const warn = console.warn;
      console.warn = () => {};
      try {
        const { el, backend } = await mountPage();
        await tabSettled(el);
        tabButton(el, 'connected').click();
        const error = await (async () => {
          await until(() => panelOf(el, 'connected').querySelector('[part="error"]'), 'the load error');
          return panelOf(el, 'connected').querySelector<HTMLElement>('[part="error"]')!;
        })();
        expect(error.getAttribute('role')).to.equal('alert');
        expect(visibleText(error)).to.contain('This part of your settings could not be loaded.');
        expect(attempts).to.equal(1);
        expect(requestsTo(backend, 'listConnectedAccounts')).to.have.length(0);
        // The other tabs still work.
        tabButton(el, 'profile').click();
        await el.updateComplete;
        expect(panelOf(el, 'profile').hidden).to.equal(false);
        tabButton(el, 'connected').click();
        await el.updateComplete;
        expect(attempts, 'a failed load is not retried by itself').to.equal(1);
        DnAccountSettings.loaders['connected-accounts'] = real;
        (within(error).getByShadowRole('button', { name: 'Try again' }) as HTMLButtonElement).click();
        await tabSettled(el);
        expect(panelOf(el, 'connected').querySelector('[part="error"]')).to.equal(null);
        expect(section(el, 'connected-accounts')).to.exist;
        expect(requestsTo(backend, 'listConnectedAccounts')).to.have.length(1);
        expect(deepActive() === panelOf(el, 'connected')).to.equal(true);
      } finally {
        DnAccountSettings.loaders['connected-accounts'] = real;
        console.warn = warn;
      }
    });
  });

  describe('on a host page with a fixed 64 px header and scroll-padding-top', () => {
    const HEADER = 64;
    let undo: (() => void)[] = [];
    beforeEach(() => {
      const header = document.createElement('div');
      header.style.cssText = `position: fixed; inset: 0 0 auto; block-size: ${HEADER}px; background: gray; z-index: 10`;
      const spacer = document.createElement('div');
      spacer.style.blockSize = '150vh';
      document.body.prepend(header);
      document.body.append(spacer);
      document.documentElement.style.scrollPaddingTop = `${HEADER}px`;
      undo = [() => header.remove(), () => spacer.remove(), () => document.documentElement.style.removeProperty('scroll-padding-top')];
    });
    afterEach(() => {
      for (const step of undo) step();
      clearHash();
      window.scrollTo(0, 0);
    });
    const ringOf = (el: HTMLElement) => parseFloat(getComputedStyle(el).outlineOffset) + parseFloat(getComputedStyle(el).outlineWidth);

    it('opens a #tab/section deep link below the header, focus ring included', async () => {
      const spacer = document.createElement('div');
      spacer.style.blockSize = '120vh';
      document.body.prepend(spacer);
      undo.push(() => spacer.remove());
      history.replaceState(null, '', '#security/two-factor');
      const { el } = await mountPage({}, html`<dn-account-settings hash-sync></dn-account-settings>`);
      await until(() => section(el, 'two-factor') && isInside(section(el, 'two-factor')!, deepActive()), 'focus in the two-factor section');
      await nextFrame();
      expect(window.scrollY).to.be.greaterThan(0);
      expect(section(el, 'two-factor')!.getBoundingClientRect().top).to.be.at.least(HEADER);
      const active = deepActive() as HTMLElement;
      expect(active.getBoundingClientRect().top - ringOf(active)).to.be.at.least(HEADER);
    });

    it('shows the data export from "Export your data" below the header, focus ring included', async () => {
      const { el } = await mountPage({}, html`<dn-account-settings tab="privacy"></dn-account-settings>`);
      await tabSettled(el);
      // The page scrolled so that the export section is far above the viewport.
      window.scrollTo(0, document.documentElement.scrollHeight);
      section(el, 'delete-account')!.shadowRoot!.querySelector<HTMLElement>('[part="export-link"]')!.click();
      const heading = section(el, 'privacy')!.shadowRoot!.querySelector<HTMLElement>('#export-title')!;
      await until(() => deepActive() === heading, 'focus on the export heading');
      await nextFrame();
      expect(heading.getBoundingClientRect().top - ringOf(heading)).to.be.at.least(HEADER);
    });
  });

  describe('when the tabs do not fit one row', () => {
    const tablistOf = (el: DnAccountSettings) => el.shadowRoot!.querySelector<HTMLElement>('[role="tablist"]')!;
    /** Whether `tab` shows whole inside the row of tabs. */
    const shows = (el: DnAccountSettings, tab: SettingsTab) => {
      const row = tablistOf(el).getBoundingClientRect();
      const box = tabButton(el, tab).getBoundingClientRect();
      return box.left >= row.left - 1 && box.right <= row.right + 1;
    };
    const fade = (el: DnAccountSettings) => [...tablistOf(el).classList].filter((name) => name.startsWith('more-')).sort();

    for (const { locale, dir } of [
      { locale: 'de', dir: 'ltr' },
      { locale: 'ar', dir: 'rtl' },
    ]) {
      it(`keeps one row that scrolls, fades at the side with more and shows the chosen tab (${dir})`, async () => {
        const { el } = await mountPage({ locale });
        el.style.inlineSize = '520px';
        await until(() => fade(el).length > 0, 'the fade');
        const tablist = tablistOf(el);
        const tabs = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];
        expect(tablist.scrollWidth, 'more tabs than room').to.be.greaterThan(tablist.clientWidth);
        expect(new Set(tabs.map((tab) => tab.offsetTop)).size, 'one row').to.equal(1);
        expect(el.shadowRoot!.querySelector<HTMLElement>('[part="menu-button"]')!.checkVisibility()).to.equal(false);
        expect(tablist.getAttribute('aria-orientation')).to.equal('horizontal');
        expect(fade(el)).to.deep.equal(['more-end']);
        expect(getComputedStyle(tablist).maskImage).to.contain('linear-gradient');
        expect(shows(el, 'profile')).to.equal(true);
        expect(shows(el, 'billing')).to.equal(false);
        // End (the keyboard) shows the last tab, scrolled into the row; the page does not move sideways.
        tabButton(el, 'profile').focus();
        await sendKeys({ press: 'End' });
        await until(() => selectedTab(el) === 'billing');
        await until(() => shows(el, 'billing'), 'the last tab scrolled into view');
        await until(() => fade(el).join() === 'more-start', 'the fade at the start');
        expect(el.scrollWidth).to.be.at.most(el.clientWidth);
        // Choosing a tab from outside (the property) scrolls the row back to it.
        el.tab = 'profile';
        await until(() => shows(el, 'profile'), 'the first tab scrolled into view');
        await until(() => fade(el).join() === 'more-end');
      });
    }

    it('shows every tab in one row without a fade when they fit', async () => {
      const { el } = await mountPage();
      el.style.inlineSize = '720px';
      await nextFrame();
      await nextFrame();
      const tablist = tablistOf(el);
      expect(tablist.scrollWidth).to.be.at.most(tablist.clientWidth);
      expect(fade(el)).to.deep.equal([]);
      expect(getComputedStyle(tablist).maskImage).to.equal('none');
    });
  });

  describe('at 320 px wide', () => {
    async function mountNarrow(options: MountOptions = {}) {
      const mounted = await mountPage(options);
      mounted.el.style.inlineSize = '320px';
      await until(() => mounted.el.shadowRoot!.querySelector<HTMLElement>('[part="menu-button"]')!.checkVisibility(), 'the menu button');
      await mounted.el.updateComplete;
      await tabSettled(mounted.el);
      return mounted;
    }

    it('does not overflow, on any tab', async function () {
      this.timeout(60000);
      const { el } = await mountNarrow();
      for (const tab of SETTINGS_TABS) {
        await showTab(el, tab);
        await nextFrame();
        expect(el.scrollWidth, `${tab}: the page`).to.be.at.most(el.clientWidth);
        expect(el.getBoundingClientRect().width).to.equal(320);
        const panel = panelOf(el, tab);
        expect(panel.scrollWidth, `${tab}: the panel`).to.be.at.most(panel.clientWidth);
        for (const child of containerOf(el, tab)!.children) {
          const box = child as HTMLElement;
          expect(box.scrollWidth, `${tab}: ${box.localName}`).to.be.at.most(box.clientWidth);
          expect(box.getBoundingClientRect().right, `${tab}: ${box.localName} inside the page`).to.be.at.most(el.getBoundingClientRect().right + 0.5);
        }
      }
    });

    it('hides the tabs behind a menu button that works with the keyboard', async () => {
      const { el } = await mountNarrow();
      const button = screen.getByShadowRole('button', { name: 'Account settings: Profile' }) as HTMLButtonElement;
      const tablist = el.shadowRoot!.querySelector<HTMLElement>('[role="tablist"]')!;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal(tablist.id);
      expect(tablist.checkVisibility()).to.equal(false);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => button.getAttribute('aria-expanded') === 'true');
      expect(tablist.checkVisibility()).to.equal(true);
      expect(tablist.getAttribute('aria-orientation')).to.equal('vertical');
      expect(deepActive() === tabButton(el, 'profile')).to.equal(true);
      // Up and Down move through the list; the tab is chosen with Enter.
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await until(() => deepActive() === tabButton(el, 'notifications'));
      expect(selectedTab(el)).to.equal('profile');
      await sendKeys({ press: 'ArrowUp' });
      await until(() => deepActive() === tabButton(el, 'security'));
      await sendKeys({ press: 'Enter' });
      await until(() => selectedTab(el) === 'security');
      await until(() => deepActive() === button, 'focus back on the menu button');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(tablist.checkVisibility()).to.equal(false);
      expect(button.getAttribute('aria-label')).to.equal('Account settings: Security');
      expect(button.textContent!.trim()).to.equal('Security');
      // Escape closes without choosing.
      await sendKeys({ press: 'Space' });
      await until(() => button.getAttribute('aria-expanded') === 'true');
      await sendKeys({ press: 'End' });
      await sendKeys({ press: 'Escape' });
      await until(() => button.getAttribute('aria-expanded') === 'false');
      expect(deepActive() === button).to.equal(true);
      expect(selectedTab(el)).to.equal('security');
      // Tab from the button reaches the panel.
      await sendKeys({ press: 'Tab' });
      expect(deepActive() === panelOf(el, 'security')).to.equal(true);
    });

    it('is accessible with the menu open', async () => {
      const { el } = await mountNarrow({ locale: 'ar', theme: 'dark' });
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="menu-button"]')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });
});
