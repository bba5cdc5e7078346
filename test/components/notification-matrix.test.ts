import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { screen, within } from 'shadow-dom-testing-library';
import type { MockBackend } from '../helpers/fixture.js';
import { NOTIFICATION_CATALOG } from '../../mock/index.js';
import type { NotificationChange, NotificationPreferences } from '../../src/api/schemas.js';
import type { DnNotificationMatrix } from '../../src/components/notification-matrix/notification-matrix.js';
import '../../src/components/notification-matrix/notification-matrix.js';
import { mount, nextFrame, requestsTo, statusOf, until, visibleText, type MountOptions } from '../helpers/fixture.js';
import { deepActive, dialogButton, nativeDialogOf } from '../helpers/dialogs.js';

const PATH = '/api/account/notifications';
const LOW_BALANCE = 'Email for Low wallet balance';

const mountMatrix = (options: MountOptions = {}) =>
  mount<DnNotificationMatrix>(html`<dn-notification-matrix></dn-notification-matrix>`, options);

const switchNamed = (name: string) => screen.getByShadowRole('switch', { name }) as HTMLButtonElement;
const switches = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="switch"]')];
const isOn = (button: HTMLElement) => button.getAttribute('aria-checked') === 'true';
const saving = (el: HTMLElement) => el.shadowRoot!.querySelector('[part="saving"]') !== null;
const button = (name: string | RegExp) => screen.getByShadowRole('button', { name }) as HTMLButtonElement;
/** The texts `element` is described by (aria-describedby), joined. */
const description = (element: HTMLElement) => {
  const root = element.getRootNode() as ShadowRoot;
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => root.getElementById(id)?.textContent?.trim())
    .join(' ');
};
const bodies = (backend: MockBackend) =>
  requestsTo(backend, 'updateNotificationPreferences').map((r) => (r.json as { changes: NotificationChange[] }).changes);

/** Cells whose switch on screen differs from the server's value (English labels). */
function disagreements(el: HTMLElement, preferences: NotificationPreferences): string[] {
  const onScreen = new Map(switches(el).map((s) => [s.getAttribute('aria-label')!, isOn(s)]));
  const out: string[] = [];
  for (const type of preferences.types) {
    for (const channel of preferences.channels) {
      const name = `${channel.label} for ${type.label}`;
      if (onScreen.get(name) !== preferences.values[type.id]![channel.id]) out.push(name);
    }
  }
  return out;
}

