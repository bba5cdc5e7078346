import { html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ConnectMode } from '../connected-accounts/connected-accounts.component.js';
import type { DnPrivacySettings } from '../privacy-settings/privacy-settings.component.js';
import { DnElement } from '../../internal/dn-element.js';
import { baseStyles } from '../../internal/styles/host.styles.js';
import { buttonStyles } from '../../internal/styles/buttons.styles.js';
import { alertStyles } from '../../internal/styles/alerts.styles.js';
import { skeletonStyles } from '../../internal/styles/skeleton.styles.js';
import { READY_EVENT } from '../../internal/resource-controller.js';
import { emit } from '../../internal/events.js';
import { deepActiveElement } from '../../internal/focus.js';
import { RovingFocusController } from '../../internal/roving-focus-controller.js';
import { adoptLightStyles } from '../../internal/light-dom.js';
import { HashRouteController } from './hash-route-controller.js';
import { lightStyles, styles } from './account-settings.styles.js';
import { registerStrings } from '../../i18n/i18n.js';
import settingsStrings from '../../i18n/locales/settings/strings.js';

registerStrings(settingsStrings);

/** The tabs of the page, in order. */
export const SETTINGS_TABS = ['profile', 'security', 'notifications', 'privacy', 'connected', 'preferences', 'billing'] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

/** The sections (one element each) the tabs hold. */
export const SETTINGS_SECTIONS = [
  'profile',
  'password',
  'two-factor',
  'passkeys',
  'sessions',
  'login-activity',
  'trusted-devices',
  'notifications',
  'privacy',
  'delete-account',
  'connected-accounts',
  'preferences',
  'billing',
] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** The sections of each tab, in the order they show. */
export const TAB_SECTIONS: Readonly<Record<SettingsTab, readonly SettingsSection[]>> = {
  profile: ['profile'],
  security: ['password', 'two-factor', 'passkeys', 'sessions', 'login-activity', 'trusted-devices'],
  notifications: ['notifications'],
  privacy: ['privacy', 'delete-account'],
  connected: ['connected-accounts'],
  preferences: ['preferences'],
  billing: ['billing'],
};

/** The element of each section. */
export const SECTION_ELEMENTS: Readonly<Record<SettingsSection, string>> = {
  profile: 'dn-profile-form',
  password: 'dn-password-change',
  'two-factor': 'dn-2fa-setup',
  passkeys: 'dn-passkeys',
  sessions: 'dn-session-list',
  'login-activity': 'dn-login-activity',
  'trusted-devices': 'dn-trusted-devices',
  notifications: 'dn-notification-matrix',
  privacy: 'dn-privacy-settings',
  'delete-account': 'dn-delete-account',
  'connected-accounts': 'dn-connected-accounts',
  preferences: 'dn-preferences',
  billing: 'dn-billing-summary',
};

/** Imports (defines) a section's element. */
export type SectionLoader = () => Promise<unknown>;

/** How long a tab waits for the page to define its elements before it offers "Try again". */
const DEFINE_WAIT_MS = 10_000;

/**
 * A loader that imports nothing: it waits for the page to define `tag` (define-all defines
 * every element at once), failing after {@link DEFINE_WAIT_MS}.
 */
const whenDefined =
  (tag: string): SectionLoader =>
  () =>
    customElements.get(tag)
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`<${tag}> was not defined`)), DEFINE_WAIT_MS);
          void customElements.whenDefined(tag).then(() => {
            clearTimeout(timer);
            resolve();
          });
        });

type LoadStatus = 'loading' | 'ready' | 'failed';

const isTab = (value: string): value is SettingsTab => (SETTINGS_TABS as readonly string[]).includes(value);

/** The space-separated attribute of `hidden-tabs` / `hidden-sections` as a list. */
const wordList = {
  fromAttribute: (value: string | null): string[] => (value ?? '').split(/\s+/).filter(Boolean),
  toAttribute: (value: string[]): string => value.join(' '),
};

