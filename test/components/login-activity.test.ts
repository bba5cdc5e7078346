import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { screen, within } from 'shadow-dom-testing-library';
import type { MockBackend } from '../helpers/fixture.js';
import type { LoginActivityQuery, LoginAttempt } from '../../src/api/schemas.js';
import type { DnLoginActivity } from '../../src/components/login-activity/login-activity.js';
import '../../src/components/login-activity/login-activity.js';
import { mount, nextFrame, nextTask, requestsTo, settled, spyOnIntervals, statusOf, until, visibleText, type MountOptions } from '../helpers/fixture.js';
import { deepActive } from '../helpers/dialogs.js';

const ENDPOINT = '/api/account/login-activity';
const MINUTE = 60_000;

const mountActivity = (options: MountOptions = {}, template = html`<dn-login-activity></dn-login-activity>`) =>
  mount<DnLoginActivity>(template, options);

const shadow = (el: HTMLElement) => el.shadowRoot!;
const rows = (el: HTMLElement) => [...shadow(el).querySelectorAll<HTMLLIElement>('[part="attempt"]')];
const rowFor = (el: HTMLElement, id: string) => shadow(el).querySelector<HTMLLIElement>(`[part="attempt"][data-id="${id}"]`);
const textOf = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const partText = (row: Element, part: string) => textOf(row.querySelector(`[part="${part}"]`));
const countText = (el: HTMLElement) => textOf(shadow(el).querySelector('[part="count"]'));
const filter = () => screen.getByShadowRole('checkbox', { name: 'Failed only' }) as HTMLInputElement;
const loadMore = () => shadow(document.querySelector('dn-login-activity')!).querySelector<HTMLButtonElement>('[part="load-more"]');

/** The query of every page request that reached the server, oldest first. */
function pages(backend: MockBackend): LoginActivityQuery[] {
  return requestsTo(backend, 'listLoginActivity').map((entry) => {
    const params = new URL(entry.url).searchParams;
    const query: LoginActivityQuery = {};
    if (params.has('cursor')) query.cursor = params.get('cursor')!;
    if (params.has('limit')) query.limit = Number(params.get('limit'));
    if (params.has('status')) query.status = params.get('status') as 'all' | 'failed';
    return query;
  });
}

/** Scrolls the list's own box to `fraction` of its height (the list scrolls inside it, not the page). */
function scrollListTo(el: HTMLElement, fraction: number, offset = 0): void {
  const box = el.shadowRoot!.querySelector<HTMLElement>('[part="scroller"]')!;
  box.scrollTop = (box.scrollHeight - box.clientHeight) * fraction + offset;
}

/** Scrolls the page until the row of `id` is rendered by the windowed list, and returns it. */
async function reveal(el: HTMLElement, id: string): Promise<HTMLLIElement> {
  for (let i = 0; i < 80; i++) {
    const row = rowFor(el, id);
    if (row) {
      row.scrollIntoView({ block: 'center' });
      await nextFrame();
      await nextFrame();
      return rowFor(el, id) ?? row;
    }
    const all = rows(el);
    all[all.length - 1]?.scrollIntoView({ block: 'start' });
    await nextFrame();
    await nextFrame();
  }
  throw new Error(`row ${id} never rendered`);
}

function attempt(overrides: Partial<LoginAttempt> & { id: string; at: string }): LoginAttempt {
  return {
    success: false,
    failureReason: 'wrong-password',
    deviceType: 'desktop',
    browser: 'Firefox 127',
    os: 'Windows 11',
    ip: '192.0.2.10',
    location: 'Hamburg, Germany',
    ...overrides,
  };
}

