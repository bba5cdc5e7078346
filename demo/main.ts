/**
 * The demo host page: a DialNexa-style dashboard shell around <dn-account-settings>, on the
 * reference server (`npm start`: signed in through the sign-in page, a 401 leads back there)
 * or on the built-in mock backend (`npm run start:mock`, the static demo). Both index.html and
 * partner.html run this file; the partner page differs only in its markup (brand name,
 * class="dn-brand-teal") and CSS (tokens and ::part rules). What the two pages share (the top
 * bar, the demo tools, the toast) is written once, in demo/partials/.
 *
 * Everything here is host code, the way a real app would write it: it sets the provider's
 * theme, density and locale, listens to dn- events on the document, and never reaches
 * into an element's shadow root.
 */
import { ContextEvent } from '@lit/context';
import { MOCK_PASSWORD } from '../mock/seed.js';
import { directionOf } from '../src/api/context.js';
import { ApiError } from '../src/api/errors.js';
import { resourceContext, type AccountStore } from '../src/api/resource-store.js';
import type { RestAccountApi } from '../src/api/rest-client.js';
import {
  DATE_FORMATS,
  DENSITIES,
  THEMES,
  TIME_FORMATS,
  type DateFormat,
  type Density,
  type Profile,
  type Theme,
  type TimeFormat,
} from '../src/api/schemas.js';
import type { DnEventMap } from '../src/events.js';
import type { MockBackend } from './mock-backend.js';
import type * as ServerBackend from './server-backend.js';
import { isLocale, text, type DemoLocale, type StringKey } from './strings.js';
import { followTopbarHeight, wireDisclosure } from './topbar.js';

const API_BASE = '/api/account';
const STORAGE_KEY = 'dn-demo:display';
/** Set by vite.config.ts: the page is served by `npm start`, in front of the reference server. */
const ON_SERVER = __DEMO_ON_SERVER__;

/** What the user chose, kept across reloads (the mock backend starts from its seed on each load). */
interface Prefs {
  theme: Theme;
  density: Density;
  locale: DemoLocale;
  dateFormat: DateFormat;
  timeFormat: TimeFormat;
  /** The time zone saved in the profile; unset: the mock's own. */
  timeZone?: string;
}

const root = document.documentElement;
const provider = document.querySelector('dn-account-provider');
let prefs = loadPrefs();
let backend: MockBackend | undefined;
/** On the server: the development helpers and the client the provider uses. */
let server: typeof ServerBackend | undefined;
let api: RestAccountApi | undefined;

// ——— Display preferences (not secrets, so localStorage is fine) ———

function loadPrefs(): Prefs {
  const fallback: Prefs = { theme: 'light', density: 'comfortable', locale: 'en', dateFormat: 'auto', timeFormat: 'auto' };
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Record<keyof Prefs, unknown>>;
    return {
      theme: THEMES.find((theme) => theme === saved.theme) ?? fallback.theme,
      density: DENSITIES.find((density) => density === saved.density) ?? fallback.density,
      locale: isLocale(saved.locale) ? saved.locale : fallback.locale,
      dateFormat: DATE_FORMATS.find((format) => format === saved.dateFormat) ?? fallback.dateFormat,
      timeFormat: TIME_FORMATS.find((format) => format === saved.timeFormat) ?? fallback.timeFormat,
      timeZone: typeof saved.timeZone === 'string' && isTimeZone(saved.timeZone) ? saved.timeZone : undefined,
    };
  } catch {
    return fallback;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `save`: the user chose it in the top bar; on the server it is saved as their preference. */
function setPrefs(next: Prefs, { save = false } = {}): void {
  const before = prefs;
  prefs = next;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // Storage may be off (private mode, policy); the choice still applies to this page.
  }
  applyPrefs();
  if (save) void saveToServer(before, next);
}

/** The shell follows through the same data-dn-* attributes the elements use; the elements through the provider. */
function applyPrefs(): void {
  root.dataset.dnTheme = prefs.theme;
  root.dataset.dnDensity = prefs.density;
  root.lang = prefs.locale;
  root.dir = directionOf(prefs.locale);
  if (provider) {
    provider.theme = prefs.theme;
    provider.density = prefs.density;
    provider.locale = prefs.locale;
    provider.dateFormat = prefs.dateFormat;
    provider.timeFormat = prefs.timeFormat;
    if (prefs.timeZone) provider.timeZone = prefs.timeZone;
  }
  saveToMock();
  translateShell();
  syncControls();
  renderInbox();
}