/** `#security` or `#privacy/delete-account`; anything else is the host's own anchor. */
function parseHash(hash: string): { tab: SettingsTab; section?: SettingsSection } | undefined {
  let raw: string;
  try {
    raw = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return undefined;
  }
  const [tab, section, ...rest] = raw.split('/');
  if (!tab || !isTab(tab) || rest.length > 0) return undefined;
  if (section === undefined) return { tab };
  const sections: readonly string[] = TAB_SECTIONS[tab];
  return sections.includes(section) ? { tab, section: section as SettingsSection } : undefined;
}

/**
 * @summary The whole account settings page: Profile, Security (password, two-factor
 * authentication, passkeys, sessions, sign-in activity, trusted devices), Notifications, Privacy
 * (analytics, data export, deleting the account), Connected accounts, Preferences and
 * Billing, as tabs.
 *
 * The tabs follow the WAI-ARIA tabs pattern: arrow keys move between them (mirrored in
 * right-to-left languages), Home and End go to the first and last, and the tab with focus
 * is shown. Each tab's elements load the first time it opens (a placeholder meanwhile; if
 * loading fails, a message with "Try again"); a tab opened once stays in the page, hidden,
 * so nothing the user typed is lost when they switch tabs. The tabs stay one row: when they
 * do not fit, the row scrolls sideways (faded at the side where more tabs are; the chosen
 * tab is scrolled into the row). Only when the element is narrower than 30rem (a container
 * query: any host column, phone-sized) do the tabs hide behind a button that opens them as a
 * vertical list (Up and Down keys, Enter to choose, Escape to close).
 *
 * The sections render in the element's light DOM (slotted into the panels), so password
 * managers reach the password fields and hosts' `::part()` rules reach every section's parts.
 * Select them as `dn-account-settings [data-dn-section="password"]`.
 *
 * Each section has one heading, at `heading-level` (2 by default: the page's title is its
 * `h1`), its sub-headings one level below; the tab panels are named by their tabs, so no
 * heading repeats a tab's name. Under a heading of the host's own, set `heading-level="3"`.
 *
 * With `hash-sync`, the URL's hash follows the tab (`#security`; each change is a history
 * entry, so Back returns to the previous tab) and opens it: `#privacy/delete-account` opens
 * a tab and moves focus to one section. Other hashes are left alone.
 *
 * Inside the page, "Change your password" in the session list and sign-in activity leads
 * to the password form (the `dn-password-change-requested` event still bubbles to the host),
 * and "Export your data" in the danger zone leads to the data export.
 *
 * @event dn-settings-tab-changed - Another tab is shown (a click, the keyboard, the `tab` property, `show()` or the URL hash). `detail.tab`, `detail.previous`.
 *
 * @slot profile - Host content shown at the end of the Profile tab.
 * @slot security - Host content shown at the end of the Security tab.
 * @slot notifications - Host content shown at the end of the Notifications tab.
 * @slot privacy - Host content shown at the end of the Privacy tab.
 * @slot connected - Host content shown at the end of the Connected accounts tab.
 * @slot preferences - Host content shown at the end of the Preferences tab.
 * @slot billing - Host content shown at the end of the Billing tab.
 * @slot panel-profile - Filled by the element itself with the Profile tab's sections (light DOM).
 * @slot panel-security - Filled by the element itself with the Security tab's sections.
 * @slot panel-notifications - Filled by the element itself with the Notifications tab's sections.
 * @slot panel-privacy - Filled by the element itself with the Privacy tab's sections.
 * @slot panel-connected - Filled by the element itself with the Connected accounts tab's sections.
 * @slot panel-preferences - Filled by the element itself with the Preferences tab's sections.
 * @slot panel-billing - Filled by the element itself with the Billing tab's sections.
 *
 * @csspart base - The wrapper of the menu button, the tabs and the panels.
 * @csspart menu-button - The button that opens the list of tabs on narrow screens (shows the current tab's name).
 * @csspart tabs - The tab list.
 * @csspart tab - One tab.
 * @csspart tab-selected - The tab that is shown (it also has the `tab` part): `dn-account-settings::part(tab-selected)`.
 * @csspart panel - A tab's panel: the sections, then the host's content for that tab.
 * @csspart loading - The placeholder while a tab's elements load.
 * @csspart error - The message, with "Try again", when a tab's elements could not be loaded.
 *
 * @tagname dn-account-settings
 */