/** Answers every page request with `items` and no further page. */
const answer = (items: LoginAttempt[]) => (backend: MockBackend) =>
  backend.use(http.get(ENDPOINT, () => HttpResponse.json({ items, nextCursor: null })));

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe('dn-login-activity', () => {
  afterEach(() => window.scrollTo(0, 0));

  it('is accessible', async () => {
    const { el } = await mountActivity();
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark theme and in Arabic (right to left)', async () => {
    const { el } = await mountActivity({ theme: 'dark', locale: 'ar' });
    await until(() => /نشاط تسجيل الدخول/.test(visibleText(el)));
    expect(getComputedStyle(el).direction).to.equal('rtl');
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark theme with an error and the empty failed-only view', async () => {
    const { el } = await mountActivity({ theme: 'dark', loginAttempts: 1 });
    filter().click();
    await until(() => visibleText(el).includes('No failed sign-in attempts.'));
    await expect(el).to.be.accessible();
  });

  it('is accessible in the compact density with a failed page', async () => {
    const { el, backend } = await mountActivity({ density: 'compact' });
    backend.use(http.get(ENDPOINT, () => HttpResponse.json({ type: 'urn:dialnexa:problem:internal', title: 'x', status: 500 }, { status: 500 })));
    loadMore()!.click();
    await until(() => shadow(el).querySelector('[part="more-error"]'));
    await expect(el).to.be.accessible();
  });

  describe('by default', () => {
    it('has every loaded row in the accessibility tree before any scroll', async () => {
      const { provider, backend } = await mount(html`<div style="block-size: 3000px"></div><dn-login-activity></dn-login-activity>`, { settle: false });
      const el = provider.querySelector<DnLoginActivity>('dn-login-activity')!;
      await settled(el);
      expect(el.getBoundingClientRect().top, 'the list starts off screen').to.be.greaterThan(window.innerHeight);
      expect(window.scrollY).to.equal(0);
      const items = backend.store.listLoginActivity({ limit: 50 }).items;
      const list = within(el).getByShadowRole('list', { name: 'Sign-in attempts' });
      const shown = within(list).getAllByShadowRole('listitem');
      expect(shown).to.have.length(50);
      expect(shown.map((row) => row.dataset['id'])).to.deep.equal(items.map((a) => a.id));
      // A system the server could not tell is named by the element ("Unknown system"), not by the server's word.
      expect(shown.map((row) => partText(row, 'device'))).to.deep.equal(
        items.map((a) => `${a.browser} on ${a.os === 'Unknown' ? 'Unknown system' : a.os}`),
      );
      // Off screen, nothing asked for a second page yet.
      expect(pages(backend)).to.have.length(1);
      // The box (which loads more as it scrolls) and "Load more" are in the Tab order.
      filter().focus();
      const box = shadow(el).querySelector<HTMLElement>('[part="scroller"]')!;
      const stops: Element[] = [];
      for (let i = 0; i < 3; i++) {
        await sendKeys({ press: 'Tab' });
        stops.push(deepActive()!);
      }
      expect(stops).to.include(box);
      expect(stops).to.include(loadMore()!);
    });

    it('asks for the first page and lists it newest first, with time, device, location, IP and outcome', async () => {
      const { el, backend } = await mountActivity();
      expect(pages(backend)).to.deep.equal([{ limit: 50, status: 'all' }]);
      const items = backend.store.listLoginActivity({ limit: 50 }).items;
      const list = screen.getByShadowRole('list', { name: 'Sign-in attempts' });
      expect(countText(el)).to.equal('Showing 50 sign-in attempts');
      // A short list: every loaded row exists, each knowing its place among the loaded ones.
      const shown = within(list).getAllByShadowRole('listitem');
      expect(shown).to.have.length(50);
      expect(shown[0]!.getAttribute('aria-posinset')).to.equal('1');
      expect(shown[0]!.getAttribute('aria-setsize')).to.equal('50');
      const first = rowFor(el, items[0]!.id)!;
      expect(partText(first, 'device')).to.equal('Chrome 126 on macOS 14.5');
      expect(partText(first, 'location')).to.equal('Berlin, Germany');
      expect(partText(first, 'ip')).to.equal('203.0.113.24');
      expect(first.querySelector('[part="ip"]')!.getAttribute('dir')).to.equal('ltr');
      expect(partText(first, 'outcome')).to.equal('Succeeded');
      expect(first.querySelector('[part="reason"]')).to.equal(null);
      expect(visibleText(first.querySelector('[part="device-type"]')!)).to.equal('Computer');
      expect(partText(first, 'relative-time')).to.equal('3 days ago');
      // Newest first, in the order the server sent them.
      const times = shown.map((row) => Date.parse(row.querySelector('time')!.getAttribute('datetime')!));
      expect([...times].sort((a, b) => b - a)).to.deep.equal(times);
      expect(shown.map((row) => row.dataset['id'])).to.deep.equal(items.slice(0, shown.length).map((a) => a.id));
    });

    it('says why an attempt failed, in words, with an icon and a badge (never colour alone)', async () => {
      const { el } = await mountActivity({
        setup: answer([
          attempt({ id: 'a1', at: ago(1 * 60 * MINUTE), failureReason: 'wrong-password' }),
          attempt({ id: 'a2', at: ago(2 * 60 * MINUTE), success: true, failureReason: null, deviceType: 'mobile' }),
          attempt({ id: 'a3', at: ago(3 * 60 * MINUTE), failureReason: 'wrong-2fa-code', deviceType: 'tablet' }),
          attempt({ id: 'a4', at: ago(4 * 60 * MINUTE), success: true, failureReason: null }),
          attempt({ id: 'a5', at: ago(5 * 60 * MINUTE), failureReason: 'blocked', location: null, deviceType: 'unknown' }),
          attempt({ id: 'a6', at: ago(6 * 60 * MINUTE), success: true, failureReason: null }),
          attempt({ id: 'a7', at: ago(7 * 60 * MINUTE), failureReason: 'locked' }),
          attempt({ id: 'a8', at: ago(8 * 60 * MINUTE), success: true, failureReason: null }),
          attempt({ id: 'a9', at: ago(9 * 60 * MINUTE), failureReason: 'captcha-failed' }),
          attempt({ id: 'a10', at: ago(10 * 60 * MINUTE), failureReason: null }),
          attempt({ id: 'a11', at: ago(11 * 60 * MINUTE), failureReason: 'two-factor-required' }),
          attempt({ id: 'a12', at: ago(12 * 60 * MINUTE), failureReason: 'wrong-passkey' }),
          attempt({ id: 'a13', at: ago(13 * 60 * MINUTE), failureReason: 'challenge-expired' }),
        ]),
      });
      const expected: Record<string, [string, string | null]> = {
        a1: ['Failed', 'Wrong password'],
        a2: ['Succeeded', null],
        a3: ['Failed', 'Wrong two-factor code'],
        a5: ['Failed', 'Blocked'],
        a7: ['Failed', 'Account locked'],
        a9: ['Failed', null],
        a10: ['Failed', null],
        a11: ['Failed', 'Two-factor code needed'],
        a12: ['Failed', 'Passkey not accepted'],
        a13: ['Failed', 'Sign-in expired'],
      };
      for (const [id, [outcome, reason]] of Object.entries(expected)) {
        const row = await reveal(el, id);
        expect(partText(row, 'outcome'), id).to.equal(outcome);
        expect(row.querySelector('[part="outcome"] svg'), `${id} icon`).to.exist;
        expect(row.querySelector('[part="outcome"]')!.classList.contains(outcome === 'Failed' ? 'danger' : 'success')).to.equal(true);
        if (reason) expect(partText(row, 'reason'), id).to.equal(reason);
        else expect(row.querySelector('[part="reason"]'), id).to.equal(null);
      }
      // An unknown code is never shown raw.
      expect(visibleText(el)).not.to.contain('captcha-failed');
      const unknown = await reveal(el, 'a5');
      expect(partText(unknown, 'location')).to.equal('Unknown location');
      expect(visibleText(unknown.querySelector('[part="device-type"]')!)).to.equal('Unknown device');
      expect(visibleText((await reveal(el, 'a2')).querySelector('[part="device-type"]')!)).to.equal('Phone');
      expect(visibleText((await reveal(el, 'a3')).querySelector('[part="device-type"]')!)).to.equal('Tablet');
      // Isolated failures hours apart are no burst.
      expect(shadow(el).querySelector('[part="burst-alert"]')).to.equal(null);
    });

    it("shows the exact date and time in the user's time zone", async () => {
      const at = '2025-03-14T23:30:00.000Z';
      const items = [attempt({ id: 'z1', at, success: true, failureReason: null })];
      const tokyo = await mountActivity({ timeZone: 'Asia/Tokyo', setup: answer(items) });
      const row = rowFor(tokyo.el, 'z1')!;
      expect(row.querySelector('time')!.getAttribute('datetime')).to.equal(at);
      const inTokyo = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(new Date(at));
      expect(partText(row, 'time')).to.equal(inTokyo);
      expect(partText(row, 'time')).to.match(/^Mar 15, 2025/);
      const newYork = await mountActivity({ timeZone: 'America/New_York', setup: answer(items) });
      expect(partText(rowFor(newYork.el, 'z1')!, 'time')).to.match(/^Mar 14, 2025, 7:30/);
    });

    it('shows a loading placeholder first', async () => {
      const { el } = await mountActivity({ settle: false, latencyMs: 300 });
      await until(() => shadow(el).querySelector('[part="loading"]'));
      expect(shadow(el).querySelector('[part="loading"]')!.getAttribute('aria-busy')).to.equal('true');
      await until(() => rows(el).length > 0);
      expect(shadow(el).querySelector('[part="loading"]')).to.equal(null);
    });

    it('explains the empty history, without a list or "Load more"', async () => {
      const { el } = await mountActivity({ loginAttempts: 0 });
      expect(visibleText(el)).to.contain('No sign-in attempts yet. Each time someone signs in to your account, or tries to, it shows up here.');
      expect(screen.queryByShadowRole('list')).to.equal(null);
      expect(loadMore()).to.equal(null);
    });

    it('renders hostile device names, locations and failure reasons as inert text', async () => {
      const { el, backend } = await mountActivity({ hostile: true });
      const hostile = backend.store.listLoginActivity({ limit: 1 }).items[0]!;
      expect(hostile.browser).to.contain('<img');
      const row = await reveal(el, hostile.id);
      expect(partText(row, 'device')).to.contain('<img src=x onerror="alert(1)"> Chrome');
      expect(partText(row, 'location')).to.contain('"><svg onload=alert(1)>');
      // The unknown (hostile) reason code reads as a plain "Failed".
      expect(partText(row, 'outcome')).to.equal('Failed');
      expect(row.querySelector('[part="reason"]')).to.equal(null);
      expect(shadow(el).querySelector('img, script, b, svg[onload]')).to.equal(null);
      expect(visibleText(el)).not.to.contain('<b>bold</b>');
    });
  });

  describe('with "Failed only"', () => {
    it('reloads the first page from the server with status=failed, and announces the choice', async () => {
      const { el, backend } = await mountActivity();
      loadMore()!.click();
      await until(() => countText(el) === 'Showing 100 sign-in attempts');
      filter().click();
      await until(() => statusOf(el) === 'Showing failed sign-in attempts only.', 'the filter to be announced');
      const failed = backend.store.listLoginActivity({ status: 'failed', limit: 50 });
      expect(pages(backend)[2]).to.deep.equal({ limit: 50, status: 'failed' });
      expect(countText(el)).to.equal(`Showing ${failed.items.length} sign-in attempts`);
      for (const row of rows(el)) expect(partText(row, 'outcome')).to.equal('Failed');
      expect(filter().checked).to.equal(true);

      filter().click();
      await until(() => statusOf(el) === 'Showing all sign-in attempts.');
      expect(pages(backend)[3]).to.deep.equal({ limit: 50, status: 'all' });
      expect(countText(el)).to.equal('Showing 50 sign-in attempts');
    });

    it('aborts the page the previous filter was still loading', async () => {
      const { el, api, backend } = await mountActivity();
      const signals: AbortSignal[] = [];
      const original = api.listLoginActivity.bind(api);
      api.listLoginActivity = (query, options) => {
        signals.push(options!.signal!);
        return original(query, options);
      };
      // The server holds every answer until the test lets them go: the stale page first.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      backend.use(
        http.get(ENDPOINT, async () => {
          await held;
          return undefined;
        }),
      );
      loadMore()!.click();
      await until(() => loadMore()!.getAttribute('aria-busy') === 'true');
      filter().click();
      await el.updateComplete;
      expect(signals[0]!.aborted, 'the "Load more" request of the "all" view').to.equal(true);
      release();
      await until(() => statusOf(el) === 'Showing failed sign-in attempts only.');
      await nextTask();
      await el.updateComplete;
      const failed = backend.store.listLoginActivity({ status: 'failed', limit: 50 }).items;
      expect(countText(el)).to.equal(`Showing ${failed.length} sign-in attempts`);
      for (const row of rows(el)) expect(partText(row, 'outcome')).to.equal('Failed');
      expect(pages(backend).filter((q) => q.status === 'failed')).to.deep.equal([{ limit: 50, status: 'failed' }]);
    });

    it('says so when there is no failed attempt', async () => {
      const { el, backend } = await mountActivity({ loginAttempts: 1 });
      expect(countText(el)).to.equal('Showing 1 sign-in attempt');
      filter().click();
      await until(() => visibleText(el).includes('No failed sign-in attempts. Every attempt to sign in to your account succeeded.'));
      expect(pages(backend).at(-1)).to.deep.equal({ limit: 50, status: 'failed' });
      expect(screen.queryByShadowRole('list')).to.equal(null);
    });

    it('says so when the server answers an empty failed page', async () => {
      const { el, backend } = await mountActivity();
      backend.use(
        http.get(ENDPOINT, ({ request }) =>
          new URL(request.url).searchParams.get('status') === 'failed' ? HttpResponse.json({ items: [], nextCursor: null }) : undefined,
        ),
      );
      filter().click();
      await until(() => visibleText(el).includes('No failed sign-in attempts.'));
    });
  });

  describe('paging', () => {
    it('"Load more" asks for the next page from the cursor, appends it and announces how many came', async () => {
      const { el, backend } = await mountActivity({ latencyMs: 150 });
      const first = backend.store.listLoginActivity({ limit: 50 });
      const button = screen.getByShadowRole('button', { name: 'Load more' });
      button.click();
      await until(() => button.getAttribute('aria-busy') === 'true');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(textOf(button)).to.equal('Loading more…');
      // Busy: more clicks send nothing.
      button.click();
      button.click();
      await until(() => countText(el) === 'Showing 100 sign-in attempts');
      await until(() => statusOf(el) === '50 more sign-in attempts loaded.');
      expect(pages(backend)).to.deep.equal([
        { limit: 50, status: 'all' },
        { cursor: first.nextCursor!, limit: 50, status: 'all' },
      ]);
      expect(textOf(button)).to.equal('Load more');
      expect(button.getAttribute('aria-disabled')).to.equal('false');
      // The rows already loaded stay, and the set size covers both pages.
      await until(() => rows(el)[0]?.getAttribute('aria-setsize') === '100');
      expect(rows(el)[0]!.dataset['id']).to.equal(first.items[0]!.id);
    });

    it('says "That\'s everything" once the server has no further page', async () => {
      const { el, backend } = await mountActivity({ loginAttempts: 60 });
      expect(visibleText(el)).not.to.contain("That's everything");
      loadMore()!.focus();
      loadMore()!.click();
      await until(() => visibleText(el).includes("That's everything: there are no earlier sign-in attempts."));
      expect(loadMore()).to.equal(null);
      expect(countText(el)).to.equal('Showing 60 sign-in attempts');
      await until(() => statusOf(el) === '10 more sign-in attempts loaded.');
      // The button went away under the keyboard user: focus moves to the end of the list.
      await until(() => deepActive() === shadow(el).querySelector('[part="end"]'));
      expect(pages(backend)).to.have.length(2);
    });

    it('loads the next page as the user scrolls to the end of the list', async () => {
      const { el, backend } = await mountActivity();
      const cursor = backend.store.listLoginActivity({ limit: 50 }).nextCursor!;
      expect(pages(backend)).to.have.length(1);
      scrollListTo(el, 1);
      await until(() => countText(el) === 'Showing 100 sign-in attempts', 'the next page after scrolling');
      expect(pages(backend)[1]).to.deep.equal({ cursor, limit: 50, status: 'all' });
      await until(() => statusOf(el) === '50 more sign-in attempts loaded.');
    });

    it('never asks for the same cursor twice at once (scrolling and clicking together)', async () => {
      const { el, api, backend } = await mountActivity({ latencyMs: 250 });
      const cursor = backend.store.listLoginActivity({ limit: 50 }).nextCursor!;
      // Counted when sent, not when answered: a second request would show at once.
      const sent: LoginActivityQuery[] = [];
      const original = api.listLoginActivity.bind(api);
      api.listLoginActivity = (query, options) => {
        sent.push({ ...query });
        return original(query, options);
      };
      scrollListTo(el, 1);
      loadMore()!.click();
      await nextFrame();
      scrollListTo(el, 1, -10);
      loadMore()!.click();
      await nextFrame();
      await nextFrame();
      expect(sent.filter((q) => q.cursor === cursor), 'one request for the next page').to.have.length(1);
      await until(() => countText(el) === 'Showing 100 sign-in attempts');
      expect(sent.filter((q) => q.cursor === cursor)).to.have.length(1);
      expect(pages(backend).filter((q) => q.cursor === cursor)).to.have.length(1);
      expect(pages(backend).filter((q) => q.cursor === undefined)).to.have.length(1);
    });

    it('keeps the loaded rows when a page fails, and "Try again" asks for the same cursor', async () => {
      const { el, backend } = await mountActivity();
      const cursor = backend.store.listLoginActivity({ limit: 50 }).nextCursor!;
      let failedAsks = 0;
      backend.use(
        http.get(ENDPOINT, ({ request }) => {
          if (!new URL(request.url).searchParams.get('cursor')) return undefined;
          failedAsks += 1;
          return HttpResponse.json({ type: 'urn:dialnexa:problem:internal', title: 'x', status: 500 }, { status: 500 });
        }),
      );
      loadMore()!.click();
      await until(() => shadow(el).querySelector('[part="more-error"]'));
      const error = shadow(el).querySelector('[part="more-error"]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(textOf(error)).to.equal('More sign-in attempts could not be loaded. Something went wrong on our side. Try again in a moment.');
      expect(countText(el)).to.equal('Showing 50 sign-in attempts');
      expect(rows(el).length).to.be.greaterThan(0);
      // Scrolling does not hammer a failing server: only the user retries.
      scrollListTo(el, 1);
      // A scroll would ask within the next frames (scroll events, then the observer).
      await nextFrame();
      await nextFrame();
      await nextTask();
      expect(failedAsks, 'only the failed page, no retry by scrolling').to.equal(1);
      backend.resetHandlers();
      const retry = screen.getByShadowRole('button', { name: 'Try again' });
      retry.click();
      await until(() => countText(el) === 'Showing 100 sign-in attempts');
      expect(shadow(el).querySelector('[part="more-error"]')).to.equal(null);
      expect(pages(backend).filter((q) => q.cursor === cursor)).to.have.length(1);
    });

    it('stays windowed with 50,000 attempts: pages of 200, few rows in the DOM', async () => {
      const { el, backend } = await mountActivity({ loginAttempts: 50_000 }, html`<dn-login-activity page-size="200"></dn-login-activity>`);
      for (let page = 2; page <= 5; page++) {
        loadMore()!.click();
        await until(() => countText(el) === `Showing ${(page * 200).toLocaleString('en')} sign-in attempts`, `page ${page}`);
      }
      const queries = pages(backend);
      expect(queries).to.have.length(5);
      expect(queries.every((q) => q.limit === 200)).to.equal(true);
      expect(new Set(queries.map((q) => q.cursor)).size).to.equal(5);
      // Over 200 rows the list is windowed; the virtualizer places its rows within a few frames.
      await until(() => rows(el).length > 0, 'the windowed rows');
      const shown = rows(el);
      expect(shown.length).to.be.lessThan(60);
      expect(shown[0]!.getAttribute('aria-setsize')).to.equal('1000');
      // Deep in the list, still only a window of rows.
      scrollListTo(el, 0.5);
      await until(() => rows(el).some((row) => Number(row.getAttribute('aria-posinset')) > 300));
      expect(rows(el).length).to.be.lessThan(60);
    });

    it('renders a page of 200 plain: its first rows with the data, all 200 in order before any scroll, no page asked meanwhile', async () => {
      const { provider, backend } = await mount(html`<dn-login-activity page-size="200"></dn-login-activity>`, { loginAttempts: 1000, settle: false });
      const el = provider.querySelector<DnLoginActivity>('dn-login-activity')!;
      const items = backend.store.listLoginActivity({ limit: 200 }).items;
      await until(() => rows(el).length > 0, 'the first rows');
      // The count and every row's set size tell the whole page from the first rows on.
      expect(countText(el)).to.equal('Showing 200 sign-in attempts');
      expect(rows(el).every((row) => row.getAttribute('aria-setsize') === '200')).to.equal(true);
      expect(rows(el).map((row) => row.dataset['id'])).to.deep.equal(items.slice(0, rows(el).length).map((a) => a.id));
      // updateComplete waits for the last row.
      await el.updateComplete;
      const list = within(el).getByShadowRole('list', { name: 'Sign-in attempts' });
      const shown = within(list).getAllByShadowRole('listitem');
      expect(shown.map((row) => row.dataset['id'])).to.deep.equal(items.map((a) => a.id));
      expect(shown.map((row) => row.getAttribute('aria-posinset'))).to.deep.equal(items.map((_, i) => String(i + 1)));
      expect(shadow(el).querySelector('[part="list"]')!.classList.contains('plain'), 'not windowed').to.equal(true);
      // The end of the page is out of the box's view: nothing asks for the next one.
      await nextFrame();
      await nextFrame();
      await nextTask();
      expect(pages(backend)).to.have.length(1);
      // Scrolled to the end, the next page comes (and with 400 rows the list is windowed).
      scrollListTo(el, 1);
      await until(() => countText(el) === 'Showing 400 sign-in attempts', 'the next page after scrolling');
      expect(pages(backend)).to.have.length(2);
    });

    it('clamps a page-size above 200 to 200', async () => {
      const big = await mountActivity({}, html`<dn-login-activity page-size="500"></dn-login-activity>`);
      expect(pages(big.backend)[0]!.limit).to.equal(200);
    });

    it('starts again from the newest attempt when page-size changes', async () => {
      const { el, backend } = await mountActivity();
      loadMore()!.click();
      await until(() => countText(el) === 'Showing 100 sign-in attempts');
      el.pageSize = 20;
      await until(() => countText(el) === 'Showing 20 sign-in attempts');
      expect(pages(backend).at(-1)).to.deep.equal({ limit: 20, status: 'all' });
    });

    it('clamps a page-size below 1 to 1, and fills the view page by page', async () => {
      const small = await mountActivity({ loginAttempts: 3 }, html`<dn-login-activity page-size="0"></dn-login-activity>`);
      expect(pages(small.backend)[0]!.limit).to.equal(1);
      // One row per page: the whole (short) list fills up as it comes into view.
      await until(() => countText(small.el) === 'Showing 3 sign-in attempts');
      expect(small.el.pageSize).to.equal(0);
    });
  });

  describe('a burst of failed attempts', () => {
    it('stands out: marked rows, how many and from where on the newest, and a warning at the top', async () => {
      const { el, backend } = await mountActivity();
      const items = backend.store.listLoginActivity({ limit: 50 }).items;
      const burst = items.slice(3, 10);
      expect(burst.every((a) => !a.success && a.location === 'São Paulo, Brazil')).to.equal(true);
      const alert = shadow(el).querySelector('[part="burst-alert"]')!;
      expect(textOf(alert)).to.contain("Several failed sign-in attempts in a row. If this wasn't you, change your password.");
      const newest = await reveal(el, burst[0]!.id);
      expect(partText(newest, 'burst-note')).to.match(/^7 failed sign-in attempts in a row within \d+ minutes?, from São Paulo, Brazil$/);
      // Counted in time order: the oldest attempt is the first of the run, the newest (the top row) the seventh.
      expect(Date.parse(burst[6]!.at)).to.be.lessThan(Date.parse(burst[0]!.at));
      for (const [index, item] of burst.entries()) {
        const row = await reveal(el, item.id);
        expect(row.classList.contains('burst'), `row ${index + 3}`).to.equal(true);
        expect(partText(row, 'burst-badge')).to.equal(`${7 - index} of 7 in a row`);
        if (index > 0) expect(row.querySelector('[part="burst-note"]')).to.equal(null);
      }
      for (const item of [items[2]!, items[10]!]) {
        const row = await reveal(el, item.id);
        expect(row.classList.contains('burst')).to.equal(false);
        expect(row.querySelector('[part="burst-badge"]')).to.equal(null);
      }
      // An isolated failure (successes around it) is not highlighted.
      const isolated = items.findIndex((a, i) => i > 10 && !a.success && items[i - 1]!.success && items[i + 1]?.success);
      expect(isolated, 'an isolated failure in the first page').to.be.greaterThan(10);
      const lone = await reveal(el, items[isolated]!.id);
      expect(partText(lone, 'outcome')).to.equal('Failed');
      expect(lone.classList.contains('burst')).to.equal(false);
      expect(lone.querySelector('[part="burst-badge"], [part="burst-note"]')).to.equal(null);
    });

    it('needs each failure within 15 minutes of the next, and ends at a success', async () => {
      const { el } = await mountActivity({
        setup: answer([
          // Three failures two minutes apart, from two places: a burst without a place.
          attempt({ id: 'b1', at: ago(10 * MINUTE) }),
          attempt({ id: 'b2', at: ago(12 * MINUTE), location: 'Singapore' }),
          attempt({ id: 'b3', at: ago(14 * MINUTE) }),
          attempt({ id: 's1', at: ago(15 * MINUTE), success: true, failureReason: null }),
          // Two failures, a success, one more: no run of three.
          attempt({ id: 'c1', at: ago(16 * MINUTE) }),
          attempt({ id: 'c2', at: ago(17 * MINUTE) }),
          attempt({ id: 's2', at: ago(18 * MINUTE), success: true, failureReason: null }),
          attempt({ id: 'c3', at: ago(19 * MINUTE) }),
          // Failures spread over weeks do not group.
          attempt({ id: 'w1', at: ago(3 * 24 * 60 * MINUTE) }),
          attempt({ id: 'w2', at: ago(10 * 24 * 60 * MINUTE) }),
          attempt({ id: 'w3', at: ago(20 * 24 * 60 * MINUTE) }),
        ]),
      });
      const b1 = await reveal(el, 'b1');
      expect(partText(b1, 'burst-note')).to.equal('3 failed sign-in attempts in a row within 4 minutes');
      for (const id of ['c1', 'c2', 'c3', 'w1', 'w2', 'w3', 's1']) {
        expect((await reveal(el, id)).classList.contains('burst'), id).to.equal(false);
      }
    });

    it('"Change password" follows password-href when set', async () => {
      await mountActivity({}, html`<dn-login-activity password-href="/settings/password"></dn-login-activity>`);
      const link = screen.getByShadowRole('link', { name: 'Change password' });
      expect(link.getAttribute('href')).to.equal('/settings/password');
    });

    it('"Change password" asks the host otherwise (dn-password-change-requested)', async () => {
      const { el } = await mountActivity();
      const requested = oneEvent(el, 'dn-password-change-requested');
      screen.getByShadowRole('button', { name: 'Change password' }).click();
      const event = await requested;
      expect(event.detail).to.deep.equal({ reason: 'unrecognized-activity' });
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('shows no warning without a burst', async () => {
      const { el } = await mountActivity({ loginAttempts: 3 });
      expect(shadow(el).querySelector('[part="burst-alert"]')).to.equal(null);
      expect(shadow(el).querySelector('[part="burst-note"]')).to.equal(null);
    });
  });

  describe('with the keyboard alone', () => {
    it('toggles the filter with Space and loads more with Enter', async () => {
      const { el, backend } = await mountActivity();
      shadow(el).querySelector<HTMLElement>('.title')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(deepActive() === filter()).to.equal(true);
      await sendKeys({ press: 'Space' });
      await until(() => statusOf(el) === 'Showing failed sign-in attempts only.');
      expect(pages(backend).at(-1)).to.deep.equal({ limit: 50, status: 'failed' });
      await sendKeys({ press: 'Space' });
      await until(() => statusOf(el) === 'Showing all sign-in attempts.');
      expect(deepActive() === filter()).to.equal(true);
      // Filter → "Change password" (the burst warning) → the list's scroll box → "Load more".
      await sendKeys({ press: 'Tab' });
      expect(deepActive() === screen.getByShadowRole('button', { name: 'Change password' })).to.equal(true);
      await sendKeys({ press: 'Tab' });
      const box = shadow(el).querySelector<HTMLElement>('[part="scroller"]')!;
      expect(deepActive() === box).to.equal(true);
      expect(box.getAttribute('role')).to.equal('region');
      // The arrow keys scroll the list itself.
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'PageDown' });
      await until(() => box.scrollTop > 0, 'the list to scroll with the keyboard');
      await sendKeys({ press: 'Tab' });
      expect(deepActive() === loadMore()).to.equal(true);
      // Focus scrolled the end of the list into view, which may already have fetched the next page.
      await until(() => loadMore()!.getAttribute('aria-busy') === 'false');
      const before = Number(/\d+/.exec(countText(el))![0]);
      await sendKeys({ press: 'Enter' });
      await until(() => countText(el) === `Showing ${before + 50} sign-in attempts`);
      const cursors = pages(backend).map((q) => q.cursor ?? `first:${q.status}`);
      expect(cursors.filter((c) => !c.startsWith('first:'))).to.have.length(before / 50);
      expect(new Set(cursors.filter((c) => !c.startsWith('first:'))).size).to.equal(before / 50);
      expect(deepActive() === loadMore()).to.equal(true);
    });
  });

  describe('in other languages', () => {
    const cases: [string, RegExp[]][] = [
      ['de', [/Anmeldeaktivität/, /Nur fehlgeschlagene/, /Erfolgreich/, /Falsches Passwort/, /50 Anmeldeversuche werden angezeigt/, /Mehr laden/, /Unbekannter Standort|Berlin/]],
      ['es', [/Actividad de inicio de sesión/, /Solo fallidos/, /Correcto/, /Contraseña incorrecta/, /Se muestran 50 intentos/, /Cargar más/]],
      ['ar', [/نشاط تسجيل الدخول/, /الفاشلة فقط/, /ناجحة/, /كلمة مرور خاطئة/, /تحميل المزيد/, new RegExp(`عدد محاولات تسجيل الدخول المعروضة: ${new Intl.NumberFormat('ar').format(50)}`)]],
    ];
    for (const [locale, expected] of cases) {
      it(`speaks ${locale}`, async () => {
        const { el, backend } = await mountActivity({ locale });
        await until(() => expected[0]!.test(visibleText(el)), `the ${locale} strings`);
        const items = backend.store.listLoginActivity({ limit: 50 }).items;
        await reveal(el, items[4]!.id);
        const text = visibleText(el);
        for (const pattern of expected) expect(text, `${locale}: ${pattern}`).to.match(pattern);
        expect(text).not.to.match(/Load more|Succeeded|Wrong password|activity\./);
      });
    }

    it("names a system the server could not tell in Arabic, not in the server's English", async () => {
      const { el, backend } = await mountActivity({ locale: 'ar' });
      await until(() => visibleText(el).includes('نشاط تسجيل الدخول'));
      const attempt = backend.store.listLoginActivity({ limit: 50 }).items.find((item) => item.os === 'Unknown');
      expect(attempt, 'an attempt from an unknown system in the first page').to.exist;
      const row = await reveal(el, attempt!.id);
      expect(partText(row, 'device')).to.equal(`\u2068${attempt!.browser}\u2069 على \u2068نظام غير معروف\u2069`);
      expect(visibleText(row)).not.to.contain('Unknown');
    });

    it('writes the burst in German, with the duration in German', async () => {
      const { el, backend } = await mountActivity({ locale: 'de' });
      await until(() => visibleText(el).includes('Anmeldeaktivität'));
      const burst = backend.store.listLoginActivity({ limit: 50 }).items[3]!;
      const row = await reveal(el, burst.id);
      expect(partText(row, 'burst-note')).to.match(/^7 fehlgeschlagene Anmeldeversuche in Folge innerhalb von \d+ Minuten?, aus São Paulo, Brazil$/);
      expect(partText(row, 'burst-badge')).to.equal('7 von 7 in Folge');
    });
  });

  describe('while the page stays open', () => {
    it('refreshes relative times every 30 seconds and stops when removed', async () => {
      const { started, cleared, restore } = spyOnIntervals();
      try {
        const { el } = await mountActivity();
        const timer = started.find((t) => t.ms === 30_000);
        expect(timer, 'a 30 s timer').to.exist;
        el.remove();
        expect(cleared).to.include(timer!.id);
      } finally {
        restore();
      }
    });
  });
});
