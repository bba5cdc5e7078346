/**
 * The page `npm run bench` drives (scripts/bench.mjs): elements on the in-process mock
 * backend, with the measurements exposed on `window.dnBench`. Production build, no
 * service worker, no latency: what is timed is the elements' own work.
 */
import type { AccountApi } from '../src/api/account-api.js';
import { createMockFetch, type MockFetchOptions } from '../mock/index.js';
import { RestAccountApi } from '../src/api/rest-client.js';
import '../src/components/account-provider/account-provider.js';
import '../src/components/profile-form/profile-form.js';
import '../src/components/email-change/email-change.js';
import '../src/components/password-change/password-change.js';
import '../src/components/password-reset/password-reset.js';
import '../src/components/2fa-setup/2fa-setup.js';
import '../src/components/2fa-challenge/2fa-challenge.js';
import '../src/components/trusted-devices/trusted-devices.js';
import '../src/components/session-list/session-list.js';
import '../src/components/login-activity/login-activity.js';
import '../src/components/notification-matrix/notification-matrix.js';
import '../src/components/privacy-settings/privacy-settings.js';
import '../src/components/delete-account/delete-account.js';
import '../src/components/connected-accounts/connected-accounts.js';
import '../src/components/preferences/preferences.js';
import '../src/components/billing-summary/billing-summary.js';
import '../src/components/account-settings/account-settings.js';

const stage = document.getElementById('stage') as HTMLElement;

/** An API on a fresh in-process mock that notes when each answer arrived. */
function timedApi(options: MockFetchOptions, arrivals: number[]): AccountApi {
  const { fetch } = createMockFetch(options);
  const api = new RestAccountApi({ baseUrl: '/api/account', fetch, retry: { attempts: 0 }, timeoutMs: 0 });
  return new Proxy(api, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result instanceof Promise
          ? result.then((data: unknown) => {
              arrivals.push(performance.now());
              return data;
            })
          : result;
      };
    },
  });
}

function rows(el: Element): number {
  return el.shadowRoot?.querySelectorAll('li[aria-posinset]').length ?? 0;
}

/** Resolves after the next frame has been painted. */
function afterPaint(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
}

function waitFor(predicate: () => boolean, root: Node): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('timed out'));
    }, 30_000);
    const observer = new MutationObserver(() => {
      if (predicate()) {
        clearTimeout(timer);
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

function mount(tag: string, api: AccountApi, attributes: Record<string, string> = {}): HTMLElement {
  stage.replaceChildren();
  window.scrollTo(0, 0);
  const provider = document.createElement('dn-account-provider') as HTMLElement & { api: AccountApi };
  provider.api = api;
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  provider.append(el);
  stage.append(provider);
  return el;
}

/**
 * Milliseconds from the list's data arriving to the first painted frame showing rows (`first`),
 * and to the painted frame with every row of a plain list in the DOM (`complete`): a long plain
 * list adds the rows after its first ones in the frames that follow, and the element's
 * `updateComplete` waits for them. For a windowed or a short list both are the same frame.
 */
async function firstFrame(tag: string, options: MockFetchOptions, attributes: Record<string, string> = {}): Promise<{ first: number; complete: number; rows: number }> {
  const arrivals: number[] = [];
  const el = mount(tag, timedApi(options, arrivals), attributes) as HTMLElement & { updateComplete: Promise<unknown> };
  await el.updateComplete;
  await waitFor(() => rows(el) > 0, el.shadowRoot as ShadowRoot);
  const painted = await afterPaint();
  const arrived = arrivals[0] ?? painted;
  const atFirst = rows(el);
  await el.updateComplete;
  // The last rows are added in a frame's callbacks, before that frame paints: a task queued
  // now runs once it has.
  const complete = rows(el) === atFirst ? painted : await new Promise<number>((resolve) => setTimeout(() => resolve(performance.now()), 0));
  return { first: painted - arrived, complete: complete - arrived, rows: rows(el) };
}

/**
 * Loads login activity page by page ("Load more") until `total` rows are loaded, then
 * returns the time from the last page's arrival to its painted frame.
 */
async function loadAll(total: number, pageSize: number): Promise<{ lastPageFrame: number; loaded: number }> {
  const arrivals: number[] = [];
  const el = mount('dn-login-activity', timedApi({ loginAttempts: total }, arrivals), { 'page-size': String(pageSize) });
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  const root = el.shadowRoot as ShadowRoot;
  await waitFor(() => rows(el) > 0, root);
  const setSize = () => Number(root.querySelector('li[aria-setsize]')?.getAttribute('aria-setsize') ?? 0);
  let lastPageFrame = 0;
  while (setSize() < total) {
    const before = setSize();
    const button = [...root.querySelectorAll('button')].find((b) => /load more/i.test(b.textContent ?? ''));
    if (!button) break;
    button.click();
    await waitFor(() => setSize() > before, root);
    lastPageFrame = (await afterPaint()) - (arrivals.at(-1) ?? 0);
  }
  return { lastPageFrame, loaded: setSize() };
}

/** The box the list on stage scrolls in. */
function scroller(): HTMLElement {
  const el = stage.querySelector('dn-account-provider')?.firstElementChild;
  const box = el?.shadowRoot?.querySelector<HTMLElement>('[part="scroller"]');
  if (!box) throw new Error('no list on stage');
  return box;
}

/** Scrolls through the list on stage, one step a frame, and reports frame times and long tasks. */
async function scroll(frames = 240, step = 160): Promise<{ frames: number; p50: number; p95: number; max: number; longTasks: number; longestTask: number }> {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const deltas: number[] = [];
  const box = scroller();
  let last = performance.now();
  await new Promise<void>((resolve) => {
    let n = 0;
    const tick = (now: number) => {
      deltas.push(now - last);
      last = now;
      box.scrollBy(0, step);
      if (++n < frames) requestAnimationFrame(tick);
      else resolve();
    };
    requestAnimationFrame(tick);
  });
  await afterPaint();
  observer.disconnect();
  deltas.shift();
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    frames: deltas.length,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted.at(-1) ?? 0,
    longTasks: longTasks.filter((d) => d > 50).length,
    longestTask: Math.max(0, ...longTasks),
  };
}

/** Mounts `tag`, lets it load and render, and removes it: `cycles` times. */
async function cycles(tag: string, count: number): Promise<void> {
  const { fetch } = createMockFetch({ sessions: 50, loginAttempts: 500, trustedDevices: 10 });
  const api = new RestAccountApi({ baseUrl: '/api/account', fetch, retry: { attempts: 0 } });
  stage.replaceChildren();
  const provider = document.createElement('dn-account-provider') as HTMLElement & { api: AccountApi };
  provider.api = api;
  stage.append(provider);
  for (let i = 0; i < count; i++) {
    const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
    provider.append(el);
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    el.remove();
  }
  stage.replaceChildren();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

Object.assign(window, { dnBench: { firstFrame, loadAll, scroll, cycles, ready: true } });