/**
 * The choices stand for the user's saved ones: the provider's `load-preferences` reads them
 * back from the mock (preferences, and the profile's language and time zone).
 */
function saveToMock(): void {
  if (!backend) return;
  const { theme, density, dateFormat, timeFormat, locale, timeZone } = prefs;
  backend.store.updatePreferences({ theme, density, dateFormat, timeFormat });
  const profile = backend.store.getProfile();
  if (profile.language !== locale || (timeZone && profile.timezone !== timeZone)) {
    backend.store.updateProfile({ language: locale, ...(timeZone ? { timezone: timeZone } : {}) });
  }
}

/**
 * On the server the user's choices are saved there (the mock's are written into its store
 * above): the answer goes into the provider's store, so every element and the provider
 * (`load-preferences`) see the saved value.
 */
async function saveToServer(before: Prefs, next: Prefs): Promise<void> {
  if (!api) return;
  try {
    const update = {
      ...(before.theme !== next.theme && { theme: next.theme }),
      ...(before.density !== next.density && { density: next.density }),
    };
    if (Object.keys(update).length) accountStore()?.set('preferences', await api.updatePreferences(update));
    if (before.locale !== next.locale) {
      const profile = await api.updateProfile({ language: next.locale });
      accountStore()?.set('profile', profile);
    }
  } catch (error) {
    // A 401 leads to the sign-in page (dn-unauthorized comes from the elements' next request).
    if (error instanceof ApiError && error.status === 401) server?.goToSignIn();
    else console.error(error);
  }
}

/** The provider's store of account data, asked for through the context protocol, as an element does. */
function accountStore(): AccountStore | undefined {
  let found: AccountStore | undefined;
  const child = provider?.firstElementChild;
  child?.dispatchEvent(new ContextEvent(resourceContext, child, (store) => (found = store)));
  return found;
}

function t(key: StringKey, values?: Record<string, string>): string {
  return text(prefs.locale, key, values);
}

function translateShell(): void {
  for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) node.textContent = t(node.dataset.t as StringKey);
  for (const node of document.querySelectorAll<HTMLElement>('[data-t-title]')) node.title = t(node.dataset.tTitle as StringKey);
  for (const node of document.querySelectorAll<HTMLElement>('[data-t-aria-label]')) {
    node.setAttribute('aria-label', t(node.dataset.tAriaLabel as StringKey));
  }
  renderPasswordHint();
  titleAvatar();
}

/** The mock's password as it is now: the user may have changed or reset it. The server keeps its own. */
function renderPasswordHint(): void {
  const hint = document.querySelector('#password-hint');
  if (!hint) return;
  hint.textContent = ON_SERVER ? t('passwordHintServer', { password: MOCK_PASSWORD }) : t('passwordHint', { password: backend?.store.currentPassword() ?? MOCK_PASSWORD });
}

function syncControls(): void {
  for (const radio of document.querySelectorAll<HTMLInputElement>('.controls input[type="radio"]')) {
    radio.checked = radio.value === (radio.name === 'theme' ? prefs.theme : prefs.density);
  }
  const select = document.querySelector<HTMLSelectElement>('.controls select[name="locale"]');
  if (select) select.value = prefs.locale;
}

function wireControls(): void {
  document.querySelector('.controls')?.addEventListener('change', (event) => {
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    const value = control.value;
    if (control.name === 'theme') {
      const theme = THEMES.find((option) => option === value);
      if (theme) setPrefs({ ...prefs, theme }, { save: true });
    } else if (control.name === 'density') {
      const density = DENSITIES.find((option) => option === value);
      if (density) setPrefs({ ...prefs, density }, { save: true });
    } else if (control.name === 'locale' && isLocale(value)) {
      setPrefs({ ...prefs, locale: value }, { save: true });
    }
  });
}

/**
 * The user may also choose a theme or density in the Preferences tab, or a language in the
 * profile: the element saves it and the provider applies it (its attributes change); the shell
 * and the toolbar follow. Date and time formats and the time zone are kept for the next visit.
 */
