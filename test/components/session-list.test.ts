import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { screen, within } from 'shadow-dom-testing-library';
import { MOCK_PASSWORD } from '../../mock/index.js';
import type { Session } from '../../src/api/schemas.js';
import type { DnSessionList } from '../../src/components/session-list/session-list.js';
import '../../src/components/session-list/session-list.js';
import { formatDateTime } from '../../src/i18n/format.js';
import { mount, requestsTo, settled, statusOf, typeInto, until, visibleText, type MountOptions } from '../helpers/fixture.js';
import { deepActive, dialogButton, dialogOpen, nativeDialogOf } from '../helpers/dialogs.js';
import { revokeFlowSuite } from './revoke-flows.suite.js';

const CURRENT = 'Chrome 126 on macOS 14.5';
const PHONE = 'Safari 17.5 on iOS 17.5';
const FIREFOX = 'Firefox 127 on Windows 11';
const ANDROID = 'Chrome 126 on Android 14';

const mountSessions = (options: MountOptions = {}, template = html`<dn-session-list></dn-session-list>`) =>
  mount<DnSessionList>(template, { reauth: 'never', ...options });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The session's sign-out button; while it works its name says so ("Signing out … on …", the visible text in the name). */
const signOutButton = (session: string) =>
  screen.getByShadowRole('button', { name: new RegExp(`^(Sign out|Signing out) ${escapeRegExp(session)}…?$`) }) as HTMLButtonElement;
const signOutThisDevice = () => screen.getByShadowRole('button', { name: 'Sign out of this device' }) as HTMLButtonElement;
const revokeOthersButton = () => screen.getByShadowRole('button', { name: /Sign out all other sessions|Signing out other sessions/ }) as HTMLButtonElement;
const names = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[part="session-name"]')].map((n) => n.textContent!.trim());
const rows = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('[part="session"]')];
const rowOf = (el: HTMLElement, name: string) => rows(el).find((row) => row.querySelector('[part="session-name"]')!.textContent!.trim() === name)!;
const byName = (items: Session[], name: string) => items.find((s) => `${s.browser} on ${s.os}` === name)!;

async function openRevoke(el: HTMLElement, session: string): Promise<void> {
  signOutButton(session).click();
  await until(() => dialogOpen(el), 'the confirmation dialog to open');
}

async function revokeOthers(el: HTMLElement): Promise<void> {
  revokeOthersButton().click();
  await until(() => dialogOpen(el), 'the confirmation dialog to open');
  dialogButton(el, 'Sign out all other sessions').click();
}