export class DnAccountSettings extends DnElement {
  static override styles = [...baseStyles, buttonStyles, alertStyles, skeletonStyles, styles];

  /**
   * How each section's element is loaded, the first time its tab opens. The element's entry
   * (`@dialnexa/account-elements/account-settings`) sets a dynamic `import()` of each section's
   * module, so a page loads a tab's code when it is first opened; the class alone (from
   * `@dialnexa/account-elements`, or with `/define-all`, which defines every element up front)
   * waits for the page to define the section's element. Replace one to load it from elsewhere
   * (or, in tests, to fail).
   */
  static loaders: Record<SettingsSection, SectionLoader> = Object.fromEntries(
    Object.entries(SECTION_ELEMENTS).map(([section, tag]) => [section, whenDefined(tag)]),
  ) as Record<SettingsSection, SectionLoader>;

  /**
   * The tab shown: `profile`, `security`, `notifications`, `privacy`, `connected`,
   * `preferences` or `billing`. An unknown or hidden tab shows the first visible one.
   */
  @property({ reflect: true }) tab: SettingsTab = 'profile';

  /**
   * The URL hash follows the tab (`#security`, a history entry per change, so Back works)
   * and selects it, also `#tab/section` (e.g. `#privacy/delete-account`). Without it the
   * element never touches the URL.
   */
  @property({ type: Boolean, attribute: 'hash-sync' }) hashSync = false;

  /** Tabs not shown (and never loaded), e.g. `hidden-tabs="billing connected"`. */
  @property({ attribute: 'hidden-tabs', converter: wordList }) hiddenTabs: string[] = [];

  /**
   * Sections not shown (and never loaded), e.g. `hidden-sections="login-activity delete-account"`.
   * A tab whose sections are all hidden disappears, unless the host put content in its slot.
   */
  @property({ attribute: 'hidden-sections', converter: wordList }) hiddenSections: string[] = [];

  /** Where "Manage billing" leads (`manage-href` of `<dn-billing-summary>`). */
  @property({ attribute: 'billing-href' }) billingHref = '';

  /** Where the billing link opens (`manage-target` of `<dn-billing-summary>`), e.g. `_blank`. */
  @property({ attribute: 'billing-target' }) billingTarget = '';

  /** Settings page of a workspace, `{id}` replaced (`workspace-href` of `<dn-delete-account>`). */
  @property({ attribute: 'workspace-href' }) workspaceHref = '';

  /** What the backup codes sign in to, written in the downloaded codes (`service-name` of `<dn-2fa-setup>`), e.g. your product's name. */
  @property({ attribute: 'service-name' }) serviceName = '';

  /** How Connect opens a provider, `redirect` or `popup` (`mode` of `<dn-connected-accounts>`). */
  @property({ attribute: 'connect-mode' }) connectMode: ConnectMode | '' = '';

  /** The tab list is open as a menu (narrow screens). */
  @state() private menuOpen = false;
  /** The element is narrow: tabs behind the menu button, as a vertical list. */
  @state() private narrow = false;
  /** The row of tabs scrolls: more tabs before (inline start) / after (inline end) what shows. */
  @state() private more = '';
  /** The tab that takes part in the tab order while the menu is open (focus moves without choosing). */
  @state() private rovingTab?: SettingsTab;
  @state() private loadStatus = new Map<SettingsSection, LoadStatus>();
  /** Tabs the host put content in (`slot="<tab>"`). */
  @state() private hostTabs = new Set<string>();

  @query('[part="menu-button"]') private menuButton?: HTMLButtonElement;
  @query('[part="tabs"]') private tablist?: HTMLElement;

  /** Light-DOM containers of the tabs opened so far. */
  private readonly containers = new Map<SettingsTab, HTMLElement>();
  private readonly opened = new Set<SettingsTab>();
  /** The tab last shown (for `dn-settings-tab-changed`); unset before the first render. */
  private shownTab?: SettingsTab;
  /** What an empty hash means (the tab before any hash): where Back ends. */
  private initialTab?: SettingsTab;
  /** Focus was in the panel of the tab being left (see {@link willUpdate}). */
  private focusWasInPanel = false;
  /** Per section, its element's import (settled once its status is set). */
  private readonly imports = new Map<SettingsSection, Promise<void>>();
  private readonly childWatcher = new MutationObserver(() => this.readHostTabs());
  private readonly resize = new ResizeObserver(() => this.measure());
  /** With `hash-sync`: the tab (and section) in `location.hash`. */
  private readonly hashRoute = new HashRouteController(this, {
    enabled: () => this.hashSync,
    parse: parseHash,
    onChange: () => this.takeHash(false),
  });