function followProvider(): void {
  if (!provider) return;
  new MutationObserver(() => {
    const theme = THEMES.find((option) => option === provider.theme) ?? prefs.theme;
    const density = DENSITIES.find((option) => option === provider.density) ?? prefs.density;
    const locale = isLocale(provider.locale) ? provider.locale : prefs.locale;
    if (theme !== prefs.theme || density !== prefs.density || locale !== prefs.locale) setPrefs({ ...prefs, theme, density, locale });
  }).observe(provider, { attributes: true, attributeFilter: ['theme', 'density', 'locale'] });
  document.addEventListener('dn-preferences-changed', (event) => {
    const { dateFormat, timeFormat } = event.detail.preferences;
    if (dateFormat !== prefs.dateFormat || timeFormat !== prefs.timeFormat) setPrefs({ ...prefs, dateFormat, timeFormat });
  });
}

// ——— The signed-in user in the top bar ———

function renderUser(profile: Pick<Profile, 'displayName' | 'email' | 'avatarUrl'>): void {
  const name = document.querySelector<HTMLElement>('.user-name');
  const email = document.querySelector<HTMLElement>('.user-email');
  const image = document.querySelector<HTMLImageElement>('.user-image');
  const initialsNode = document.querySelector<HTMLElement>('.user-initials');
  if (name) name.textContent = profile.displayName;
  if (email) email.textContent = profile.email;
  if (image && initialsNode) {
    if (profile.avatarUrl) image.src = profile.avatarUrl;
    else image.removeAttribute('src');
    image.hidden = !profile.avatarUrl;
    initialsNode.hidden = Boolean(profile.avatarUrl);
    initialsNode.textContent = initials(profile.displayName);
  }
  titleAvatar();
}

/** Below 1600px the avatar stands for the name and address (demo.css): a pointer's tooltip names the user. */
function titleAvatar(): void {
  const avatar = document.querySelector<HTMLElement>('.user-avatar');
  const name = document.querySelector('.user-name')?.textContent;
  if (avatar && name) avatar.title = t('signedInAs', { name });
}

function initials(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .map((word) => [...word][0] ?? '')
    .join('');
  return [...letters].slice(0, 2).join('').toUpperCase();
}

// ——— Mock inbox: the last email the mock backend "sent" ———

/** The outcome of the last "Open verification link", kept as a key so it follows a language switch. */
let inboxResult: { key: StringKey; values: Record<string, string> } | undefined;
let inboxBusy = false;

function renderInbox(): void {
  if (ON_SERVER) {
    renderMailbox();
    renderBell();
    return;
  }
  const inbox = document.querySelector('#inbox');
  if (!inbox) return;
  const items: Node[] = [];
  const state = backend?.store.getEmailChange();
  const token = backend?.store.lastEmailVerificationToken();
  if (state?.pending && token) {
    const mail = element('div', 'mail');
    const meta = element('dl', 'mail-meta');
    meta.append(element('dt', '', t('inboxTo')), element('dd', 'mail-to', state.pending.newEmail));
    meta.append(element('dt', '', t('inboxSubject')), element('dd', '', t('inboxSubjectText', { brand: brandName() })));
    // In the user's time zone, as the elements show every date.
    const until = new Intl.DateTimeFormat(prefs.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: provider?.timeZone }).format(
      new Date(state.pending.expiresAt),
    );
    const body = element('p', 'mail-body', t('inboxBody', { email: state.pending.newEmail, until }));
    const button = element('button', 'demo-button primary', inboxBusy ? t('opening') : t('openLink'));
    button.type = 'button';
    button.setAttribute('aria-disabled', String(inboxBusy));
    button.addEventListener('click', () => void openVerificationLink());
    mail.append(meta, body, button);
    items.push(mail);
  } else {
    items.push(element('p', 'inbox-empty', t('inboxEmpty')));
  }
  if (inboxResult) items.push(element('p', 'inbox-result', t(inboxResult.key, inboxResult.values)));
  inbox.replaceChildren(...items);
}