describe('dn-session-list', () => {
  it('is accessible', async () => {
    const { el } = await mountSessions();
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark theme, and with the confirmation open', async () => {
    const { el } = await mountSessions({ theme: 'dark' });
    expect(el.getAttribute('data-dn-theme')).to.equal('dark');
    await expect(el).to.be.accessible();
    await openRevoke(el, PHONE);
    await expect(el).to.be.accessible();
    dialogButton(el, 'Cancel').click();
    await until(() => !dialogOpen(el));
  });

  it('is accessible in Arabic, right to left with the layout mirrored', async () => {
    const { el } = await mountSessions({ locale: 'ar' });
    await until(() => /الجلسات النشطة/.test(visibleText(el)));
    expect(getComputedStyle(el).direction).to.equal('rtl');
    const row = rows(el)[0]!;
    const icon = row.querySelector('[part="device-type"]')!.getBoundingClientRect();
    const details = row.querySelector('.details')!.getBoundingClientRect();
    expect(icon.left, 'the icon sits at the right, before the text').to.be.greaterThan(details.left);
    // The name is an Arabic sentence ("… على …"): it reads right to left, whatever the browser's name.
    expect(getComputedStyle(row.querySelector('[part="session-name"]')!).direction).to.equal('rtl');
    // The IP address stays left to right inside the Arabic sentence.
    expect(row.querySelector('.mono')!.getAttribute('dir')).to.equal('ltr');
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="revoke"]')!.click();
    await until(() => dialogOpen(el));
    await expect(el).to.be.accessible();
    nativeDialogOf(el).close();
  });

  describe('by default', () => {
    it('lists every session with its device, browser, IP, location and times, this device first and marked', async () => {
      const { el, backend } = await mountSessions();
      const items = backend.store.listSessions().items;
      expect(items).to.have.length(6);
      const list = screen.getByShadowRole('list', { name: 'Active sessions' });
      const listItems = within(list).getAllByShadowRole('listitem');
      expect(listItems).to.have.length(6);
      listItems.forEach((item, index) => {
        expect(item.getAttribute('aria-posinset')).to.equal(String(index + 1));
        expect(item.getAttribute('aria-setsize')).to.equal('6');
      });
      const text = visibleText(el);
      const settings = { locale: 'en', timeZone: 'Europe/Berlin', dateFormat: 'auto', timeFormat: 'auto' } as const;
      for (const session of items) {
        const row = rowOf(el, `${session.browser} on ${session.os}`);
        expect(row, `${session.browser} on ${session.os}`).to.exist;
        expect(row.querySelector('[dir="ltr"]')!.textContent).to.equal(session.ip);
        expect(visibleText(row)).to.contain(session.location ?? 'Unknown location');
        expect(row.querySelector('[part="signed-in"]')!.textContent!.trim()).to.equal(`Signed in ${formatDateTime(session.createdAt, settings)}`);
      }
      expect(text).to.contain('Unknown location');
      // This device: first, with its badge and "Active now".
      expect(names(el)[0]).to.equal(CURRENT);
      const current = rows(el)[0]!;
      expect(current.querySelector('[part="badge"]')!.textContent!.trim()).to.equal('This device');
      expect(el.shadowRoot!.querySelectorAll('[part="badge"]')).to.have.length(1);
      expect(current.querySelector('[part="active-now"]')!.textContent!.trim()).to.equal('Active now');
      expect(el.shadowRoot!.querySelectorAll('[part="active-now"]')).to.have.length(1);
      // The device type has a text alternative; the drawing itself is hidden.
      expect(visibleText(current.querySelector('[part="device-type"]')!)).to.equal('Computer');
      expect(visibleText(rowOf(el, PHONE).querySelector('[part="device-type"]')!)).to.equal('Phone');
      expect(visibleText(rowOf(el, 'Safari 17.5 on iPadOS 17.5').querySelector('[part="device-type"]')!)).to.equal('Tablet');
      expect(current.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      expect(revokeOthersButton()).to.exist;
    });

    it('puts this device first, then the most recently active, whatever order the server sends', async () => {
      const { el } = await mountSessions({
        setup: (b) => {
          const reversed = b.store.listSessions().items.reverse();
          b.use(http.get('/api/account/sessions', () => HttpResponse.json({ items: reversed })));
        },
      });
      expect(names(el)).to.deep.equal([CURRENT, PHONE, FIREFOX, 'Safari 17.5 on iPadOS 17.5', 'Edge 126 on Windows 10', ANDROID]);
    });

    it('orders by the moment, not the text, when the server writes times with offsets or fractions', async () => {
      const { el } = await mountSessions({
        setup: (b) => {
          const [current, ...others] = b.store.listSessions().items;
          // Each time written another way; as text they would sort the other way round.
          const written = ['2026-05-01T12:00:00Z', '2026-05-01T13:30:00.5+02:00', '2026-05-01T11:59:59.999Z'];
          const items = [current!, ...others.slice(0, 3).map((session, i) => ({ ...session, lastActiveAt: written[i]! }))];
          b.use(http.get('/api/account/sessions', () => HttpResponse.json({ items })));
        },
      });
      // 12:00:00 Z, then 11:59:59.999 Z, then 13:30:00.5 at +02:00 (11:30:00.5 Z).
      expect(names(el).slice(1)).to.deep.equal([PHONE, 'Safari 17.5 on iPadOS 17.5', FIREFOX]);
    });

    it('shows the last activity as relative time, with the exact time for hover, keyboard and screen readers', async () => {
      const { el, backend } = await mountSessions();
      const phone = byName(backend.store.listSessions().items, PHONE);
      const item = rowOf(el, PHONE);
      const time = item.querySelector<HTMLTimeElement>(`time[datetime="${phone.lastActiveAt}"]`)!;
      expect(time.textContent!.trim()).to.equal('Last active 2 hours ago');
      const tip = item.querySelector<HTMLElement>('[role="tooltip"]')!;
      expect(tip.textContent!.trim()).to.equal(
        formatDateTime(phone.lastActiveAt, { locale: 'en', timeZone: 'Europe/Berlin', dateFormat: 'auto', timeFormat: 'auto' }),
      );
      expect(getComputedStyle(tip).display).to.equal('none');
      expect(time.getAttribute('aria-describedby')).to.equal(tip.id);
      const box = time.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.x + 4), Math.round(box.y + box.height / 2)] });
      await until(() => getComputedStyle(tip).display !== 'none', 'the exact time on hover');
      await sendMouse({ type: 'move', position: [0, 0] });
      await until(() => getComputedStyle(tip).display === 'none');
      // Keyboard: the time takes focus and shows the tip; Escape hides it.
      signOutButton(PHONE).focus();
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(deepActive() === time).to.equal(true);
      expect(getComputedStyle(tip).display).not.to.equal('none');
      await sendKeys({ press: 'Escape' });
      expect(getComputedStyle(tip).display).to.equal('none');
    });

    it('shows a loading state first', async () => {
      const { el } = await mountSessions({ settle: false, latencyMs: 300 });
      expect(el.shadowRoot!.querySelector('[part="loading"]')).to.exist;
      expect(el.shadowRoot!.querySelector('[part="loading"]')!.getAttribute('aria-busy')).to.equal('true');
      await until(() => names(el).length === 6);
    });

    it('says so when the server lists no session, without "Sign out all other sessions"', async () => {
      const { el } = await mountSessions({ sessions: 0 });
      expect(visibleText(el)).to.contain('No active sessions were found. Every device and browser you sign in with shows up here.');
      expect(screen.queryByShadowRole('button', { name: /Sign out all other sessions/ })).to.equal(null);
      expect(screen.queryByShadowRole('list')).to.equal(null);
    });

    it('says this is the only device when it is, without "Sign out all other sessions"', async () => {
      const { el } = await mountSessions({ sessions: 1 });
      expect(names(el)).to.deep.equal([CURRENT]);
      expect(el.shadowRoot!.querySelector('[part="only-device"]')!.textContent!.trim()).to.equal("You're signed in only on this device.");
      expect(screen.queryByShadowRole('button', { name: /Sign out all other sessions/ })).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part="hint"]')).to.equal(null);
    });

    it('renders hostile device names, user agents and locations as inert text', async () => {
      const { el } = await mountSessions({ hostile: true });
      await until(() => names(el).some((n) => n.includes('<img')));
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(el.shadowRoot!.querySelector('script')).to.equal(null);
      expect(el.shadowRoot!.querySelectorAll('svg[onload]')).to.have.length(0);
      expect(el.shadowRoot!.querySelectorAll('svg')).to.have.length(rows(el).length);
      const text = visibleText(el);
      expect(text).to.contain('<img src=x onerror="alert(1)"> Chrome on <script>alert("os")</script>');
      expect(text).to.contain('"><svg onload=alert(1)>');
      const hostile = rows(el).find((row) => visibleText(row).includes('<img'))!;
      expect(visibleText(hostile.querySelector('[part="device-type"]')!)).to.equal('Unknown device');
    });

    it('has every row in the accessibility tree and the Tab order before any scroll, with no box of its own', async () => {
      const { provider, backend } = await mount(html`<div style="block-size: 3000px"></div><dn-session-list></dn-session-list>`, { reauth: 'never', sessions: 6, settle: false });
      const el = provider.querySelector<DnSessionList>('dn-session-list')!;
      await settled(el);
      expect(el.getBoundingClientRect().top, 'the list starts off screen').to.be.greaterThan(window.innerHeight);
      expect(window.scrollY).to.equal(0);
      const sessions = backend.store.listSessions().items;
      const list = within(el).getByShadowRole('list', { name: 'Active sessions' });
      const items = within(list).getAllByShadowRole('listitem');
      expect(items).to.have.length(6);
      expect(items.map((row) => row.getAttribute('aria-posinset'))).to.deep.equal(['1', '2', '3', '4', '5', '6']);
      expect([...names(el)].sort()).to.deep.equal(sessions.map((s) => `${s.browser} on ${s.os}`).sort());
      expect(el.shadowRoot!.querySelector('[part="scroller"]'), 'no inner scroll box').to.equal(null);
      expect(el.shadowRoot!.querySelector('[part="count"]'), 'the list itself says how many').to.equal(null);
      // Every row's button is focusable, found by its name while the rows are still off screen.
      const buttons = items.map((row) => within(row).getByShadowRole('button'));
      for (const button of buttons) {
        expect(button.tabIndex).to.equal(0);
        expect((button as HTMLButtonElement).disabled).to.equal(false);
      }
      expect(window.scrollY, 'nothing scrolled yet').to.equal(0);
      // In the Tab order: from "Sign out all other sessions", row after row (each row's time is a stop too).
      revokeOthersButton().focus();
      const order: Element[] = [];
      for (let i = 0; i < 20 && order.length < buttons.length; i++) {
        await sendKeys({ press: 'Tab' });
        const active = deepActive();
        if (active && buttons.includes(active)) order.push(active);
      }
      expect(order).to.deep.equal(buttons);
      // And back with Shift+Tab from below, past rows that were never on screen.
      await sendKeys({ down: 'Shift' });
      const back: Element[] = [];
      for (let i = 0; i < 20 && back.length < buttons.length - 1; i++) {
        await sendKeys({ press: 'Tab' });
        const active = deepActive();
        if (active && buttons.includes(active)) back.push(active);
      }
      await sendKeys({ up: 'Shift' });
      expect(back).to.deep.equal(buttons.slice(0, -1).reverse());
    });

    it('stays windowed with 10,000 sessions: every row knows its place, few exist', async () => {
      const { el } = await mountSessions({ sessions: 10000 });
      // The virtualizer loads on demand, for long lists only.
      await until(() => rows(el).length > 0, 'the windowed rows');
      const present = rows(el);
      expect(present.length).to.be.lessThan(100);
      expect(present[0]!.getAttribute('aria-setsize')).to.equal('10000');
      expect(present[0]!.getAttribute('aria-posinset')).to.equal('1');
      expect(el.shadowRoot!.querySelectorAll('li').length).to.be.lessThan(100);
      // Only some rows exist: the count says how many there are.
      expect(visibleText(el.shadowRoot!.querySelector('[part="count"]')!)).to.equal('10,000 active sessions');
      revokeOthersButton().click();
      await until(() => dialogOpen(el));
      expect(visibleText(nativeDialogOf(el))).to.contain('9,999 other sessions will be signed out.');
      dialogButton(el, 'Cancel').click();
      await until(() => !dialogOpen(el));
      // Scrolling to the end brings the last rows in, still few at a time.
      // The list scrolls inside its own box, so what follows the element stays within reach.
      const box = el.shadowRoot!.querySelector<HTMLElement>('[part="scroller"]')!;
      expect(box.clientHeight).to.be.at.most(Math.min(640, window.innerHeight * 0.8) + 1);
      box.scrollTop = box.scrollHeight;
      await until(() => el.shadowRoot!.querySelector('[aria-posinset="10000"]'), 'the last row after scrolling');
      expect(el.shadowRoot!.querySelectorAll('li').length).to.be.lessThan(100);
    });

    it('moves focus to the next row after a sign-out in a windowed list too', async () => {
      const { el } = await mountSessions({ sessions: 250 });
      await until(() => el.shadowRoot!.querySelectorAll('[part="revoke"]').length > 1, 'the windowed rows');
      const [target, next] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="revoke"]')];
      const nextId = next!.dataset['id']!;
      target!.focus();
      target!.click();
      await until(() => dialogOpen(el), 'the confirmation');
      dialogButton(el, 'Sign out').click();
      await until(() => rows(el)[0]!.getAttribute('aria-setsize') === '249', 'the row to leave');
      await until(() => deepActive() === el.shadowRoot!.querySelector(`[part="revoke"][data-id="${nextId}"]`), "focus on the next row's button");
    });

    it('renders a short list whole, in the page\'s flow (no inner scrollbar, no cut-off rows)', async () => {
      const { el } = await mountSessions({ sessions: 6 });
      expect(el.shadowRoot!.querySelector('[part="scroller"]')).to.equal(null);
      const list = el.shadowRoot!.querySelector<HTMLElement>('[part="list"]')!;
      expect(list.scrollHeight).to.be.at.most(list.clientHeight + 1);
      expect(el.shadowRoot!.querySelectorAll('[part~="session"]').length).to.equal(6);
    });
  });

  describe('when the user signs out of this device', () => {
    it('asks the host to sign out and sends nothing to the server', async () => {
      const { el, backend } = await mountSessions();
      const current = backend.store.listSessions().items[0]!;
      const requested = oneEvent(el, 'dn-sign-out-requested');
      expect(signOutThisDevice().textContent!.trim()).to.equal('Sign out');
      signOutThisDevice().click();
      const event = await requested;
      expect(event.detail.session.id).to.equal(current.id);
      expect(event.detail.session.current).to.equal(true);
      await el.updateComplete;
      expect(dialogOpen(el)).to.equal(false);
      expect(requestsTo(backend, 'revokeSession')).to.have.length(0);
      expect(requestsTo(backend, 'revokeOtherSessions')).to.have.length(0);
      expect(names(el)).to.include(CURRENT);
      // Never offered as a revoke.
      expect(screen.queryByShadowRole('button', { name: `Sign out ${CURRENT}` })).to.equal(null);
    });
  });

  describe('when the server asks to confirm it is the user', () => {
    it('opens "Confirm it\'s you" for all other sessions when the sign-in is stale', async () => {
      const { el, backend } = await mountSessions({ reauth: 'when-stale' });
      await revokeOthers(el);
      const password = await until(() => screen.queryByLabelText('Password')).then(() => screen.getByLabelText('Password') as HTMLInputElement);
      await typeInto(password, MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      await until(() => names(el).length === 1, 'the other sessions to be signed out after re-authentication');
      expect(requestsTo(backend, 'revokeOtherSessions').map((r) => r.status)).to.deep.equal([403, 200]);
    });

  });

  describe('when the user signs out all other sessions', () => {
    it('announces the number the server signed out', async () => {
      const { el } = await mountSessions({
        setup: (b) => b.use(http.post('/api/account/sessions/revoke-others', () => HttpResponse.json({ revoked: 1234 }))),
      });
      const revoked = oneEvent(el, 'dn-sessions-revoked');
      await revokeOthers(el);
      expect((await revoked).detail.revoked).to.equal(1234);
      await until(() => statusOf(el) === '1,234 other sessions signed out. Only this device is still signed in.');
    });

  });

  describe('when a session is not recognised', () => {
    it('suggests changing the password with a button that tells the host', async () => {
      const { el } = await mountSessions();
      const hint = el.shadowRoot!.querySelector('[part="hint"]')!;
      expect(visibleText(hint)).to.contain("Don't recognise a session? Sign it out, then change your password.");
      expect(hint.querySelector('a')).to.equal(null);
      const requested = oneEvent(el, 'dn-password-change-requested');
      screen.getByShadowRole('button', { name: 'Change password' }).click();
      expect((await requested).detail.reason).to.equal('unrecognized-session');
    });

    it('links to the password page when password-href is set', async () => {
      const { el } = await mountSessions({}, html`<dn-session-list password-href="/settings/security#password"></dn-session-list>`);
      expect(el.passwordHref).to.equal('/settings/security#password');
      const link = screen.getByShadowRole('link', { name: 'Change password' }) as HTMLAnchorElement;
      expect(link.getAttribute('href')).to.equal('/settings/security#password');
      expect(screen.queryByShadowRole('button', { name: 'Change password' })).to.equal(null);
    });

    it('keeps the suggestion after the other sessions are signed out', async () => {
      const { el } = await mountSessions();
      await revokeOthers(el);
      await until(() => names(el).length === 1);
      expect(screen.getByShadowRole('button', { name: 'Change password' })).to.exist;
    });
  });

  describe('in other languages', () => {
    const unknownParts: [string, string, string][] = [
      ['en', 'Active sessions', 'Unknown browser on Unknown system'],
      ['de', 'Aktive Sitzungen', 'Unbekannter Browser unter Unbekanntes System'],
      ['es', 'Sesiones activas', 'Navegador desconocido en Sistema desconocido'],
      ['ar', 'الجلسات النشطة', '\u2068متصفح غير معروف\u2069 على \u2068نظام غير معروف\u2069'],
    ];
    for (const [locale, title, name] of unknownParts) {
      it(`names a browser and system the server could not tell in the user's language (${locale})`, async () => {
        const { el } = await mountSessions({
          locale,
          setup: (b) => {
            const items = b.store.listSessions().items;
            items[1] = { ...items[1]!, browser: 'Unknown', os: 'Unknown' };
            items[2] = { ...items[2]!, browser: '', os: 'unknown OS' };
            b.use(http.get('/api/account/sessions', () => HttpResponse.json({ items })));
          },
        });
        await until(() => visibleText(el).includes(title), `the ${locale} strings`);
        const shown = names(el);
        expect(shown.filter((text) => text === name), shown.join(' | ')).to.have.length(2);
        expect(visibleText(el)).not.to.match(/\bUnknown\b(?! (browser|system|location))/);
      });
    }

    it('speaks German', async () => {
      const { el } = await mountSessions({ locale: 'de' });
      await until(() => visibleText(el).includes('Aktive Sitzungen'));
      const text = visibleText(el);
      expect(text).to.contain('Dieses Gerät');
      expect(text).to.contain('Gerade aktiv');
      expect(text).to.contain('Safari 17.5 unter iOS 17.5');
      expect(text).to.contain('Zuletzt aktiv vor 2 Stunden');
      expect(screen.getByShadowRole('button', { name: 'Alle anderen Sitzungen abmelden' })).to.exist;
      screen.getByShadowRole('button', { name: 'Alle anderen Sitzungen abmelden' }).click();
      await until(() => dialogOpen(el));
      expect(visibleText(nativeDialogOf(el))).to.contain('5 andere Sitzungen werden abgemeldet.');
      nativeDialogOf(el).close();
    });

    it('speaks Spanish', async () => {
      const { el } = await mountSessions({ locale: 'es' });
      await until(() => visibleText(el).includes('Sesiones activas'));
      expect(visibleText(el)).to.contain('Última actividad hace 2 horas');
      expect(screen.getByShadowRole('button', { name: 'Cerrar sesión de Safari 17.5 en iOS 17.5' })).to.exist;
      expect(screen.getByShadowRole('button', { name: 'Cerrar sesión en este dispositivo' })).to.exist;
    });

    it('speaks Arabic', async () => {
      const { el } = await mountSessions({ locale: 'ar', sessions: 1 });
      await until(() => visibleText(el).includes('الجلسات النشطة'));
      expect(visibleText(el)).to.contain('أنتم مسجّلو الدخول على هذا الجهاز فقط.');
      expect(visibleText(el)).to.contain('نشطة الآن');
    });
  });
});

