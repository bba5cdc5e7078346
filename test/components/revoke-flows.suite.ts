/**
 * The revoke flows every list of signed-in things shares (sessions, trusted devices): revoke one
 * row behind a confirmation, revoke all, "Confirm it's you" when the server asks, and relative
 * times that stay current. Each element's test file runs it with what differs.
 */
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { screen } from 'shadow-dom-testing-library';
import { MOCK_PASSWORD } from '../../mock/index.js';
import type { EndpointName } from '../../src/api/endpoints.js';
import { installClock } from '../helpers/clock.js';
import { deepActive, dialogButton, dialogOpen, nativeDialogOf } from '../helpers/dialogs.js';
import { requestsTo, statusOf, typeInto, until, visibleText, type MockBackend, type Mounted, type MountOptions } from '../helpers/fixture.js';

/** A row as the server has it: its id and the name the element shows for it. */
export interface RevokeFlowItem {
  id: string;
  name: string;
}

export interface RevokeFlowConfig {
  /** The element's tag, for the describe titles. */
  tag: string;
  /** Mounts the element on the mock backend with `rows` rows by default (see `rowCount`). */
  mount(options?: MountOptions): Promise<Mounted<HTMLElement>>;
  /** Mount options for a list of `count` rows. */
  withRows(count: number): MountOptions;
  /** How many rows the default mount shows. */
  rowCount: number;
  /** The rows the server has, in the order the element lists them. */
  items(backend: MockBackend): RevokeFlowItem[];
  /** Removes a row on the server behind the element's back (for the 404). */
  forget(backend: MockBackend, id: string): void;
  /** The `part` of each row and of the name inside it (how a row is identified). */
  parts: { row: string; name: string };
  /** The row revoked in the flows, and another revocable row. */
  target: string;
  other: string;
  /** A row's revoke button: its accessible name, idle and while it works. */
  rowButton: { name(row: string): string; busyName(row: string): string };
  /** The one-row confirmation: its question and its confirming button. */
  revokeOne: { question(row: string): string; confirm: string };
  endpoints: { one: EndpointName; all: EndpointName; reauthenticate: EndpointName };
  /** MSW path of the one-row endpoint, with `:id`. */
  onePath: string;
  events: { one: string; oneDetail: 'session' | 'device'; all: string };
  texts: {
    revoked(row: string): string;
    alreadyGone(row: string): string;
    failure: RegExp;
  };
  /** Keyboard alone on a two-row list: Tabs from the heading to the second row's button, and where focus lands once it went. */
  keyboard: { tabs: number; focusAfter(el: HTMLElement): Element; textAfter?: string };
  /** "Confirm it's you" for one row: the mount options that make the server ask, and what the log then holds. */
  confirmItsYou: { options(): MountOptions; statusesWhenConfirmed: number[]; statusesWhenClosed: number[] };
  revokeAll: {
    /** The button's accessible name (also the dialog's confirming button) and its text while it works. */
    name: string;
    busyText: string;
    question: string;
    message(count: number): string;
    /** How many rows it revokes on the default list. */
    count: number;
    method: 'POST' | 'DELETE';
    /** Row names left afterwards. */
    remaining: string[];
    status(count: number): string;
    /** What the element says once done. */
    textAfter: string;
  };
  /** A relative time that moves on with the clock. */
  relativeTime: { row: string; before: string; advanceMs: number; after: string };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs the shared revoke-flow tests for one element. */
export function revokeFlowSuite(config: RevokeFlowConfig): void {
  const { target, other, parts, endpoints, revokeAll: all } = config;

  const rowButton = (row: string) =>
    screen.getByShadowRole('button', {
      name: new RegExp(`^(${escapeRegExp(config.rowButton.name(row))}|${escapeRegExp(config.rowButton.busyName(row))})$`),
    }) as HTMLButtonElement;
  const revokeAllButton = () =>
    screen.getByShadowRole('button', { name: new RegExp(`^(${escapeRegExp(all.name)}|${escapeRegExp(all.busyText)})$`) }) as HTMLButtonElement;
  const rows = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part="${parts.row}"]`)];
  const names = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll(`[part="${parts.name}"]`)].map((n) => n.textContent!.trim());
  const rowOf = (el: HTMLElement, name: string) => rows(el).find((row) => row.querySelector(`[part="${parts.name}"]`)!.textContent!.trim() === name)!;
  const itemOf = (backend: MockBackend, name: string) => config.items(backend).find((item) => item.name === name)!;

  async function openRevoke(el: HTMLElement, row: string): Promise<void> {
    rowButton(row).click();
    await until(() => dialogOpen(el), 'the confirmation dialog to open');
  }

  async function revoke(el: HTMLElement, row: string): Promise<void> {
    await openRevoke(el, row);
    dialogButton(el, config.revokeOne.confirm).click();
  }

  async function revokeAllConfirmed(el: HTMLElement): Promise<void> {
    revokeAllButton().click();
    await until(() => dialogOpen(el), 'the confirmation dialog to open');
    dialogButton(el, all.name).click();
  }

  describe(`${config.tag}: when the user revokes one row`, () => {
    it('names the row, sends nothing on Cancel and returns focus to its button', async () => {
      const { el, backend } = await config.mount();
      rowButton(target).focus();
      await openRevoke(el, target);
      expect(visibleText(nativeDialogOf(el))).to.contain(config.revokeOne.question(target));
      expect(deepActive() === dialogButton(el, 'Cancel')).to.equal(true);
      dialogButton(el, 'Cancel').click();
      await until(() => !dialogOpen(el));
      expect(deepActive() === rowButton(target)).to.equal(true);
      expect(requestsTo(backend, endpoints.one)).to.have.length(0);
      expect(names(el)).to.include(target);
      expect(names(el)).to.have.length(config.rowCount);
    });

    it('sends nothing on Escape and returns focus to its button', async () => {
      const { el, backend } = await config.mount();
      rowButton(target).focus();
      await openRevoke(el, target);
      await sendKeys({ press: 'Escape' });
      await until(() => !dialogOpen(el));
      expect(deepActive() === rowButton(target)).to.equal(true);
      expect(requestsTo(backend, endpoints.one)).to.have.length(0);
      expect(names(el)).to.include(target);
    });

    it('sends DELETE on confirm, updates the list, announces, emits and moves focus to the next row', async () => {
      const { el, backend } = await config.mount();
      const items = config.items(backend);
      const index = items.findIndex((item) => item.name === target);
      const item = items[index]!;
      const next = items[index + 1] ?? items[index - 1]!;
      const revoked = oneEvent(el, config.events.one);
      rowButton(target).focus();
      await revoke(el, target);
      const event = await revoked;
      expect(event.detail[config.events.oneDetail].id).to.equal(item.id);
      const requests = requestsTo(backend, endpoints.one);
      expect(requests).to.have.length(1);
      expect(requests[0]!.method).to.equal('DELETE');
      expect(requests[0]!.url).to.match(new RegExp(`${escapeRegExp(config.onePath.replace(':id', item.id))}$`));
      // The row leaves with the element's next update (a frame later if the list were windowed).
      await until(() => !names(el).includes(target), 'the row to leave the list');
      expect(config.items(backend)).to.have.length(config.rowCount - 1);
      expect(rows(el)[0]!.getAttribute('aria-setsize')).to.equal(String(config.rowCount - 1));
      await until(() => statusOf(el) === config.texts.revoked(target), 'the announcement');
      const nextButton = el.shadowRoot!.querySelector(`[part="revoke"][data-id="${next.id}"]`);
      await until(() => deepActive() === nextButton, "focus on the next row's button");
    });

    it('works with the keyboard alone', async () => {
      const { el, backend } = await config.mount(config.withRows(2));
      const second = config.items(backend)[1]!.name;
      el.shadowRoot!.querySelector<HTMLElement>('.title')!.focus();
      for (let i = 0; i < config.keyboard.tabs; i++) await sendKeys({ press: 'Tab' });
      expect(deepActive() === rowButton(second)).to.equal(true);
      await sendKeys({ press: 'Enter' });
      await until(() => dialogOpen(el));
      expect(deepActive() === dialogButton(el, 'Cancel')).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(deepActive() === dialogButton(el, config.revokeOne.confirm)).to.equal(true);
      await sendKeys({ press: 'Enter' });
      await until(() => requestsTo(backend, endpoints.one).length === 1);
      await until(() => names(el).length === 1);
      expect(names(el)).not.to.include(second);
      // The last one went: focus moves to the row before it.
      await until(() => deepActive() === config.keyboard.focusAfter(el), 'focus on the remaining row');
      if (config.keyboard.textAfter) expect(visibleText(el)).to.contain(config.keyboard.textAfter);
    });

    it('shows a busy button and sends one request however often the user clicks', async () => {
      const { el, backend } = await config.mount({ latencyMs: 200 });
      await revoke(el, target);
      await until(() => rowButton(target).getAttribute('aria-busy') === 'true');
      expect(rowButton(target).getAttribute('aria-disabled')).to.equal('true');
      expect(rowButton(target).querySelector('.spinner')).to.exist;
      expect(rowButton(target).getAttribute('aria-label')).to.equal(config.rowButton.busyName(target));
      expect(rowButton(other).getAttribute('aria-disabled')).to.equal('true');
      rowButton(target).click();
      rowButton(target).click();
      rowButton(other).click();
      revokeAllButton().click();
      await until(() => !names(el).includes(target));
      expect(dialogOpen(el)).to.equal(false);
      expect(requestsTo(backend, endpoints.one)).to.have.length(1);
      expect(requestsTo(backend, endpoints.all)).to.have.length(0);
      expect(names(el)).to.include(other);
    });

    it('says so and drops the row when the server no longer has it (404)', async () => {
      const { el, backend } = await config.mount();
      config.forget(backend, itemOf(backend, target).id);
      await revoke(el, target);
      await until(() => !names(el).includes(target));
      await until(() => statusOf(el) === config.texts.alreadyGone(target), 'the announcement');
      expect(requestsTo(backend, endpoints.one).map((r) => r.status)).to.deep.equal([404]);
      expect(el.shadowRoot!.querySelector('[part="action-error"]')).to.equal(null);
    });

    it('shows a failure next to the list, keeping the row', async () => {
      const { el, backend } = await config.mount({
        setup: (b) => b.use(http.delete(`/api/account${config.onePath}`, () => HttpResponse.json({ title: 'x', status: 500 }, { status: 500 }))),
      });
      await revoke(el, target);
      await until(() => el.shadowRoot!.querySelector('[part="action-error"]'));
      const alert = el.shadowRoot!.querySelector('[part="action-error"]')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(visibleText(alert)).to.match(config.texts.failure);
      expect(names(el)).to.include(target);
      expect(names(el)).to.have.length(config.rowCount);
      expect(rowButton(target).getAttribute('aria-busy')).to.equal('false');
      // The failure came from the one-off handler; the mock's own never answered.
      expect(requestsTo(backend, endpoints.one)).to.have.length(0);
    });
  });

  describe(`${config.tag}: when the server asks to confirm it is the user`, () => {
    it('opens "Confirm it\'s you" for one row, then revokes it', async () => {
      const { el, backend } = await config.mount(config.confirmItsYou.options());
      await revoke(el, target);
      await until(() => screen.queryByLabelText('Password'), '"Confirm it\'s you"');
      const password = screen.getByLabelText('Password') as HTMLInputElement;
      expect(names(el)).to.include(target);
      await typeInto(password, MOCK_PASSWORD);
      await sendKeys({ press: 'Enter' });
      await until(() => !names(el).includes(target), 'the row to be revoked after re-authentication');
      expect(requestsTo(backend, endpoints.one).map((r) => r.status)).to.deep.equal(config.confirmItsYou.statusesWhenConfirmed);
      expect(requestsTo(backend, endpoints.reauthenticate)).to.have.length(1);
      await until(() => statusOf(el) === config.texts.revoked(target), 'the announcement');
    });

    it('keeps everything and says nothing when the user closes "Confirm it\'s you"', async () => {
      const { el, backend } = await config.mount(config.confirmItsYou.options());
      await revoke(el, target);
      await until(() => screen.queryByLabelText('Password'), '"Confirm it\'s you"');
      await sendKeys({ press: 'Escape' });
      await until(() => rowButton(target).getAttribute('aria-busy') === 'false');
      expect(screen.queryByLabelText('Password')).to.equal(null);
      expect(names(el)).to.include(target);
      expect(el.shadowRoot!.querySelector('[part="action-error"]')).to.equal(null);
      expect(statusOf(el)).to.equal('');
      expect(requestsTo(backend, endpoints.one).map((r) => r.status)).to.deep.equal(config.confirmItsYou.statusesWhenClosed);
      expect(requestsTo(backend, endpoints.reauthenticate)).to.have.length(0);
    });
  });

  describe(`${config.tag}: when the user revokes all`, () => {
    it('confirms with the number, sends one request, shows the result, announces, emits and moves focus', async () => {
      const { el, backend } = await config.mount();
      const revoked = oneEvent(el, config.events.all);
      revokeAllButton().click();
      await until(() => dialogOpen(el));
      expect(visibleText(nativeDialogOf(el))).to.contain(all.question);
      expect(visibleText(nativeDialogOf(el))).to.contain(all.message(all.count));
      dialogButton(el, all.name).click();
      const event = await revoked;
      expect(event.detail.revoked).to.equal(all.count);
      const requests = requestsTo(backend, endpoints.all);
      expect(requests).to.have.length(1);
      expect(requests[0]!.method).to.equal(all.method);
      await until(() => names(el).length === all.remaining.length, 'the list to show what is left');
      expect(names(el)).to.deep.equal(all.remaining);
      expect(config.items(backend)).to.have.length(all.remaining.length);
      await until(() => statusOf(el) === all.status(all.count), 'the announcement');
      expect(screen.queryByShadowRole('button', { name: all.name })).to.equal(null);
      expect(visibleText(el)).to.contain(all.textAfter);
      await until(() => deepActive() === el.shadowRoot!.querySelector('.title'), 'focus on the heading');
    });

    it('shows a busy button and sends one request however often the user clicks', async () => {
      const { el, backend } = await config.mount({ latencyMs: 200 });
      await revokeAllConfirmed(el);
      await until(() => revokeAllButton().getAttribute('aria-busy') === 'true');
      expect(revokeAllButton().textContent!.trim()).to.equal(all.busyText);
      expect(revokeAllButton().querySelector('.spinner')).to.exist;
      revokeAllButton().click();
      rowButton(other).click();
      await until(() => names(el).length === all.remaining.length);
      expect(dialogOpen(el)).to.equal(false);
      expect(requestsTo(backend, endpoints.all)).to.have.length(1);
      expect(requestsTo(backend, endpoints.one)).to.have.length(0);
    });

    it('sends nothing on Cancel and returns focus to its button', async () => {
      const { el, backend } = await config.mount();
      revokeAllButton().focus();
      revokeAllButton().click();
      await until(() => dialogOpen(el));
      dialogButton(el, 'Cancel').click();
      await until(() => !dialogOpen(el));
      expect(requestsTo(backend, endpoints.all)).to.have.length(0);
      expect(names(el)).to.have.length(config.rowCount);
      expect(deepActive() === revokeAllButton()).to.equal(true);
    });
  });

  describe(`${config.tag}: while the page stays open`, () => {
    it('brings relative times up to date every 30 seconds and stops when removed', async () => {
      const { row, before, advanceMs, after } = config.relativeTime;
      // Only the interval and the time are fake: the fixture's polling and mocha's timeouts use
      // real timeouts. The refresh interval starts when the element connects, so the clock goes first.
      const clock = installClock({ fake: ['setInterval', 'Date'] });
      try {
        const { el } = await config.mount();
        expect(clock.scheduled, 'a 30 s timer').to.include(30_000);
        const time = () => rowOf(el, row).querySelector('[part="time"]')!.textContent!.trim();
        expect(time()).to.equal(before);
        await clock.tick(advanceMs);
        await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        expect(time()).to.equal(after);
        el.remove();
        expect(clock.pending, 'timers left running after removal').to.equal(0);
      } finally {
        clock.uninstall();
      }
    });
  });
}