async function openVerificationLink(): Promise<void> {
  const token = backend?.store.lastEmailVerificationToken();
  if (!backend || !token || inboxBusy) return;
  inboxBusy = true;
  inboxResult = undefined;
  renderInbox();
  try {
    const response = await fetch(`${API_BASE}/email-change/verify`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    if (response.ok) {
      const profile = (await response.json()) as Profile;
      inboxResult = { key: 'linkOpened', values: { email: profile.email } };
      // The element re-checks a pending change when the page becomes visible again, as it
      // would after the user comes back from their mail app; here that moment is now.
      document.dispatchEvent(new Event('visibilitychange'));
    } else {
      const problem = (await response.json().catch(() => ({}))) as { detail?: string; title?: string };
      inboxResult = { key: 'linkFailed', values: { reason: problem.detail ?? problem.title ?? String(response.status) } };
    }
  } catch (error) {
    inboxResult = { key: 'linkFailed', values: { reason: error instanceof Error ? error.message : String(error) } };
  } finally {
    inboxBusy = false;
    renderInbox();
  }
}

// ——— On the server: the development mailbox (what the server would have mailed) ———

let mails: ServerBackend.Mail[] = [];

/** Reads the mailbox of the user's address and of a new one waiting for confirmation. */
async function refreshMailbox(): Promise<void> {
  if (!server || !api) return;
  try {
    const [profile, change] = await Promise.all([api.getProfile(), api.getEmailChange()]);
    mails = await server.readMailbox([profile.email, ...(change.pending ? [change.pending.newEmail] : [])]);
  } catch {
    // The panel keeps what it showed; the elements report their own errors.
  }
  renderMailbox();
}

function renderMailbox(): void {
  const inbox = document.querySelector('#inbox');
  if (!inbox || !server) return;
  const items: Node[] = [];
  for (const mail of mails.slice(0, 5)) {
    const box = element('div', 'mail');
    const meta = element('dl', 'mail-meta');
    const sent = new Intl.DateTimeFormat(prefs.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: provider?.timeZone }).format(new Date(mail.createdAt));
    meta.append(element('dt', '', t('inboxTo')), element('dd', 'mail-to', mail.to));
    meta.append(element('dt', '', t('inboxSubject')), element('dd', '', mail.subject));
    meta.append(element('dt', '', t('mailSent')), element('dd', '', sent));
    const link = server.linkOf(mail);
    // The link is the button below; the text around it is the message.
    box.append(meta, element('p', 'mail-body', mail.text.replace(/https?:\/\/\S+/g, '[link]').trim()));
    if (link) {
      const open = element('a', 'demo-button primary', t('openLink'));
      open.href = link;
      box.append(open);
    }
    items.push(box);
  }
  if (!items.length) items.push(element('p', 'inbox-empty', t('mailboxEmpty')));
  if (inboxResult) items.push(element('p', 'inbox-result', t(inboxResult.key, inboxResult.values)));
  inbox.replaceChildren(...items);
}

/** The mailed link to confirm a new address leads to this page: `/verify-email?token=…`. */
async function openMailedLink(): Promise<void> {
  const token = new URLSearchParams(location.search).get('token');
  if (!api || location.pathname !== '/verify-email' || !token) return;
  // The token leaves the address bar (and the history) before anything else happens.
  history.replaceState(null, '', '/');
  try {
    const profile = await api.verifyEmailChange({ token });
    inboxResult = { key: 'linkOpened', values: { email: profile.email } };
  } catch (error) {
    inboxResult = { key: 'linkFailed', values: { reason: error instanceof Error ? error.message : String(error) } };
  }
}

// ——— On the server: in-app notifications (the bell) ———

let notifications: ServerBackend.Inbox | null = null;
let bellTimer: ReturnType<typeof setTimeout> | undefined;

async function refreshBell(): Promise<void> {
  if (!server) return;
  notifications = await server.readInbox();
  renderBell();
}

/** Soon after something happened that may have told the user something. */
function refreshBellSoon(): void {
  clearTimeout(bellTimer);
  bellTimer = setTimeout(() => void refreshBell(), 600);
}

function renderBell(): void {
  const bell = document.querySelector<HTMLElement>('#bell');
  const button = document.querySelector<HTMLButtonElement>('#bell-button');
  const count = document.querySelector<HTMLElement>('#bell-count');
  const list = document.querySelector('#bell-list');
  // No notifications on this server (404): no bell.
  if (!bell || !button || !count || !list) return;
  bell.hidden = !notifications;
  if (!notifications) return;
  const unread = notifications.unread;
  count.hidden = unread === 0;
  count.textContent = unread > 99 ? '99+' : String(unread);
  button.setAttribute('aria-label', unread ? t('notificationsUnread', { count: String(unread) }) : t('notifications'));
  const format = new Intl.DateTimeFormat(prefs.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: provider?.timeZone });
  const items = notifications.items.map((item) => {
    const row = element('li', item.readAt ? 'bell-item' : 'bell-item unread');
    const time = element('time', 'bell-time', format.format(new Date(item.createdAt)));
    time.dateTime = item.createdAt;
    // The server's words, in their own direction on a right-to-left page.
    const title = element('strong', 'bell-item-title', item.title);
    const body = element('span', 'bell-item-body', item.body);
    title.dir = body.dir = 'auto';
    row.append(title, body, time);
    return row;
  });
  list.replaceChildren(...(items.length ? items : [element('li', 'bell-empty', t('notificationsEmpty'))]));
}

