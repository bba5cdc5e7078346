import { expect, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { screen, within } from 'shadow-dom-testing-library';
import type { TrustedDevice } from '../../src/api/schemas.js';
import type { DnTrustedDevices } from '../../src/components/trusted-devices/trusted-devices.js';
import '../../src/components/trusted-devices/trusted-devices.js';
import { mount, requestsTo, settled, until, visibleText, type MountOptions } from '../helpers/fixture.js';
import { deepActive, dialogButton, dialogOpen, nativeDialogOf } from '../helpers/dialogs.js';
import { revokeFlowSuite } from './revoke-flows.suite.js';

const CURRENT = 'Chrome 126 on macOS 14.5';
const PHONE = 'Safari 17.5 on iOS 17.5';

const mountDevices = (options: MountOptions = {}) =>
  mount<DnTrustedDevices>(html`<dn-trusted-devices></dn-trusted-devices>`, { reauth: 'never', trustedDevices: 3, ...options });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The device's revoke button; while it works its name says so ("Revoking … on …", the visible text in the name). */
const revokeButton = (device: string) =>
  screen.getByShadowRole('button', { name: new RegExp(`^(Revoke|Revoking) ${escapeRegExp(device)}…?$`) }) as HTMLButtonElement;
const names = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[part="device-name"]')].map((n) => n.textContent!.trim());
const byName = (items: TrustedDevice[], name: string) => items.find((d) => `${d.browser} on ${d.os}` === name)!;

async function openRevoke(el: HTMLElement, device: string): Promise<void> {
  revokeButton(device).click();
  await until(() => dialogOpen(el), 'the confirmation dialog to open');
}

async function revoke(el: HTMLElement, device: string): Promise<void> {
  await openRevoke(el, device);
  dialogButton(el, 'Revoke').click();
}

describe('dn-trusted-devices', () => {
  it('is accessible', async () => {
    const { el } = await mountDevices();
    await expect(el).to.be.accessible();
  });

  it('is accessible in dark and right-to-left, and with the confirmation open', async () => {
    const { el } = await mountDevices({ theme: 'dark', locale: 'ar' });
    await until(() => /الأجهزة الموثوقة/.test(visibleText(el)));
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="revoke"]')!.click();
    await until(() => dialogOpen(el));
    await expect(el).to.be.accessible();
    nativeDialogOf(el).close();
  });

  it('is accessible with the confirmation open (light)', async () => {
    const { el } = await mountDevices();
    await openRevoke(el, PHONE);
    await expect(el).to.be.accessible();
    dialogButton(el, 'Cancel').click();
  });

  describe('with two-factor authentication on or off', () => {
    const intro = (el: HTMLElement) => el.shadowRoot!.querySelector('[part="intro"]')!.textContent!.trim();

    it('says the devices skip the code step while it is on', async () => {
      const { el, backend } = await mountDevices({ twoFactorEnabled: true });
      await until(() => requestsTo(backend, 'getTwoFactorStatus').length === 1 && !intro(el).includes('is off'), 'the status read');
      expect(intro(el)).to.equal('These devices skip the two-factor code step when you sign in, for 30 days from when you trusted them.');
    });

    it('says what they mean while it is off: nothing until it is turned on again, in every language', async () => {
      const expected: [string, RegExp][] = [
        ['en', /^Two-factor authentication is off, so no sign-in asks for a code now\. If you turn it on again, these devices skip the code step/],
        ['de', /^Die Zwei-Faktor-Authentifizierung ist ausgeschaltet/],
        ['es', /^La verificación en dos pasos está desactivada/],
        ['ar', /^المصادقة الثنائية متوقفة/],
      ];
      for (const [locale, pattern] of expected) {
        const { el } = await mountDevices({ twoFactorEnabled: false, locale });
        await until(() => pattern.test(intro(el)), `the ${locale} sentence for two-factor off`);
        expect(names(el)).to.have.length(3);
      }
    });

    it('reads the status once with <dn-2fa-setup> on the page, and follows it when it is turned on', async () => {
      await import('../../src/components/2fa-setup/2fa-setup.js');
      const { provider, backend } = await mount(html`<dn-trusted-devices></dn-trusted-devices><dn-2fa-setup></dn-2fa-setup>`, {
        reauth: 'never',
        trustedDevices: 3,
      });
      const el = provider.querySelector('dn-trusted-devices')!;
      await settled(provider.querySelector('dn-2fa-setup')!);
      await until(() => intro(el).includes('is off'), 'the sentence for two-factor off');
      expect(requestsTo(backend, 'getTwoFactorStatus')).to.have.length(1);
      // Turned on elsewhere on the page: the shared status changes and the sentence with it.
      const store = (provider as unknown as { providedStore: { set(key: string, value: unknown): void } }).providedStore;
      store.set('two-factor', { ...backend.store.getTwoFactorStatus(), enabled: true, enabledAt: new Date().toISOString() });
      await until(() => intro(el).startsWith('These devices skip'), 'the sentence for two-factor on');
    });
  });

  describe('by default', () => {
    it('has every row in the accessibility tree and the Tab order before any scroll, with no box of its own', async () => {
      const { provider, backend } = await mount(html`<div style="block-size: 3000px"></div><dn-trusted-devices></dn-trusted-devices>`, { reauth: 'never', trustedDevices: 2, settle: false });
      const el = provider.querySelector<DnTrustedDevices>('dn-trusted-devices')!;
      await settled(el);
      expect(el.getBoundingClientRect().top, 'the list starts off screen').to.be.greaterThan(window.innerHeight);
      expect(window.scrollY).to.equal(0);
      const devices = backend.store.listTrustedDevices().items;
      const list = within(el).getByShadowRole('list', { name: 'Trusted devices' });
      const items = within(list).getAllByShadowRole('listitem');
      expect(items).to.have.length(2);
      expect([...names(el)].sort()).to.deep.equal(devices.map((d) => `${d.browser} on ${d.os}`).sort());
      expect(el.shadowRoot!.querySelector('[part="scroller"]'), 'no inner scroll box').to.equal(null);
      const buttons = items.map((row) => within(row).getByShadowRole('button', { name: /^Revoke / }));
      for (const button of buttons) expect(button.tabIndex).to.equal(0);
      expect(window.scrollY, 'nothing scrolled yet').to.equal(0);
      // In the Tab order, row after row, and back with Shift+Tab from below.
      el.shadowRoot!.querySelector<HTMLElement>('.title')!.focus();
      const order: Element[] = [];
      for (let i = 0; i < 6 && order.length < buttons.length; i++) {
        await sendKeys({ press: 'Tab' });
        const active = deepActive();
        if (active && buttons.includes(active)) order.push(active);
      }
      expect(order).to.deep.equal(buttons);
      await sendKeys({ down: 'Shift' });
      let back: Element | null = null;
      for (let i = 0; i < 6 && !back; i++) {
        await sendKeys({ press: 'Tab' });
        const active = deepActive();
        if (active && buttons.includes(active)) back = active;
      }
      await sendKeys({ up: 'Shift' });
      expect(back === buttons[0]).to.equal(true);
    });

    it('lists every trusted device the server has, as a list', async () => {
      const { el, backend } = await mountDevices({ trustedDevices: 4 });
      const items = backend.store.listTrustedDevices().items;
      expect(items).to.have.length(4);
      const list = screen.getByShadowRole('list', { name: 'Trusted devices' });
      expect(within(list).getAllByShadowRole('listitem')).to.have.length(4);
      const text = visibleText(el);
      for (const device of items) {
        expect(names(el)).to.include(`${device.browser} on ${device.os}`);
        expect(text).to.contain(device.ip);
        expect(text).to.contain(device.location ?? 'Unknown location');
      }
      expect(names(el)[0]).to.equal(CURRENT);
      const current = el.shadowRoot!.querySelectorAll('[part="device"]')[0]!;
      expect(current.querySelector('[part="badge"]')!.textContent!.trim()).to.equal('This device');
      expect(el.shadowRoot!.querySelectorAll('[part="badge"]')).to.have.length(1);
      expect(text).to.match(/Trusted until \w{3} \d{1,2}, \d{4}/);
      expect(current.querySelector('[dir="ltr"]')!.textContent).to.equal(items[0]!.ip);
      expect(current.querySelector('svg')!.closest('[aria-hidden="true"]')).to.exist;
    });

    it('shows the last use as relative time, with the exact time for hover, keyboard and screen readers', async () => {
      const { backend } = await mountDevices();
      const phone = byName(backend.store.listTrustedDevices().items, PHONE);
      const item = revokeButton(PHONE).closest('li')!;
      const time = item.querySelector<HTMLTimeElement>(`time[datetime="${phone.lastUsedAt}"]`)!;
      expect(time.textContent!.trim()).to.equal('Last used 5 days ago');
      const tip = item.querySelector<HTMLElement>('[role="tooltip"]')!;
      expect(tip.textContent!.trim()).to.match(/\d{4}.*\d{1,2}:\d{2}/);
      // Hidden until hovered or focused; a screen reader gets it as the time's description.
      expect(getComputedStyle(tip).display).to.equal('none');
      expect(time.getAttribute('aria-describedby')).to.equal(tip.id);
      const box = time.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.x + 4), Math.round(box.y + box.height / 2)] });
      await until(() => getComputedStyle(tip).display !== 'none', 'the exact time on hover');
      await sendMouse({ type: 'move', position: [0, 0] });
      await until(() => getComputedStyle(tip).display === 'none');
      // Keyboard: the time takes focus and shows the tip; Escape hides it.
      revokeButton(PHONE).focus();
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(deepActive() === time).to.equal(true);
      expect(getComputedStyle(tip).display).not.to.equal('none');
      await sendKeys({ press: 'Escape' });
      expect(getComputedStyle(tip).display).to.equal('none');
    });

    it('explains trusted devices when there are none, without "Revoke all"', async () => {
      const { el } = await mountDevices({ trustedDevices: 0 });
      expect(visibleText(el)).to.contain(
        'When you sign in with two-factor authentication, you can trust a device for 30 days so it skips the code step. Trusted devices show up here.',
      );
      expect(screen.queryByShadowRole('button', { name: 'Revoke all' })).to.equal(null);
      expect(screen.queryByShadowRole('list')).to.equal(null);
    });

    it('shows a loading state first', async () => {
      const { el } = await mountDevices({ settle: false, latencyMs: 300 });
      expect(el.shadowRoot!.querySelector('[part="loading"]')).to.exist;
      await until(() => names(el).length === 3);
    });

    it('renders hostile device names and locations as inert text', async () => {
      const { el } = await mountDevices({ hostile: true });
      await until(() => names(el).some((n) => n.includes('<img')));
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(el.shadowRoot!.querySelector('script')).to.equal(null);
      expect(el.shadowRoot!.querySelectorAll('svg[onload]')).to.have.length(0);
      expect(visibleText(el)).to.contain('<img src=x onerror="alert(1)"> Chrome');
      expect(visibleText(el)).to.contain('"><svg onload=alert(1)>');
    });
  });

  describe('when the user revokes one device', () => {
    it('moves focus to the heading when the list becomes empty', async () => {
      const { el, backend } = await mountDevices({ trustedDevices: 1 });
      await revoke(el, CURRENT);
      await until(() => names(el).length === 0);
      expect(requestsTo(backend, 'revokeTrustedDevice')).to.have.length(1);
      await until(() => deepActive() === el.shadowRoot!.querySelector('.title'));
      expect(visibleText(el)).to.contain('Trusted devices show up here.');
    });
  });
});