  constructor() {
    super();
    this.addEventListener('dn-password-change-requested', this.handlePasswordChangeRequested);
    this.addEventListener('click', this.handleExportLink);
  }

  /**
   * Shows `tab` (loading it the first time) and, with `section`, scrolls to that section
   * and moves focus into it once it has loaded. A hidden or unknown tab is ignored.
   * With `hash-sync`, the URL hash follows (`#tab` or `#tab/section`).
   */
  async show(tab: SettingsTab, section?: SettingsSection): Promise<void> {
    await this.open(tab, section, false);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readHostTabs();
    this.childWatcher.observe(this, { childList: true });
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.childWatcher.disconnect();
    this.resize.disconnect();
  }

  /** The tabs shown: not hidden, and with a visible section or host content. */
  private get visibleTabs(): SettingsTab[] {
    return SETTINGS_TABS.filter(
      (tab) => !this.hiddenTabs.includes(tab) && (this.visibleSections(tab).length > 0 || this.hostTabs.has(tab)),
    );
  }

  private visibleSections(tab: SettingsTab): SettingsSection[] {
    return TAB_SECTIONS[tab].filter((section) => !this.hiddenSections.includes(section));
  }

  private tabStatus(tab: SettingsTab): LoadStatus {
    const statuses = this.visibleSections(tab).map((section) => this.loadStatus.get(section));
    if (statuses.includes('failed')) return 'failed';
    return statuses.every((status) => status === 'ready') ? 'ready' : 'loading';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.hasUpdated) {
      this.initialTab = isTab(this.tab) ? this.tab : undefined;
      if (this.hashSync) this.takeHash(true);
    }
    const visible = this.visibleTabs;
    if (visible.length > 0 && !visible.includes(this.tab)) this.tab = visible[0]!;
    if (visible.includes(this.tab)) this.load(this.tab);
    if (changed.has('tab') || this.rovingTab === undefined) this.rovingTab = this.tab;
    // Read before the panel hides: hiding drops focus to the page.
    this.focusWasInPanel = this.shownTab !== undefined && this.shownTab !== this.tab && this.holdsFocus(this.shownTab);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('hashSync')) {
      this.hashRoute.sync();
      // Turned on later: the hash the page has now counts.
      if (this.hashSync && this.shownTab !== undefined) this.takeHash(false);
    }
    this.renderPanels();
    if (this.shownTab !== this.tab && this.visibleTabs.includes(this.tab)) {
      this.reveal(this.tab);
      const previous = this.shownTab ?? null;
      this.shownTab = this.tab;
      if (previous !== null) {
        if (this.hashSync && this.hashRoute.route?.tab !== this.tab && !this.isInitialHash(this.tab)) this.hashRoute.push(this.tab);
        // Focus in the panel that just hid (Back, a host's button) would fall to the page: keep it on the tabs.
        if (this.focusWasInPanel) this.tabButton(this.tab)?.focus();
        emit(this, 'dn-settings-tab-changed', { tab: this.tab, previous });
      }
    }
  }

  override render() {
    const tabs = this.visibleTabs;
    const current = tabs.includes(this.tab) ? this.tab : undefined;
    const vertical = this.narrow;
    const name = (tab: SettingsTab) => this.t(`settings.tabs.${tab}`);
    return html`<div part="base" class="page">
      ${current
        ? html`<button
            part="menu-button"
            class="button secondary menu-button"
            type="button"
            aria-expanded=${this.menuOpen ? 'true' : 'false'}
            aria-controls="tabs"
            aria-label=${this.t('settings.menuButton', { tab: name(current) })}
            @click=${this.handleMenuButton}
            @keydown=${this.handleMenuKeydown}
          >
            <span>${name(current)}</span>
            <svg class="chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M3.5 6l4.5 4.5L12.5 6" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" />
            </svg>
          </button>`
        : nothing}
      <div
        id="tabs"
        part="tabs"
        class="tablist ${this.menuOpen ? 'open' : ''} ${this.more}"
        role="tablist"
        aria-label=${this.t('settings.label')}
        aria-orientation=${vertical ? 'vertical' : 'horizontal'}
        @keydown=${this.handleTabKeydown}
        @focusout=${this.handleTabsFocusOut}
        @scroll=${this.measureRow}
      >
        ${tabs.map(
          (tab) => html`<button
            id="tab-${tab}"
            part=${tab === current ? 'tab tab-selected' : 'tab'}
            class="tab"
            type="button"
            role="tab"
            data-tab=${tab}
            aria-selected=${tab === current ? 'true' : 'false'}
            aria-controls="panel-${tab}"
            tabindex=${tab === (vertical && this.menuOpen ? this.rovingTab : current) ? '0' : '-1'}
            @click=${() => this.choose(tab)}
          >
            ${name(tab)}
          </button>`,
        )}
      </div>
      ${tabs.map(
        (tab) => html`<div
          id="panel-${tab}"
          part="panel"
          class="panel"
          role="tabpanel"
          aria-labelledby="tab-${tab}"
          tabindex="0"
          ?hidden=${tab !== current}
        >
          ${tab === current ? this.renderTabState(tab) : nothing}
          <slot name="panel-${tab}"></slot>
          <slot name=${tab}></slot>
        </div>`,
      )}
    </div>`;
  }

  private renderTabState(tab: SettingsTab): unknown {
    switch (this.tabStatus(tab)) {
      case 'loading':
        return this.renderLoading(4);
      case 'failed':
        return html`<div part="error" class="alert danger" role="alert">
          <p>${this.t('settings.loadError')}</p>
          <button class="button secondary" type="button" @click=${() => this.retry(tab)}>${this.t('common.retry')}</button>
        </div>`;
      default:
        return nothing;
    }
  }

  /** The sections of `tab` whose element is loaded, for its light-DOM container. */
  private renderSections(tab: SettingsTab): TemplateResult {
    const sections = this.visibleSections(tab).filter((section) => this.loadStatus.get(section) === 'ready');
    return html`${sections.map((section) => this.renderSection(section))}`;
  }

  private renderSection(section: SettingsSection): TemplateResult {
    const optional = (value: string) => value || undefined;
    switch (section) {
      case 'profile':
        return html`<dn-profile-form data-dn-section="profile" heading-level=${this.headingLevel}></dn-profile-form>`;
      case 'password':
        return html`<dn-password-change data-dn-section="password" heading-level=${this.headingLevel}></dn-password-change>`;
      case 'two-factor':
        return html`<dn-2fa-setup
          data-dn-section="two-factor"
          heading-level=${this.headingLevel}
          service-name=${ifDefined(optional(this.serviceName))}
        ></dn-2fa-setup>`;
      case 'passkeys':
        return html`<dn-passkeys data-dn-section="passkeys" heading-level=${this.headingLevel}></dn-passkeys>`;
      case 'sessions':
        return html`<dn-session-list data-dn-section="sessions" heading-level=${this.headingLevel}></dn-session-list>`;
      case 'login-activity':
        return html`<dn-login-activity data-dn-section="login-activity" heading-level=${this.headingLevel}></dn-login-activity>`;
      case 'trusted-devices':
        return html`<dn-trusted-devices data-dn-section="trusted-devices" heading-level=${this.headingLevel}></dn-trusted-devices>`;
      case 'notifications':
        return html`<dn-notification-matrix data-dn-section="notifications" heading-level=${this.headingLevel}></dn-notification-matrix>`;
      case 'privacy':
        return html`<dn-privacy-settings data-dn-section="privacy" heading-level=${this.headingLevel}></dn-privacy-settings>`;
      case 'delete-account':
        return html`<dn-delete-account
          data-dn-section="delete-account"
          heading-level=${this.headingLevel}
          export-href=${ifDefined(this.visibleSections('privacy').includes('privacy') ? '#privacy/privacy' : undefined)}
          workspace-href=${ifDefined(optional(this.workspaceHref))}
        ></dn-delete-account>`;
      case 'connected-accounts':
        return html`<dn-connected-accounts data-dn-section="connected-accounts" heading-level=${this.headingLevel} mode=${ifDefined(optional(this.connectMode))}></dn-connected-accounts>`;
      case 'preferences':
        return html`<dn-preferences data-dn-section="preferences" heading-level=${this.headingLevel}></dn-preferences>`;
      case 'billing':
        return html`<dn-billing-summary
          data-dn-section="billing"
          heading-level=${this.headingLevel}
          manage-href=${ifDefined(optional(this.billingHref))}
          manage-target=${ifDefined(optional(this.billingTarget))}
        ></dn-billing-summary>`;
    }
  }

  /**
   * Renders the sections of every tab opened so far into its light-DOM container (slotted
   * into its panel). A hidden tab's container is emptied.
   */
  private renderPanels(): void {
    const visible = this.visibleTabs;
    if (visible.includes(this.tab) && this.tabStatus(this.tab) === 'ready') this.opened.add(this.tab);
    for (const tab of SETTINGS_TABS) {
      if (!visible.includes(tab)) this.opened.delete(tab);
      let container = this.containers.get(tab);
      if (!this.opened.has(tab)) {
        if (container) render(nothing, container, { host: this });
        continue;
      }
      if (!container) {
        container = document.createElement('div');
        container.slot = `panel-${tab}`;
        container.className = 'dn-settings-panel';
        this.containers.set(tab, container);
      }
      if (container.parentNode !== this) {
        adoptLightStyles(this.getRootNode(), [lightStyles]);
        this.append(container);
      }
      render(this.renderSections(tab), container, { host: this });
    }
  }

  /** Imports the elements of `tab`'s visible sections that are not loaded (with `retry`, also those that failed). */
  private load(tab: SettingsTab, retry = false): void {
    const pending = this.visibleSections(tab).filter((section) => {
      const status = this.loadStatus.get(section);
      return status === undefined || (retry && status === 'failed');
    });
    if (pending.length === 0) return;
    const next = new Map(this.loadStatus);
    for (const section of pending) next.set(section, 'loading');
    this.loadStatus = next;
    for (const section of pending) {
      const loader = DnAccountSettings.loaders[section];
      const imported = Promise.resolve()
        .then(loader)
        .then(
          () => this.setStatus(section, 'ready'),
          (error: unknown) => {
            console.warn(`[dn] Could not load <${SECTION_ELEMENTS[section]}>.`, error);
            this.setStatus(section, 'failed');
          },
        );
      this.imports.set(section, imported);
    }
  }

  private setStatus(section: SettingsSection, status: LoadStatus): void {
    this.loadStatus = new Map(this.loadStatus).set(section, status);
  }

  private retry(tab: SettingsTab): void {
    this.load(tab, true);
    // The button goes with the message: focus stays in the panel.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#panel-${tab}`)?.focus());
  }

  /** A tab chosen by a click (or Enter / Space): shown; in the menu, the menu closes. */
  private choose(tab: SettingsTab): void {
    this.tab = tab;
    this.rovingTab = tab;
    if (this.menuOpen) {
      this.menuOpen = false;
      void this.updateComplete.then(() => this.menuButton?.focus());
    }
  }

  /** Arrow keys between the tabs: a row (mirrored right to left), or the menu's column; both wrap. */
  private readonly tabKeys = new RovingFocusController(this, {
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')],
    orientation: () => (this.narrow ? 'vertical' : 'horizontal'),
    wrap: true,
    onMove: (index) => {
      const target = this.visibleTabs[index];
      if (!target) return;
      this.rovingTab = target;
      // Automatic activation in the row of tabs; in the menu, Enter or Space chooses.
      if (!(this.narrow && this.menuOpen)) this.tab = target;
    },
  });

  private readonly handleTabKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      if (this.menuOpen && (event.target as HTMLElement).closest('[role="tab"]')) {
        event.preventDefault();
        this.closeMenu(true);
      }
      return;
    }
    this.tabKeys.handleKeydown(event);
  };

  private readonly handleTabsFocusOut = (event: FocusEvent): void => {
    if (!this.menuOpen) return;
    const next = event.relatedTarget as Node | null;
    const tablist = event.currentTarget as HTMLElement;
    if (next && (tablist.contains(next) || next === this.menuButton)) return;
    this.closeMenu(false);
  };

  private readonly handleMenuButton = (): void => {
    if (this.menuOpen) {
      this.closeMenu(false);
      return;
    }
    this.menuOpen = true;
    this.rovingTab = this.tab;
    void this.updateComplete.then(() => this.tabButton(this.tab)?.focus());
  };

  private readonly handleMenuKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.menuOpen) {
      event.preventDefault();
      this.closeMenu(false);
    }
  };

  private closeMenu(refocus: boolean): void {
    this.menuOpen = false;
    this.rovingTab = this.tab;
    if (refocus) void this.updateComplete.then(() => this.menuButton?.focus());
  }

  /** Whether focus is in `tab`'s panel: its sections or the host's content for it. */
  private holdsFocus(tab: SettingsTab): boolean {
    const active = deepActiveElement();
    if (!active) return false;
    const own = this.containers.get(tab);
    const panel = this.renderRoot.querySelector(`#panel-${tab}`);
    const hosted = [...this.children].filter((child) => child.slot === tab);
    return [own, panel, ...hosted].some((root) => !!root && isInside(root, active));
  }

  private tabButton(tab: SettingsTab): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`);
  }

  /** Whether the tabs show as a menu: the container query decides; this follows it. */
  private measure(): void {
    const button = this.menuButton;
    const narrow = !!button && getComputedStyle(button).display !== 'none';
    if (narrow !== this.narrow) {
      this.narrow = narrow;
      if (!narrow) this.menuOpen = false;
    }
    this.reveal(this.tab);
    this.measureRow();
  }

  /** Which ends of the row of tabs hide tabs (a fade shows there). */
  private readonly measureRow = (): void => {
    const list = this.tablist;
    if (!list) return;
    // From the inline start in both directions (right to left, scrollLeft runs from 0 down).
    const scrolled = Math.abs(list.scrollLeft);
    const hidden = this.narrow ? 0 : list.scrollWidth - list.clientWidth;
    this.more = `${scrolled > 1 ? 'more-start' : ''} ${hidden - scrolled > 1 ? 'more-end' : ''}`.trim();
  };

  /** Scrolls the row of tabs (only the row, never the page) so that `tab` shows whole. */
  private reveal(tab: SettingsTab): void {
    const list = this.tablist;
    const button = this.tabButton(tab);
    if (!list || !button || this.narrow) return;
    // Clear of the fade: the row's scroll padding.
    const pad = parseFloat(getComputedStyle(list).scrollPaddingInlineStart) || 0;
    const row = list.getBoundingClientRect();
    const box = button.getBoundingClientRect();
    const shift = box.left < row.left + pad ? box.left - row.left - pad : box.right > row.right - pad ? box.right - row.right + pad : 0;
    if (Math.abs(shift) >= 1) list.scrollLeft += shift;
  }

  private readHostTabs(): void {
    const tabs = new Set<string>();
    for (const child of this.children) {
      if (isTab(child.slot)) tabs.add(child.slot);
    }
    if ([...tabs].join(' ') !== [...this.hostTabs].join(' ')) this.hostTabs = tabs;
  }

  private async open(tab: SettingsTab, section: SettingsSection | undefined, fromHash: boolean): Promise<void> {
    if (!this.visibleTabs.includes(tab)) return;
    const target = section && this.visibleSections(tab).includes(section) ? section : undefined;
    if (this.hashSync && !fromHash) {
      const hash = target ? `${tab}/${target}` : tab;
      if (!this.hashRoute.isCurrent(hash)) this.hashRoute.push(hash);
    }
    this.tab = tab;
    this.menuOpen = false;
    await this.updateComplete;
    if (target) await this.focusSection(tab, target);
  }

  /** Waits for `section` to load, scrolls it into view and moves focus into it. */
  private async focusSection(tab: SettingsTab, section: SettingsSection): Promise<void> {
    let el = this.sectionElement(section);
    if (!el) {
      // The tab shows its sections once every one of their elements is imported.
      await Promise.all(this.visibleSections(tab).map((shown) => this.imports.get(shown)));
      await this.updateComplete;
      if (this.tab !== tab || this.tabStatus(tab) === 'failed') return;
      el = this.sectionElement(section);
    }
    if (!el) return;
    await this.whenSettled(el);
    if (this.tab !== tab) return;
    el.scrollIntoView({ block: 'start' });
    const within = () => isInside(el, deepActiveElement());
    // An element's own focus() knows its first field (password, delete account).
    if (el.focus !== HTMLElement.prototype.focus) el.focus({ preventScroll: true });
    if (within()) return;
    const title = el.shadowRoot?.querySelector<HTMLElement>('.title[tabindex], [part~="title"][tabindex]');
    title?.focus({ preventScroll: true });
    if (within()) return;
    // No focusable heading: the section itself takes focus until it loses it.
    el.tabIndex = -1;
    el.addEventListener('blur', () => el.removeAttribute('tabindex'), { once: true });
    el.focus({ preventScroll: true });
  }

  /**
   * Resolves once `el` (a section element) shows its data or its load error: at once when it
   * does, else when its READY_EVENT (internal, not composed) arrives.
   */
  private async whenSettled(el: HTMLElement): Promise<void> {
    await customElements.whenDefined(el.localName);
    const updating = el as HTMLElement & { updateComplete?: Promise<unknown> };
    await updating.updateComplete;
    if (!el.shadowRoot?.querySelector('[part="loading"]')) return;
    await new Promise<void>((resolve) => el.addEventListener(READY_EVENT, () => resolve(), { once: true, signal: this.signal }));
    await updating.updateComplete;
  }

  private sectionElement(section: SettingsSection): HTMLElement | null {
    for (const container of this.containers.values()) {
      const found = container.querySelector<HTMLElement>(`:scope > [data-dn-section="${section}"]`);
      if (found) return found;
    }
    return null;
  }

  // ——— URL hash ———

  /** Shows what the hash names; an empty hash is the tab the page started on (Back ends there). */
  private takeHash(initial: boolean): void {
    if (this.hashRoute.empty) {
      if (!initial && this.initialTab) void this.open(this.initialTab, undefined, true);
      return;
    }
    const target = this.hashRoute.route;
    if (!target) return;
    if (initial) {
      // Before the first render: only select; the section gets focus once it loaded.
      if (this.hiddenTabs.includes(target.tab)) return;
      this.tab = target.tab;
      if (target.section) {
        const { tab, section } = target;
        void this.updateComplete.then(() => {
          if (this.tab === tab && this.visibleSections(tab).includes(section)) void this.focusSection(tab, section);
        });
      }
      return;
    }
    void this.open(target.tab, target.section, true);
  }

  private isInitialHash(tab: SettingsTab): boolean {
    return this.hashRoute.empty && tab === this.initialTab;
  }

  // ——— Links between sections ———

  /** "Change your password" (sessions, sign-in activity) leads to the password form; the event still reaches the host. */
  private readonly handlePasswordChangeRequested = (): void => {
    if (this.visibleTabs.includes('security') && this.visibleSections('security').includes('password')) {
      void this.show('security', 'password');
    }
  };

  /** The danger zone's "Export your data" leads to the export, in the same tab. */
  private readonly handleExportLink = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.part.contains('export-link'));
    const owner = link && (link.getRootNode() as ShadowRoot).host;
    if (!link || owner?.localName !== 'dn-delete-account') return;
    const privacy = this.sectionElement('privacy') as (HTMLElement & Partial<Pick<DnPrivacySettings, 'showExport'>>) | null;
    if (!privacy?.showExport) return;
    event.preventDefault();
    void privacy.showExport();
  };
}

/** Whether `node` is inside `host`, through any shadow roots in between. */
function isInside(host: Element, node: Node | null): boolean {
  let current: Node | null = node;
  while (current) {
    if (current === host) return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}

declare global {
  interface HTMLElementTagNameMap {
    'dn-account-settings': DnAccountSettings;
  }
}