function wireBell(): void {
  const button = document.querySelector<HTMLButtonElement>('#bell-button');
  const panel = document.querySelector<HTMLElement>('#bell-panel');
  if (!button || !panel) return;
  wireDisclosure(button, panel, {
    // Opened: what the user sees now is read.
    onOpen: () => {
      const unread = notifications?.items.filter((item) => !item.readAt).map((item) => item.id) ?? [];
      if (unread.length && server) void server.markInboxRead(unread).then(refreshBell);
    },
  });
  setInterval(() => void refreshBell(), 30_000);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void refreshBell();
  });
}

// ——— Events panel ———

type DnEventName = keyof DnEventMap;
type Detail<K extends DnEventName> = DnEventMap[K]['detail'];

const SUMMARIES: { [K in DnEventName]: (detail: Detail<K>) => string } = {
  'dn-profile-saved': (d) => `changed: ${d.changed.join(', ')}`,
  'dn-avatar-uploaded': () => 'avatar set',
  'dn-avatar-removed': () => 'avatar removed',
  'dn-email-change-requested': (d) => `to ${d.newEmail}`,
  'dn-email-change-resent': (d) => `to ${d.newEmail}`,
  'dn-email-change-cancelled': (d) => d.newEmail,
  'dn-email-changed': (d) => d.email,
  'dn-password-changed': (d) => `${d.otherSessions} other sessions signed in`,
  'dn-sessions-revoked': (d) => `${d.revoked} signed out`,
  'dn-session-revoked': (d) => `${d.session.browser} on ${d.session.os}`,
  'dn-sign-out-requested': () => 'the host signs the user out',
  'dn-password-change-requested': (d) => d.reason,
  'dn-password-reset-requested': (d) => d.email,
  'dn-password-reset-completed': () => 'new password set',
  'dn-2fa-enabled': (d) => `${d.status.backupCodesRemaining} backup codes`,
  'dn-2fa-disabled': () => '2FA off',
  'dn-backup-codes-regenerated': (d) => `${d.count} new codes`,
  'dn-2fa-verified': (d) => (d.trusted ? 'verified, device trusted' : 'verified') + (d.backupCodesRemaining === null ? '' : `, ${d.backupCodesRemaining} backup codes left`),
  'dn-2fa-challenge-expired': () => 'sign-in expired',
  'dn-trusted-device-revoked': (d) => `${d.device.browser} on ${d.device.os}`,
  'dn-trusted-devices-revoked': (d) => `${d.revoked} revoked`,
  'dn-passkey-added': (d) => d.passkey.name,
  'dn-passkey-renamed': (d) => `${d.previousName} → ${d.passkey.name}`,
  'dn-passkey-removed': (d) => d.passkey.name,
  'dn-notification-preferences-changed': (d) => (d.reset ? 'reset to defaults' : `${d.changes.length} changed`),
  'dn-privacy-settings-changed': (d) => `analytics ${d.settings.analyticsEnabled ? 'on' : 'off'}`,
  'dn-data-export-requested': (d) => d.job.status,
  'dn-data-export-ready': (d) => `until ${d.job.expiresAt ?? '—'}`,
  'dn-account-deleted': () => 'the host signs out and leaves',
  'dn-account-connected': (d) => d.account.provider,
  'dn-account-disconnected': (d) => d.account.provider,
  'dn-preferences-changed': (d) => `${d.changed.join(', ')} saved`,
  'dn-manage-billing-requested': (d) => d.summary.plan.name,
  'dn-settings-tab-changed': (d) => `${d.previous ?? '—'} → ${d.tab}`,
  'dn-reauthenticated': (d) => `until ${new Date(d.until).toLocaleTimeString('en-GB')}`,
  'dn-unauthorized': (d) => `${d.error.kind} ${d.error.status ?? ''}`.trim(),
  'dn-error': (d) => `${d.action}: ${d.error.kind}`,
};