/** The server asks once ("Confirm it's you"), then lets the revoke through (trusted devices are not behind the mock's gate). */
const askOnce = (): MountOptions => {
  let asked = false;
  return {
    setup: (b) =>
      b.use(
        http.delete('/api/account/trusted-devices/:id', () => {
          if (asked) return undefined;
          asked = true;
          return HttpResponse.json(
            { type: 'urn:dialnexa:problem:reauth-required', title: "Confirm it's you", status: 403, methods: ['password'] },
            { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
          );
        }),
      ),
  };
};

revokeFlowSuite({
  tag: 'dn-trusted-devices',
  mount: (options) => mountDevices(options),
  withRows: (count) => ({ trustedDevices: count }),
  rowCount: 3,
  items: (backend) => backend.store.listTrustedDevices().items.map((d) => ({ id: d.id, name: `${d.browser} on ${d.os}` })),
  forget: (backend, id) => backend.store.revokeTrustedDevice(id),
  parts: { row: 'device', name: 'device-name' },
  target: PHONE,
  other: CURRENT,
  rowButton: { name: (row) => `Revoke ${row}`, busyName: (row) => `Revoking ${row}…` },
  revokeOne: { question: (row) => `Revoke ${row}?`, confirm: 'Revoke' },
  endpoints: { one: 'revokeTrustedDevice', all: 'revokeAllTrustedDevices', reauthenticate: 'reauthenticate' },
  onePath: '/trusted-devices/:id',
  events: { one: 'dn-trusted-device-revoked', oneDetail: 'device', all: 'dn-trusted-devices-revoked' },
  texts: {
    revoked: (row) => `${row} will ask for a code at its next sign-in.`,
    alreadyGone: (row) => `${row} was already revoked or has expired, so it is no longer listed.`,
    failure: /went wrong on our side/,
  },
  // Heading → Revoke all → last used (first) → Revoke (first) → last used (second) → Revoke (second).
  keyboard: { tabs: 5, focusAfter: () => revokeButton(CURRENT) },
  // The one-off 403 is not the mock's, so only the request sent after confirming is in its log.
  confirmItsYou: { options: askOnce, statusesWhenConfirmed: [200], statusesWhenClosed: [] },
  revokeAll: {
    name: 'Revoke all',
    busyText: 'Revoking all…',
    question: 'Revoke all trusted devices?',
    message: (count) => `${count} trusted devices will each ask for a two-factor code`,
    count: 3,
    method: 'DELETE',
    remaining: [],
    status: () => 'All trusted devices were revoked. Each will ask for a code at its next sign-in.',
    textAfter: 'Trusted devices show up here.',
  },
  relativeTime: { row: PHONE, before: 'Last used 5 days ago', advanceMs: 24 * 60 * 60_000, after: 'Last used 6 days ago' },
});