const problem500 = () =>
  HttpResponse.json(
    { type: 'urn:dialnexa:problem:internal', title: 'Internal', status: 500 },
    { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
  );

/** The seed catalog with a third channel (SMS), as a server that offers one answers. */
function withSms(): NotificationPreferences {
  const values: NotificationPreferences['values'] = {};
  const types = NOTIFICATION_CATALOG.types.map((type) => ({
    ...type,
    defaults: { ...type.defaults, sms: false },
  }));
  for (const type of types) values[type.id] = { ...type.defaults };
  return structuredClone({ ...NOTIFICATION_CATALOG, channels: [...NOTIFICATION_CATALOG.channels, { id: 'sms', label: 'SMS' }], types, values });
}

describe('dn-notification-matrix', () => {
  it('is accessible', async () => {
    const { el } = await mountMatrix();
    await expect(el).to.be.accessible();
  });

  it('is accessible in dark and right-to-left, and with the reset confirmation open', async () => {
    const { el } = await mountMatrix({ theme: 'dark', locale: 'ar' });
    await until(() => visibleText(el).includes('الإشعارات'));
    await expect(el).to.be.accessible();
    switches(el)[0]!.click();
    await until(() => el.shadowRoot!.querySelector('[part="reset"]')!.getAttribute('aria-disabled') === 'false');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="reset"]')!.click();
    await until(() => nativeDialogOf(el).open);
    await expect(el).to.be.accessible();
    nativeDialogOf(el).close();
  });

  it('is accessible as stacked cards on a narrow container', async () => {
    const { el } = await mountMatrix();
    el.style.width = '320px';
    await until(() => getComputedStyle(el.shadowRoot!.querySelector('[part="cell-label"]')!).display !== 'none');
    await expect(el).to.be.accessible();
  });

  describe('by default', () => {
    it('shows every type of the server, grouped, with what triggers it, against every channel', async () => {
      const { el } = await mountMatrix();
      const grid = screen.getByShadowRole('grid', { name: 'Notifications' });
      expect(within(grid).getByShadowRole('columnheader', { name: 'Email' })).to.exist;
      expect(within(grid).getByShadowRole('columnheader', { name: 'In-app' })).to.exist;
      const text = visibleText(el);
      for (const group of NOTIFICATION_CATALOG.groups) expect(text).to.contain(group.label);
      for (const type of NOTIFICATION_CATALOG.types) {
        expect(text).to.contain(type.label);
        expect(text).to.contain(type.description);
      }
      expect(text).to.contain('More than 10% of calls fail in an hour');
      expect(switches(el)).to.have.length(NOTIFICATION_CATALOG.types.length * 2);
      // Group headings come before their types.
      const groupRows = [...el.shadowRoot!.querySelectorAll('[part="group"]')].map((r) => r.textContent!.trim());
      expect(groupRows).to.deep.equal(NOTIFICATION_CATALOG.groups.map((g) => g.label));
      const wallet = el.shadowRoot!.querySelectorAll('tbody')[1]!;
      expect(wallet.textContent).to.contain('Low wallet balance');
      expect(wallet.textContent).not.to.contain('Call alerts');
    });

    it("shows the server's defaults: new team member by email is off, by in-app on", async () => {
      const { el, backend } = await mountMatrix();
      expect(isOn(switchNamed('Email for New team member joined'))).to.equal(false);
      expect(isOn(switchNamed('In-app for New team member joined'))).to.equal(true);
      expect(isOn(switchNamed('Email for Marketing emails'))).to.equal(false);
      expect(disagreements(el, backend.store.getNotificationPreferences())).to.deep.equal([]);
      // Nothing differs from the default yet: no note, and nothing to reset.
      expect(el.shadowRoot!.querySelector('[part="default-note"]')).to.equal(null);
      const reset = button('Reset to defaults');
      expect(reset.getAttribute('aria-disabled')).to.equal('true');
      expect(description(reset)).to.equal('Every notification is at its default.');
      reset.click();
      await new Promise((r) => setTimeout(r, 50));
      expect(nativeDialogOf(el).open).to.equal(false);
    });

    it('shows locked cells as on, not operable, and says why (the server\'s reason)', async () => {
      const { el, backend } = await mountMatrix();
      for (const name of ['Email for Security alerts', 'In-app for Security alerts']) {
        const locked = switchNamed(name);
        expect(isOn(locked)).to.equal(true);
        expect(locked.getAttribute('aria-disabled')).to.equal('true');
        expect(description(locked)).to.equal('Security alerts are always sent by email and in-app.');
      }
      // The reason shows once in the row.
      const row = switchNamed('Email for Security alerts').closest('tr')!;
      expect(row.querySelectorAll('[part="lock-reason"]')).to.have.length(1);
      expect(visibleText(row)).to.contain('Security alerts are always sent by email and in-app.');
      switchNamed('Email for Security alerts').click();
      switchNamed('In-app for Security alerts').focus();
      await sendKeys({ press: 'Space' });
      await new Promise((r) => setTimeout(r, 100));
      expect(isOn(switchNamed('Email for Security alerts'))).to.equal(true);
      expect(bodies(backend)).to.have.length(0);
      // No "turn all" button can touch them either: they are skipped (see the column test).
      expect(el.shadowRoot!.querySelector('[part="cell-error"]')).to.equal(null);
    });

    it('shows a loading state first', async () => {
      const { el } = await mountMatrix({ settle: false, latencyMs: 300 });
      expect(el.shadowRoot!.querySelector('[part="loading"]')).to.exist;
      await until(() => switches(el).length > 0);
    });

    it('renders hostile labels from the server as inert text', async () => {
      const hostile = '<img src=x onerror="alert(1)"> Calls';
      const { el } = await mountMatrix({
        setup: (b) =>
          b.use(
            http.get(PATH, () =>
              HttpResponse.json({
                channels: [{ id: 'email', label: '"><svg onload=alert(1)>' }],
                groups: [{ id: 'g', label: '<script>alert(1)</script>' }],
                types: [
                  {
                    id: 't" onmouseover="alert(1)',
                    groupId: 'g',
                    label: hostile,
                    description: '\u202Eevil\u202C <b>bold</b>',
                    defaults: { email: true },
                    locked: { email: '<a href="javascript:alert(1)">why</a>' },
                  },
                ],
                values: { 't" onmouseover="alert(1)': { email: true } },
              }),
            ),
          ),
      });
      expect(el.shadowRoot!.querySelector('img, script, b, a, svg[onload]')).to.equal(null);
      const text = visibleText(el);
      expect(text).to.contain(hostile);
      expect(text).to.contain('<script>alert(1)</script>');
      expect(text).to.contain('<a href="javascript:alert(1)">why</a>');
      expect(switches(el)[0]!.getAttribute('aria-label')).to.equal(`"><svg onload=alert(1)> for ${hostile}`);
    });
  });

  describe('when the user switches one cell', () => {
    it('saves it at once, announces, marks it as not the default and emits', async () => {
      const { el, backend } = await mountMatrix();
      const changed = oneEvent(el, 'dn-notification-preferences-changed');
      const cell = switchNamed(LOW_BALANCE);
      cell.click();
      // The screen follows the click at once, before the server answered.
      await el.updateComplete;
      expect(isOn(cell)).to.equal(false);
      expect(bodies(backend)).to.have.length(0);
      const event = await changed;
      expect(event.detail.reset).to.equal(false);
      expect(event.detail.changes).to.deep.equal([{ typeId: 'low-wallet-balance', channelId: 'email', enabled: false }]);
      expect(event.detail.preferences.values['low-wallet-balance']!.email).to.equal(false);
      expect(bodies(backend)).to.deep.equal([[{ typeId: 'low-wallet-balance', channelId: 'email', enabled: false }]]);
      expect(requestsTo(backend, 'updateNotificationPreferences')[0]!.method).to.equal('PATCH');
      expect(backend.store.getNotificationPreferences().values['low-wallet-balance']!.email).to.equal(false);
      await until(() => statusOf(el) === 'Email for Low wallet balance is off.');
      expect(description(switchNamed(LOW_BALANCE))).to.equal('Default: on');
      expect(button('Reset to defaults').getAttribute('aria-disabled')).to.equal('false');
      // Switching it back sends it back and the note goes.
      switchNamed(LOW_BALANCE).click();
      await until(() => statusOf(el) === 'Email for Low wallet balance is on.');
      expect(bodies(backend)[1]).to.deep.equal([{ typeId: 'low-wallet-balance', channelId: 'email', enabled: true }]);
      expect(el.shadowRoot!.querySelector('[part="default-note"]')).to.equal(null);
    });

    it('turns a cell that is off by default on, showing "Default: off"', async () => {
      const { el, backend } = await mountMatrix();
      switchNamed('Email for New team member joined').click();
      await until(() => statusOf(el) === 'Email for New team member joined is on.');
      expect(backend.store.getNotificationPreferences().values['team-member-joined']!.email).to.equal(true);
      expect(description(switchNamed('Email for New team member joined'))).to.equal('Default: off');
    });

    it('keeps the screen and the server in step when toggled five times fast', async () => {
      const { el, backend } = await mountMatrix({ latencyMs: 150 });
      switchNamed(LOW_BALANCE).focus();
      for (let i = 0; i < 5; i++) await sendKeys({ press: 'Space' });
      expect(isOn(switchNamed(LOW_BALANCE))).to.equal(false);
      await until(() => !saving(el) && disagreements(el, backend.store.getNotificationPreferences()).length === 0, 'the queue to drain');
      expect(backend.store.getNotificationPreferences().values['low-wallet-balance']!.email).to.equal(false);
      expect(isOn(switchNamed(LOW_BALANCE))).to.equal(false);
      // One request at a time, combined: never more than the toggles, each only this cell.
      const sent = bodies(backend);
      expect(sent.length).to.be.within(1, 5);
      for (const changes of sent) expect(changes.map((c) => c.typeId + '/' + c.channelId)).to.deep.equal(['low-wallet-balance/email']);
      expect(sent.at(-1)![0]!.enabled).to.equal(false);
    });

    it('keeps them in step with a failure in the middle: that save rolls back, the next ones go through', async () => {
      const gates: ((fail: boolean) => void)[] = [];
      const sent: NotificationChange[][] = [];
      const { el, backend } = await mountMatrix({
        setup: (b) =>
          b.use(
            http.patch(PATH, async ({ request }) => {
              sent.push(((await request.clone().json()) as { changes: NotificationChange[] }).changes);
              const fail = await new Promise<boolean>((resolve) => gates.push(resolve));
              return fail ? problem500() : undefined;
            }),
          ),
      });
      const cell = () => switchNamed(LOW_BALANCE);
      cell().click(); // 1: off — sent, held
      await until(() => gates.length === 1);
      cell().click(); // 2: on — waits for the first
      await el.updateComplete;
      expect(isOn(cell())).to.equal(true);
      gates[0]!(false);
      await until(() => gates.length === 2, 'the second save to leave after the first');
      gates[1]!(true); // the second fails: the cell goes back to what the server has (off)
      await until(() => el.shadowRoot!.querySelector('[part="cell-error"]'));
      expect(isOn(cell())).to.equal(false);
      const error = el.shadowRoot!.querySelector('[part="cell-error"]')!;
      expect(error.textContent!.trim()).to.equal('Email was not saved, so it is still off.');
      expect(description(cell())).to.contain('Email was not saved, so it is still off.');
      const alert = el.shadowRoot!.querySelector('[part="save-error"]')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(visibleText(alert)).to.match(/Your last change was not saved\. Something went wrong on our side/);
      cell().click(); // 3: on — sent
      await until(() => gates.length === 3);
      expect(el.shadowRoot!.querySelector('[part="cell-error"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part="save-error"]')).to.equal(null);
      cell().click(); // 4: off
      cell().click(); // 5: on — the same as the save under way: nothing more to send
      gates[2]!(false);
      await until(() => !saving(el), 'the queue to drain');
      expect(sent.map((changes) => changes.map((c) => c.enabled))).to.deep.equal([[false], [true], [true]]);
      expect(backend.store.getNotificationPreferences().values['low-wallet-balance']!.email).to.equal(true);
      expect(disagreements(el, backend.store.getNotificationPreferences())).to.deep.equal([]);
    });
  });

  describe('when the user switches a whole column', () => {
    it('turns every email notification off in one request, skipping locked cells, then on again', async () => {
      const { el, backend } = await mountMatrix();
      const changed = oneEvent(el, 'dn-notification-preferences-changed');
      button('Email: turn all off').click();
      const event = await changed;
      const expected = NOTIFICATION_CATALOG.types
        .filter((t) => t.defaults.email && !('email' in t.locked))
        .map((t) => ({ typeId: t.id, channelId: 'email', enabled: false }));
      expect(event.detail.changes).to.deep.equal(expected);
      expect(bodies(backend)).to.deep.equal([expected]);
      const values = backend.store.getNotificationPreferences().values;
      for (const type of NOTIFICATION_CATALOG.types) expect(values[type.id]!.email).to.equal(type.id === 'security-alerts');
      expect(isOn(switchNamed('Email for Security alerts'))).to.equal(true);
      await until(() => statusOf(el) === 'Every Email notification that can be changed is off.');
      expect(disagreements(el, backend.store.getNotificationPreferences())).to.deep.equal([]);
      // In-app is untouched.
      expect(isOn(switchNamed('In-app for Low wallet balance'))).to.equal(true);
      button('Email: turn all on').click();
      await until(() => statusOf(el) === 'Every Email notification that can be changed is on.');
      const all = NOTIFICATION_CATALOG.types.filter((t) => !('email' in t.locked)).map((t) => ({ typeId: t.id, channelId: 'email', enabled: true }));
      expect(bodies(backend)[1]).to.deep.equal(all);
      expect(button('Email: turn all off')).to.exist;
    });

    it('rolls the whole column back when its save fails', async () => {
      const { el, backend } = await mountMatrix({ setup: (b) => b.use(http.patch(PATH, problem500)) });
      button('In-app: turn all off').click();
      await until(() => el.shadowRoot!.querySelector('[part="save-error"]'));
      await until(() => !saving(el));
      expect(isOn(switchNamed('In-app for Low wallet balance'))).to.equal(true);
      expect(disagreements(el, backend.store.getNotificationPreferences())).to.deep.equal([]);
      expect(el.shadowRoot!.querySelectorAll('[part="cell-error"]').length).to.be.greaterThan(5);
    });
  });

  describe('when the user resets to defaults', () => {
    async function changeTwo(el: HTMLElement) {
      switchNamed(LOW_BALANCE).click();
      switchNamed('In-app for Marketing emails').click();
      await until(() => !saving(el) && button('Reset to defaults').getAttribute('aria-disabled') === 'false');
    }

    it('asks first and sends nothing on Cancel', async () => {
      const { el, backend } = await mountMatrix();
      await changeTwo(el);
      button('Reset to defaults').focus();
      button('Reset to defaults').click();
      await until(() => nativeDialogOf(el).open);
      expect(visibleText(nativeDialogOf(el))).to.contain('Reset notifications to their defaults?');
      dialogButton(el, 'Cancel').click();
      await until(() => !nativeDialogOf(el).open);
      expect(requestsTo(backend, 'resetNotificationPreferences')).to.have.length(0);
      expect(isOn(switchNamed(LOW_BALANCE))).to.equal(false);
      expect(deepActive() === button('Reset to defaults')).to.equal(true);
    });

    it('sends POST on confirm, shows the defaults, announces and emits what changed', async () => {
      const { el, backend } = await mountMatrix();
      await changeTwo(el);
      const changed = oneEvent(el, 'dn-notification-preferences-changed');
      button('Reset to defaults').click();
      await until(() => nativeDialogOf(el).open);
      dialogButton(el, 'Reset to defaults').click();
      const event = await changed;
      expect(event.detail.reset).to.equal(true);
      expect(event.detail.changes).to.deep.equal([
        { typeId: 'low-wallet-balance', channelId: 'email', enabled: true },
        { typeId: 'marketing-emails', channelId: 'in-app', enabled: false },
      ]);
      const requests = requestsTo(backend, 'resetNotificationPreferences');
      expect(requests).to.have.length(1);
      expect(requests[0]!.method).to.equal('POST');
      expect(isOn(switchNamed(LOW_BALANCE))).to.equal(true);
      expect(isOn(switchNamed('In-app for Marketing emails'))).to.equal(false);
      expect(disagreements(el, backend.store.getNotificationPreferences())).to.deep.equal([]);
      await until(() => statusOf(el) === 'Your notifications are back to their defaults.');
      expect(button('Reset to defaults').getAttribute('aria-disabled')).to.equal('true');
    });

    it('keeps the choices and says why when the reset fails', async () => {
      const { el } = await mountMatrix({ setup: (b) => b.use(http.post(`${PATH}/reset`, problem500)) });
      await changeTwo(el);
      button('Reset to defaults').click();
      await until(() => nativeDialogOf(el).open);
      dialogButton(el, 'Reset to defaults').click();
      await until(() => el.shadowRoot!.querySelector('[part="action-error"]'));
      expect(visibleText(el)).to.match(/went wrong on our side/);
      expect(isOn(switchNamed(LOW_BALANCE))).to.equal(false);
    });
  });

  describe('with the keyboard', () => {
    it('is one tab stop; arrows, Home and End move between switches; Space toggles', async () => {
      const { el, backend } = await mountMatrix();
      button('Reset to defaults').focus();
      await sendKeys({ press: 'Tab' });
      const at = () => deepActive()?.getAttribute('aria-label');
      expect(at()).to.equal('Email for Call alerts');
      expect(switches(el).filter((s) => s.tabIndex === 0)).to.have.length(1);
      await sendKeys({ press: 'ArrowRight' });
      expect(at()).to.equal('In-app for Call alerts');
      await sendKeys({ press: 'ArrowRight' });
      expect(at()).to.equal('In-app for Call alerts');
      await sendKeys({ press: 'ArrowDown' });
      expect(at()).to.equal('In-app for Campaign updates');
      await sendKeys({ press: 'Home' });
      expect(at()).to.equal('Email for Campaign updates');
      await sendKeys({ press: 'End' });
      expect(at()).to.equal('In-app for Campaign updates');
      // Down across a group heading: to the first type of the next group.
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowDown' });
      expect(at()).to.equal('In-app for Low wallet balance');
      await sendKeys({ press: 'ArrowLeft' });
      expect(at()).to.equal(LOW_BALANCE);
      await sendKeys({ press: 'Space' });
      await until(() => bodies(backend).length === 1);
      expect(bodies(backend)[0]).to.deep.equal([{ typeId: 'low-wallet-balance', channelId: 'email', enabled: false }]);
      expect(at()).to.equal(LOW_BALANCE);
      // Tab leaves the grid; Shift+Tab comes back to the same switch.
      await sendKeys({ press: 'Tab' });
      expect(deepActive()?.getAttribute('role')).not.to.equal('switch');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(at()).to.equal(LOW_BALANCE);
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'End' });
      await sendKeys({ up: 'Control' });
      expect(at()).to.equal('In-app for Marketing emails');
      await sendKeys({ press: 'ArrowDown' });
      expect(at()).to.equal('In-app for Marketing emails');
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'Home' });
      await sendKeys({ up: 'Control' });
      expect(at()).to.equal('Email for Call alerts');
      await sendKeys({ press: 'ArrowUp' });
      expect(at()).to.equal('Email for Call alerts');
    });

    it('reaches locked cells (to hear why) and mirrors left and right in Arabic', async () => {
      const { el } = await mountMatrix({ locale: 'ar' });
      await until(() => visibleText(el).includes('الإشعارات'));
      switches(el)[0]!.focus();
      const at = () => deepActive()?.getAttribute('aria-label');
      expect(at()).to.equal('البريد الإلكتروني لـ تنبيهات المكالمات');
      await sendKeys({ press: 'ArrowLeft' });
      expect(at()).to.equal('داخل التطبيق لـ تنبيهات المكالمات');
      await sendKeys({ press: 'ArrowRight' });
      expect(at()).to.equal('البريد الإلكتروني لـ تنبيهات المكالمات');
      const locked = switches(el).find((s) => s.getAttribute('aria-disabled') === 'true')!;
      locked.focus();
      expect(description(locked)).to.equal('تُرسل تنبيهات الأمان دائمًا عبر البريد الإلكتروني وداخل التطبيق.');
    });
  });

  describe('with a third channel from the server', () => {
    it('shows an SMS column, saves its cells and toggles it as a whole', async () => {
      let state = withSms();
      const sent: NotificationChange[][] = [];
      const { el } = await mountMatrix({
        setup: (b) =>
          b.use(
            http.get(PATH, () => HttpResponse.json(state)),
            http.patch(PATH, async ({ request }) => {
              const { changes } = (await request.json()) as { changes: NotificationChange[] };
              sent.push(changes);
              state = structuredClone(state);
              for (const c of changes) state.values[c.typeId]![c.channelId] = c.enabled;
              return HttpResponse.json(state);
            }),
          ),
      });
      expect(screen.getByShadowRole('columnheader', { name: 'SMS' })).to.exist;
      expect(switches(el)).to.have.length(NOTIFICATION_CATALOG.types.length * 3);
      const sms = switchNamed('SMS for Low wallet balance');
      expect(isOn(sms)).to.equal(false);
      sms.click();
      await until(() => statusOf(el) === 'SMS for Low wallet balance is on.');
      expect(sent[0]).to.deep.equal([{ typeId: 'low-wallet-balance', channelId: 'sms', enabled: true }]);
      expect(description(switchNamed('SMS for Low wallet balance'))).to.equal('Default: off');
      button('SMS: turn all on').click();
      await until(() => statusOf(el) === 'Every SMS notification that can be changed is on.');
      expect(sent[1]).to.have.length(NOTIFICATION_CATALOG.types.length - 1);
      expect(sent[1]!.every((c) => c.channelId === 'sms' && c.enabled)).to.equal(true);
      expect(switches(el).filter((s) => s.getAttribute('aria-label')!.startsWith('SMS') && !isOn(s))).to.have.length(0);
    });
  });

  describe('on a narrow container', () => {
    it('shows one card per notification type with its switches stacked and named', async () => {
      const { el } = await mountMatrix();
      const wideRow = switchNamed(LOW_BALANCE).closest('tr')!;
      const [emailCell, inAppCell] = [...wideRow.querySelectorAll('td')];
      expect(emailCell!.getBoundingClientRect().top).to.equal(inAppCell!.getBoundingClientRect().top);
      expect(getComputedStyle(wideRow.querySelector('[part="cell-label"]')!).display).to.equal('none');
      el.style.width = '320px';
      await until(() => getComputedStyle(wideRow.querySelector('[part="cell-label"]')!).display !== 'none', 'the card layout');
      const row = switchNamed(LOW_BALANCE).closest('tr')!;
      const [email, inApp] = [...row.querySelectorAll('td')];
      expect(inApp!.getBoundingClientRect().top).to.be.greaterThan(email!.getBoundingClientRect().top);
      expect(row.getBoundingClientRect().width).to.be.at.most(320);
      expect(email!.textContent).to.contain('Email');
      // The column headers are out of sight (still there for screen readers); nothing overflows.
      expect(el.shadowRoot!.querySelector('thead')!.getBoundingClientRect().height).to.be.at.most(1);
      expect(el.scrollWidth).to.be.at.most(320);
      switchNamed(LOW_BALANCE).click();
      await until(() => statusOf(el) === 'Email for Low wallet balance is off.');
    });
  });

  describe('table or cards: the element\'s own width against its columns', () => {
    const layoutAt = async (el: HTMLElement, width: number) => {
      el.style.inlineSize = `${width}px`;
      await nextFrame();
      await nextFrame();
      const grid = el.shadowRoot!.querySelector<HTMLElement>('[part="grid"]')!;
      const wrap = grid.parentElement!;
      expect(wrap.scrollWidth, `${width} px: nothing overflows`).to.be.at.most(wrap.clientWidth);
      return getComputedStyle(grid).display;
    };

    for (const locale of ['en', 'de', 'es', 'ar']) {
      it(`stays a table with two channels down to 28rem (${locale})`, async () => {
        const { el } = await mountMatrix({ locale });
        // The element pads the table: 28rem of table is about 490 px of element.
        expect(await layoutAt(el, 640)).to.equal('table');
        expect(await layoutAt(el, 500)).to.equal('table');
        const headers = [...el.shadowRoot!.querySelectorAll<HTMLElement>('thead th')];
        expect(headers).to.have.length(3);
        for (const th of headers) expect(th.getBoundingClientRect().height).to.be.greaterThan(10);
        expect(await layoutAt(el, 440)).to.equal('block');
      });
    }

    it('needs more room for a third channel', async () => {
      const { el } = await mountMatrix({ setup: (b) => b.use(http.get(PATH, () => HttpResponse.json(withSms()))) });
      expect(el.shadowRoot!.querySelectorAll('thead th')).to.have.length(4);
      expect(await layoutAt(el, 680)).to.equal('table');
      expect(await layoutAt(el, 500)).to.equal('block');
    });
  });

  describe('in other languages', () => {
    const cases = [
      { locale: 'de', title: 'Benachrichtigungen', cell: 'E-Mail für Niedriges Guthaben', column: 'E-Mail: alle ausschalten', saved: 'E-Mail für Niedriges Guthaben ist ausgeschaltet.' },
      { locale: 'es', title: 'Notificaciones', cell: 'Correo electrónico para Saldo bajo', column: 'Correo electrónico: desactivar todo', saved: 'Correo electrónico para Saldo bajo está desactivado.' },
      { locale: 'ar', title: 'الإشعارات', cell: 'البريد الإلكتروني لـ انخفاض رصيد المحفظة', column: 'البريد الإلكتروني: تعطيل الكل', saved: 'تم تعطيل البريد الإلكتروني لـ انخفاض رصيد المحفظة.' },
    ];
    for (const { locale, title, cell, column, saved } of cases) {
      it(`speaks ${locale}`, async () => {
        const { el } = await mountMatrix({ locale });
        await until(() => visibleText(el).includes(title));
        expect(button(column)).to.exist;
        switchNamed(cell).click();
        await until(() => statusOf(el) === saved);
        expect(visibleText(el)).not.to.contain('Low wallet balance');
      });
    }
  });
});