const MAX_EVENTS = 10;

function logEvent(name: string, summary: string): void {
  if (ON_SERVER) refreshBellSoon();
  const list = document.querySelector('#events');
  if (!list) return;
  const item = element('li', 'event');
  const time = element('time', 'event-time', new Date().toLocaleTimeString('en-GB'));
  time.dateTime = new Date().toISOString();
  item.append(time, element('code', 'event-name', name), element('span', 'event-detail', summary));
  list.prepend(item);
  while (list.children.length > MAX_EVENTS) list.lastElementChild?.remove();
  const empty = document.querySelector<HTMLElement>('#events-empty');
  if (empty) empty.hidden = true;
}

function listen<K extends DnEventName>(name: K, also?: (detail: Detail<K>) => void): void {
  // dn- events are typed on elements (HTMLElementEventMap); on document they arrive as Event.
  document.addEventListener(name, (event) => {
    const detail = (event as DnEventMap[K]).detail;
    logEvent(name, SUMMARIES[name](detail));
    also?.(detail);
  });
}

function listenToElements(): void {
  listen('dn-profile-saved', ({ profile, changed }) => {
    renderUser(profile);
    // The provider applies a saved language and time zone (load-preferences); the language
    // reaches the shell through followProvider, the time zone is kept for the next visit.
    if (changed.includes('timezone')) setPrefs({ ...prefs, timeZone: profile.timezone });
  });
  listen('dn-avatar-uploaded', ({ profile }) => renderUser(profile));
  listen('dn-avatar-removed', ({ profile }) => renderUser(profile));
  // On the server the mailbox is read again: a message may have been sent.
  const mailChanged = () => (ON_SERVER ? void refreshMailbox() : renderInbox());
  listen('dn-email-change-requested', mailChanged);
  listen('dn-email-change-resent', mailChanged);
  listen('dn-email-change-cancelled', mailChanged);
  listen('dn-email-changed', ({ email }) => {
    const node = document.querySelector('.user-email');
    if (node) node.textContent = email;
    mailChanged();
  });
  listen('dn-password-changed', () => {
    renderPasswordHint();
    if (ON_SERVER) void refreshMailbox();
  });
  listen('dn-password-reset-completed', () => renderPasswordHint());
  // A real host sends the user to its sign-in page; on the mock the demo says so.
  listen('dn-unauthorized', () => (server ? server.goToSignIn() : showToast('sessionEnded', { session: true })));
  listen('dn-sign-out-requested', () => void server?.signOut());
  listen('dn-account-deleted', () => server?.goToSignIn());
  listen('dn-manage-billing-requested', () => showToast('billingPortal'));
  // Every other event is only logged.
  const handled = new Set<DnEventName>([
    'dn-profile-saved',
    'dn-avatar-uploaded',
    'dn-avatar-removed',
    'dn-email-change-requested',
    'dn-email-change-resent',
    'dn-email-change-cancelled',
    'dn-email-changed',
    'dn-unauthorized',
    'dn-manage-billing-requested',
    'dn-password-changed',
    'dn-password-reset-completed',
    'dn-sign-out-requested',
    'dn-account-deleted',
  ]);
  for (const name of Object.keys(SUMMARIES) as DnEventName[]) if (!handled.has(name)) listen(name);
}

// ——— Toast: what a real host would do now (redirect to sign-in, open its billing portal) ———

let toastTimer: ReturnType<typeof setTimeout> | undefined;

function showToast(key: StringKey, { session = false } = {}): void {
  const toast = document.querySelector<HTMLElement>('#toast');
  const text = document.querySelector<HTMLElement>('#toast-text');
  if (!toast || !text) return;
  text.dataset.t = key;
  text.textContent = t(key);
  toast.hidden = false;
  if (session) setSessionArmed(false);
  clearTimeout(toastTimer);
  toastTimer = setTimeout(hideToast, 10_000);
}

function hideToast(): void {
  const toast = document.querySelector<HTMLElement>('#toast');
  if (toast) toast.hidden = true;
}

function wireSessionTools(): void {
  document.querySelector('.toast-close')?.addEventListener('click', hideToast);
  const button = document.querySelector<HTMLButtonElement>('#expire-session');
  button?.addEventListener('click', () => {
    if (!backend) return;
    const mock = backend;
    void import('./mock-backend.js').then(({ expireSessionOnce }) => {
      expireSessionOnce(mock, API_BASE);
      setSessionArmed(true);
    });
  });
}

