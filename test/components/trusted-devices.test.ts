import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { screen, within } from 'shadow-dom-testing-library';
import { MOCK_PASSWORD } from '../../mock/index.js';
import type { TrustedDevice } from '../../src/api/schemas.js';
import type { DnTrustedDevices } from '../../src/components/trusted-devices/trusted-devices.js';
import '../../src/components/trusted-devices/trusted-devices.js';
import { mount, requestsTo, typeInto, until, visibleText, type MountOptions } from '../helpers/fixture.js';
import { deepActive, dialogButton, dialogOpen, nativeDialogOf } from '../helpers/dialogs.js';

const CURRENT = 'Chrome 126 on macOS 14.5';
const PHONE = 'Safari 17.5 on iOS 17.5';

const mountDevices = (options: MountOptions = {}) =>
  mount<DnTrustedDevices>(html`<dn-trusted-devices></dn-trusted-devices>`, { reauth: 'never', trustedDevices: 3, ...options });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The device's revoke button; while it works its name says so ("Revoking … on …", the visible text in the name). */
const revokeButton = (device: string) =>
  screen.getByShadowRole('button', { name: new RegExp(`^(Revoke|Revoking) ${escapeRegExp(device)}…?$`) }) as HTMLButtonElement;
const status = (el: HTMLElement) => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.trim();
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

  describe('by default', () => {
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
    it('sends nothing on Cancel and returns focus to the Revoke button', async () => {
      const { el, backend } = await mountDevices();
      revokeButton(PHONE).focus();
      await openRevoke(el, PHONE);
      expect(visibleText(nativeDialogOf(el))).to.contain(`Revoke ${PHONE}?`);
      expect(deepActive() === dialogButton(el, 'Cancel')).to.equal(true);
      dialogButton(el, 'Cancel').click();
      await until(() => !dialogOpen(el));
      expect(deepActive() === revokeButton(PHONE)).to.equal(true);
      expect(requestsTo(backend, 'revokeTrustedDevice')).to.have.length(0);
      expect(names(el)).to.include(PHONE);
    });

    it('sends nothing on Escape', async () => {
      const { el, backend } = await mountDevices();
      revokeButton(PHONE).focus();
      await openRevoke(el, PHONE);
      await sendKeys({ press: 'Escape' });
      await until(() => !dialogOpen(el));
      expect(deepActive() === revokeButton(PHONE)).to.equal(true);
      expect(requestsTo(backend, 'revokeTrustedDevice')).to.have.length(0);
    });

    it('sends DELETE on confirm, updates the list, announces, emits and moves focus to the next device', async () => {
      const { el, backend } = await mountDevices();
      const items = backend.store.listTrustedDevices().items;
      const phone = byName(items, PHONE);
      const next = items[items.indexOf(phone) + 1] ?? items[items.indexOf(phone) - 1]!;
      const revoked = oneEvent(el, 'dn-trusted-device-revoked');
      revokeButton(PHONE).focus();
      await revoke(el, PHONE);
      const event = await revoked;
      expect(event.detail.device.id).to.equal(phone.id);
      const requests = requestsTo(backend, 'revokeTrustedDevice');
      expect(requests).to.have.length(1);
      expect(requests[0]!.method).to.equal('DELETE');
      // The windowed list re-renders its rows a frame after the data changed.
      await until(() => !names(el).includes(PHONE), 'the revoked device to leave the list');
      expect(backend.store.listTrustedDevices().items).to.have.length(2);
      await until(() => status(el) === `${PHONE} will ask for a code at its next sign-in.`);
      const nextButton = el.shadowRoot!.querySelector(`[part="revoke"][data-id="${next.id}"]`);
      await until(() => deepActive() === nextButton, 'focus on the next Revoke button');
    });

    it('works with the keyboard alone', async () => {
      const { el, backend } = await mountDevices({ trustedDevices: 2 });
      el.shadowRoot!.querySelector<HTMLElement>('h3')!.focus();
      // Heading → Revoke all → last used (this device) → Revoke (this device) → last used (phone) → Revoke (phone).
      for (let i = 0; i < 5; i++) await sendKeys({ press: 'Tab' });
      expect(deepActive() === revokeButton(PHONE)).to.equal(true);
      await sendKeys({ press: 'Enter' });
      await until(() => dialogOpen(el));
      expect(deepActive() === dialogButton(el, 'Cancel')).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(deepActive() === dialogButton(el, 'Revoke')).to.equal(true);
      await sendKeys({ press: 'Enter' });
      await until(() => requestsTo(backend, 'revokeTrustedDevice').length === 1);
      await until(() => names(el).length === 1);
      // The last one went: focus moves to the one before it.
      await until(() => deepActive() === revokeButton(CURRENT));
    });

    it('moves focus to the heading when the list becomes empty', async () => {
      const { el } = await mountDevices({ trustedDevices: 1 });
      await revoke(el, CURRENT);
      await until(() => names(el).length === 0);
      await until(() => deepActive() === el.shadowRoot!.querySelector('h3'));
      expect(visibleText(el)).to.contain('Trusted devices show up here.');
    });

    it('sends one request however often the user clicks', async () => {
      const { el, backend } = await mountDevices({ latencyMs: 200 });
      await revoke(el, PHONE);
      await until(() => revokeButton(PHONE).getAttribute('aria-busy') === 'true');
      expect(revokeButton(PHONE).getAttribute('aria-label')).to.equal(`Revoking ${PHONE}…`);
      revokeButton(PHONE).click();
      revokeButton(PHONE).click();
      screen.getByShadowRole('button', { name: /Revoke all/ }).click();
      await until(() => !names(el).includes(PHONE));
      expect(dialogOpen(el)).to.equal(false);
      expect(requestsTo(backend, 'revokeTrustedDevice')).to.have.length(1);
      expect(requestsTo(backend, 'revokeAllTrustedDevices')).to.have.length(0);
    });

    it('says so and drops the device when the server no longer has it (404)', async () => {
      const { el, backend } = await mountDevices();
      const phone = byName(backend.store.listTrustedDevices().items, PHONE);
      backend.store.revokeTrustedDevice(phone.id);
      await revoke(el, PHONE);
      await until(() => !names(el).includes(PHONE));
      await until(() => status(el) === `${PHONE} was already revoked or has expired, so it is no longer listed.`);
      expect(el.shadowRoot!.querySelector('[part="action-error"]')).to.equal(null);
    });

    it('shows a failure next to the list, keeping the device', async () => {
      const { el, backend } = await mountDevices({
        setup: (b) => b.use(http.delete('/api/account/trusted-devices/:id', () => HttpResponse.json({ title: 'x', status: 500 }, { status: 500 }))),
      });
      await revoke(el, PHONE);
      await until(() => el.shadowRoot!.querySelector('[part="action-error"]'));
      expect(el.shadowRoot!.querySelector('[part="action-error"]')!.getAttribute('role')).to.equal('alert');
      expect(names(el)).to.include(PHONE);
      expect(requestsTo(backend, 'revokeTrustedDevice')).to.have.length(0);
    });
  });

  describe('when the server asks to confirm it is the user', () => {
    it('opens "Confirm it\'s you", then revokes', async () => {
      let asked = false;
      const { el, backend } = await mountDevices({
        reauth: 'always',
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
      });
      await revoke(el, PHONE);
      const password = await until(() => screen.queryByLabelText('Password')).then(() => screen.getByLabelText('Password') as HTMLInputElement);
      await typeInto(password, MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      await until(() => !names(el).includes(PHONE), 'the device to be revoked after re-authentication');
      expect(requestsTo(backend, 'revokeTrustedDevice')).to.have.length(1);
      await until(() => status(el) === `${PHONE} will ask for a code at its next sign-in.`);
    });
  });

  describe('when the user revokes all devices', () => {
    it('confirms with the number, sends one DELETE, shows the empty state, announces and emits', async () => {
      const { el, backend } = await mountDevices({ trustedDevices: 3 });
      const revoked = oneEvent(el, 'dn-trusted-devices-revoked');
      screen.getByShadowRole('button', { name: 'Revoke all' }).click();
      await until(() => dialogOpen(el));
      expect(visibleText(nativeDialogOf(el))).to.contain('3 trusted devices will each ask for a two-factor code');
      dialogButton(el, 'Revoke all').click();
      const event = await revoked;
      expect(event.detail.revoked).to.equal(3);
      expect(requestsTo(backend, 'revokeAllTrustedDevices')).to.have.length(1);
      await until(() => visibleText(el).includes('Trusted devices show up here.'));
      await until(() => status(el) === 'All trusted devices were revoked. Each will ask for a code at its next sign-in.');
      await until(() => deepActive() === el.shadowRoot!.querySelector('h3'));
    });

    it('sends nothing on Cancel', async () => {
      const { el, backend } = await mountDevices();
      screen.getByShadowRole('button', { name: 'Revoke all' }).click();
      await until(() => dialogOpen(el));
      dialogButton(el, 'Cancel').click();
      await until(() => !dialogOpen(el));
      expect(requestsTo(backend, 'revokeAllTrustedDevices')).to.have.length(0);
      expect(names(el)).to.have.length(3);
    });
  });

  describe('while the page stays open', () => {
    it('refreshes relative times every 30 seconds and stops when removed', async () => {
      const realSet = window.setInterval;
      const realClear = window.clearInterval;
      const started: { id: number; ms: number | undefined }[] = [];
      const cleared: (number | undefined)[] = [];
      window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
        const id = realSet(handler, ms, ...args);
        started.push({ id, ms });
        return id;
      }) as typeof window.setInterval;
      window.clearInterval = ((id?: number) => {
        cleared.push(id);
        realClear(id);
      }) as typeof window.clearInterval;
      try {
        const { el } = await mountDevices();
        const timer = started.find((t) => t.ms === 30_000);
        expect(timer, 'a 30 s timer').to.exist;
        el.remove();
        expect(cleared).to.include(timer!.id);
      } finally {
        window.setInterval = realSet;
        window.clearInterval = realClear;
      }
    });
  });
});