revokeFlowSuite({
  tag: 'dn-session-list',
  mount: (options) => mountSessions(options),
  withRows: (count) => ({ sessions: count }),
  rowCount: 6,
  items: (backend) => backend.store.listSessions().items.map((s) => ({ id: s.id, name: `${s.browser} on ${s.os}` })),
  forget: (backend, id) => backend.store.revokeSession(id),
  parts: { row: 'session', name: 'session-name' },
  target: FIREFOX,
  other: PHONE,
  rowButton: { name: (row) => `Sign out ${row}`, busyName: (row) => `Signing out ${row}…` },
  revokeOne: { question: (row) => `Sign out ${row}?`, confirm: 'Sign out' },
  endpoints: { one: 'revokeSession', all: 'revokeOtherSessions', reauthenticate: 'reauthenticate' },
  onePath: '/sessions/:id',
  events: { one: 'dn-session-revoked', oneDetail: 'session', all: 'dn-sessions-revoked' },
  texts: {
    revoked: (row) => `${row} was signed out. If you didn't recognise it, change your password too.`,
    alreadyGone: (row) => `${row} was already signed out, so it is no longer listed.`,
    failure: /went wrong on our side/,
  },
  // Heading → Sign out all others → Sign out (this device) → last active (second) → Sign out (second).
  keyboard: { tabs: 4, focusAfter: () => signOutThisDevice(), textAfter: "You're signed in only on this device." },
  confirmItsYou: { options: () => ({ reauth: 'always' }), statusesWhenConfirmed: [403, 200], statusesWhenClosed: [403] },
  revokeAll: {
    name: 'Sign out all other sessions',
    busyText: 'Signing out other sessions…',
    question: 'Sign out all other sessions?',
    message: (count) => `${count} other sessions will be signed out.`,
    count: 5,
    method: 'POST',
    remaining: [CURRENT],
    status: (count) => `${count} other sessions signed out. Only this device is still signed in.`,
    textAfter: "You're signed in only on this device.",
  },
  relativeTime: { row: PHONE, before: 'Last active 2 hours ago', advanceMs: 60 * 60_000, after: 'Last active 3 hours ago' },
});