/** On the server: sign out in the top bar; "Reset demo data" instead of the mock's fault switch. */
function wireServerTools(): void {
  const setKey = (selector: string, key: StringKey) => {
    const node = document.querySelector<HTMLElement>(selector);
    if (node) node.dataset.t = key;
  };
  setKey('#inbox-title', 'mailbox');
  setKey('#reset-hint', 'resetHintServer');
  document.querySelector<HTMLElement>('#expire-session')?.setAttribute('hidden', '');
  const signOut = document.querySelector<HTMLButtonElement>('#sign-out');
  if (signOut) {
    signOut.hidden = false;
    signOut.addEventListener('click', () => void server?.signOut());
  }
  const reset = document.querySelector<HTMLButtonElement>('#reset-demo');
  if (!reset) return;
  reset.hidden = false;
  reset.addEventListener('click', () => {
    if (reset.getAttribute('aria-disabled') === 'true' || !server || !confirm(t('resetDemoConfirm'))) return;
    const tools = server;
    reset.setAttribute('aria-disabled', 'true');
    reset.textContent = t('resetting');
    // The user's session goes with the old data: sign in again.
    tools.resetDemoData().then(
      () => tools.goToSignIn(),
      (error: unknown) => {
        reset.removeAttribute('aria-disabled');
        reset.textContent = t('resetDemo');
        showToast('resetFailed');
        console.error(error);
      },
    );
  });
}

function setSessionArmed(armed: boolean): void {
  const note = document.querySelector<HTMLElement>('#session-note');
  if (note) note.hidden = !armed;
}

// ——— The top bar's menus: the sidebar on small screens, theme, density and language below 1280px ———

function wireMenus(): void {
  const menuButton = document.querySelector<HTMLButtonElement>('.menu-button');
  const sidebar = document.querySelector<HTMLElement>('#sidebar');
  if (menuButton && sidebar) {
    wireDisclosure(menuButton, sidebar, {
      onOpen: () => sidebar.querySelector<HTMLElement>('a[href]')?.focus(),
      closeWhen: '(min-width: 45.0625em)',
    });
  }
  const displayButton = document.querySelector<HTMLButtonElement>('#display-button');
  const displayPanel = document.querySelector<HTMLElement>('#display-panel');
  if (displayButton && displayPanel) wireDisclosure(displayButton, displayPanel, { closeWhen: '(width >= 80em)' });
}

// ——— Helpers ———

function brandName(): string {
  return document.querySelector('.brand-name')?.textContent?.trim() || 'DialNexa';
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', content = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content) node.textContent = content;
  return node;
}

function showStartError(error: unknown): void {
  const alert = element('div', 'start-error');
  alert.setAttribute('role', 'alert');
  const reason = error instanceof Error ? error.message : String(error);
  alert.textContent = ON_SERVER ? `The demo could not reach the account server: ${reason}` : `The demo's mock backend could not start: ${reason}`;
  provider?.before(alert);
}

// ——— Start ———

async function start(): Promise<void> {
  applyPrefs();
  followTopbarHeight();
  wireControls();
  wireMenus();
  wireSessionTools();
  listenToElements();

  if (ON_SERVER) {
    if (!(await startOnServer())) return;
  } else {
    // The mock answers before any element exists, so their first request already reaches it.
    const { startMock } = await import('./mock-backend.js');
    backend = await startMock({ baseUrl: API_BASE, latencyMs: 350 });
    renderUser(backend.store.getProfile());
    renderInbox();
    saveToMock();
  }
  followProvider();

  await import('../src/components/account-provider/account-provider.js');
  await import('../src/components/account-settings/account-settings.js');
  applyPrefs();
}

/**
 * The provider gets the server's client before its elements exist. Not signed in: off to the
 * sign-in page (false). The saved preferences come from the server (`load-preferences`).
 */
async function startOnServer(): Promise<boolean> {
  server = await import('./server-backend.js');
  api = server.createServerApi();
  if (provider) provider.api = api;
  wireServerTools();
  wireBell();
  translateShell();
  await openMailedLink();
  try {
    renderUser(await api.getProfile());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      server.goToSignIn();
      return false;
    }
    throw error;
  }
  await Promise.all([refreshMailbox(), refreshBell()]);
  return true;
}

start().catch((error: unknown) => {
  console.error(error);
  showStartError(error);
});
