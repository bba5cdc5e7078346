/**
 * The ledger of test/components/lifecycle*.test.ts: mounting and removing an element must
 * leave nothing behind. The element list is split over several files so that each file stays
 * well inside web-test-runner's time limit per file.
 *
 * Mounting and removing an element must leave nothing behind. Every element goes through
 * 40 cycles (the two dialogs the elements open, "Confirm it's you" and the confirmation,
 * 20 each, as they are opened in every cycle) — what is left is counted, not measured, so a
 * leak shows after one cycle and a few dozen are plenty: half inside a provider whose API records the signal of every call and never
 * answers (each request is still in flight when the element leaves), half on the
 * in-process mock backend, whose fetch counts started and settled requests (lists render,
 * the virtualizer observes and listens). The dialogs are opened in every cycle and removed
 * while open (half of "Confirm it's you" with the password on its way to the server).
 * Then, after a short settle wait, the ledger must find:
 * - no request left running: every recorded signal aborted, every mock fetch settled;
 * - no interval, and no timeout of any length still pending;
 * - no listener left on a long-lived target: the window, the document, `<html>`, `<body>`,
 *   the providers, media query lists (`addEventListener('change')` and `addListener`), and
 *   any other non-node target (`visualViewport`, `navigator.serviceWorker`, channels, …);
 * - no ResizeObserver, MutationObserver or IntersectionObserver still observing anything.
 * Two more runs remove an element while its confirmation or "Confirm it's you" is open:
 * the dialog must close and leave the page. Each run logs what the ledger watched (a
 * warning line `[lifecycle] …`). Heap growth over 1,000 cycles is a figure of
 * `npm run bench`, not a test (memory readings are noisy).
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { AccountApi } from '../../src/api/account-api.js';
import { MOCK_PASSWORD, createMockFetch, type MockFetchOptions } from '../../mock/index.js';
import { RestAccountApi } from '../../src/api/rest-client.js';
import type { DnAccountProvider } from '../../src/components/account-provider/account-provider.js';
import '../../src/components/account-provider/account-provider.js';
import '../../src/components/profile-form/profile-form.js';
import '../../src/components/email-change/email-change.js';
import '../../src/components/password-change/password-change.js';
import '../../src/components/password-reset/password-reset.js';
import '../../src/components/2fa-setup/2fa-setup.js';
import '../../src/components/2fa-challenge/2fa-challenge.js';
import '../../src/components/trusted-devices/trusted-devices.js';
import '../../src/components/passkeys/passkeys.js';
import '../../src/components/session-list/session-list.js';
import '../../src/components/login-activity/login-activity.js';
import '../../src/components/notification-matrix/notification-matrix.js';
import '../../src/components/privacy-settings/privacy-settings.js';
import '../../src/components/delete-account/delete-account.js';
import '../../src/components/connected-accounts/connected-accounts.js';
import '../../src/components/preferences/preferences.js';
import '../../src/components/billing-summary/billing-summary.js';
import '../../src/components/account-settings/account-settings.js';
import type { DnReauthDialog } from '../../src/components/reauth-dialog/reauth-dialog.js';
import '../../src/components/reauth-dialog/reauth-dialog.js';
import type { DnConfirmDialog } from '../../src/internal/confirm-dialog.js';
import '../../src/internal/define-confirm-dialog.js';
import { nextTask } from './tasks.js';

export const CYCLES = 40;
/** The two internal dialogs are opened in every cycle (slower): fewer cycles, each one removed while open. */
const DIALOG_ELEMENT_CYCLES = 20;

/** Every element the library defines, and the two internal dialogs the elements open, in the three files' groups. */
export const GROUPS = {
  forms: ['dn-profile-form', 'dn-email-change', 'dn-password-change', 'dn-password-reset', 'dn-2fa-setup', 'dn-2fa-challenge', 'dn-preferences', 'dn-billing-summary'],
  lists: ['dn-trusted-devices', 'dn-passkeys', 'dn-session-list', 'dn-login-activity', 'dn-notification-matrix', 'dn-privacy-settings', 'dn-delete-account', 'dn-connected-accounts'],
  // The page, a provider (inside the test's providers), and the two internal dialogs the elements open (opened in every cycle, removed while open).
  page: ['dn-account-settings', 'dn-account-provider', 'dn-reauth-dialog', 'dn-confirm-dialog'],
} as const;
export const ELEMENTS: readonly string[] = Object.values(GROUPS).flat();
/**
 * Elements that send nothing when they mount: the password forms load their policy only on
 * demand, the 2FA sign-in step sends only the code, and the provider only hands out context.
 */
const QUIET: readonly string[] = ['dn-password-change', 'dn-password-reset', 'dn-2fa-challenge', 'dn-account-provider'];

export interface Call {
  method: string;
  signal: AbortSignal | undefined;
}

/** An AccountApi whose every method records its call and waits until the call is aborted. */
export function recordingApi(calls: Call[]): AccountApi {
  return new Proxy({} as AccountApi, {
    get(_target, method) {
      // Only API method names: Lit probes values for `_$litDirective$` and the like.
      if (typeof method !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(method) || method === 'then' || method === 'toJSON') return undefined;
      return (...args: unknown[]) => {
        const signal = args
          .map((arg) => (arg && typeof arg === 'object' && 'signal' in arg ? (arg as { signal?: AbortSignal }).signal : undefined))
          .find((value) => value instanceof AbortSignal);
        calls.push({ method, signal });
        return new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        });
      };
    },
  });
}

type Listener = EventListenerOrEventListenerObject;

/**
 * Counts what is still live: intervals, timeouts of any length, listeners on long-lived
 * targets, observers that observe something, and fetches that have not settled.
 *
 * Long-lived listener targets: every EventTarget that is not a node (the window, media
 * query lists, `visualViewport`, `navigator.serviceWorker`, broadcast channels, message
 * ports, …) and the nodes that outlive the elements (the document, `<html>`, `<body>`,
 * the providers). Not counted: nodes inside the removed elements (they go with them) and
 * abort signals (each request's and each element's own signal; the element's is aborted
 * when it leaves, which the request check below proves).
 */
export class Ledger {
  readonly intervals = new Set<number>();
  readonly timeouts = new Map<number, number>();
  readonly listeners = new Map<EventTarget, Map<string, Set<Listener>>>();
  readonly observers = new Map<object, { kind: string; targets: Set<Node | Element> }>();
  readonly mediaListeners = new Map<MediaQueryList, Set<unknown>>();
  /** What the ledger saw, to show it watched: listeners added to long-lived targets, targets observed. */
  readonly seen = { listeners: 0, observed: 0, timeouts: 0 };
  readonly #restore: (() => void)[] = [];
  readonly #keep: Set<EventTarget>;

  constructor(longLived: EventTarget[]) {
    this.#keep = new Set([document, document.documentElement, document.body, ...longLived]);
  }

  #watched(target: EventTarget): boolean {
    if (target instanceof AbortSignal) return false;
    return !(target instanceof Node) || this.#keep.has(target);
  }

  install(): void {
    type SetTimer = (handler: TimerHandler, ms?: number, ...rest: unknown[]) => number;
    type ClearTimer = (id?: number) => void;
    const original = {
      setInterval: window.setInterval as unknown as SetTimer,
      clearInterval: window.clearInterval as ClearTimer,
      setTimeout: window.setTimeout as unknown as SetTimer,
      clearTimeout: window.clearTimeout as ClearTimer,
    };
    const { intervals, timeouts, seen, listeners, mediaListeners, observers } = this;
    const watched = (target: EventTarget) => this.#watched(target);
    const patched: typeof original = {
      setInterval: (handler, ms, ...rest) => {
        const id = original.setInterval.call(window, handler, ms, ...rest);
        intervals.add(id);
        return id;
      },
      clearInterval: (id) => {
        if (id !== undefined) intervals.delete(id);
        original.clearInterval.call(window, id);
      },
      // Every timeout, whatever its length; it leaves the ledger when it fires or is cleared.
      setTimeout: (handler, ms, ...rest) => {
        let id = 0;
        const run =
          typeof handler === 'function'
            ? (...args: unknown[]) => {
                timeouts.delete(id);
                (handler as (...a: unknown[]) => void)(...args);
              }
            : handler;
        id = original.setTimeout.call(window, run, ms, ...rest);
        if (typeof handler === 'function') {
          timeouts.set(id, ms ?? 0);
          seen.timeouts++;
        }
        return id;
      },
      clearTimeout: (id) => {
        if (id !== undefined) timeouts.delete(id);
        original.clearTimeout.call(window, id);
      },
    };
    Object.assign(window, patched);
    this.#restore.push(() => Object.assign(window, original));

    // Listeners: on the prototype every target shares.
    const proto = EventTarget.prototype;
    const add = proto.addEventListener;
    const remove = proto.removeEventListener;
    const forget = (target: EventTarget, type: string, listener: Listener) => listeners.get(target)?.get(type)?.delete(listener);
    proto.addEventListener = function (this: EventTarget, type: string, listener: Listener | null, options?: boolean | AddEventListenerOptions) {
      if (listener && watched(this)) {
        seen.listeners++;
        const byType = listeners.get(this) ?? new Map<string, Set<Listener>>();
        listeners.set(this, byType);
        const set = byType.get(type) ?? new Set<Listener>();
        byType.set(type, set);
        set.add(listener);
        const opts = typeof options === 'object' ? options : {};
        // A `once` listener and one tied to a signal go by themselves.
        if (opts.once) add.call(this, type, () => forget(this, type, listener), { once: true });
        opts.signal?.addEventListener('abort', () => forget(this, type, listener), { once: true });
      }
      return add.call(this, type, listener, options);
    };
    proto.removeEventListener = function (this: EventTarget, type: string, listener: Listener | null, options?: boolean | EventListenerOptions) {
      if (listener) forget(this, type, listener);
      return remove.call(this, type, listener, options);
    };
    this.#restore.push(() => {
      proto.addEventListener = add;
      proto.removeEventListener = remove;
    });

    // The deprecated MediaQueryList.addListener / removeListener.
    const mql = MediaQueryList.prototype;
    const addListener = mql.addListener;
    const removeListener = mql.removeListener;
    mql.addListener = function (this: MediaQueryList, listener) {
      const set = mediaListeners.get(this) ?? new Set();
      mediaListeners.set(this, set);
      set.add(listener);
      return addListener.call(this, listener);
    };
    mql.removeListener = function (this: MediaQueryList, listener) {
      mediaListeners.get(this)?.delete(listener);
      return removeListener.call(this, listener);
    };
    this.#restore.push(() => {
      mql.addListener = addListener;
      mql.removeListener = removeListener;
    });

    // Observers: what each one observes until it unobserves it or disconnects.
    for (const [kind, ctor] of [
      ['ResizeObserver', ResizeObserver],
      ['MutationObserver', MutationObserver],
      ['IntersectionObserver', IntersectionObserver],
    ] as const) {
      const p = ctor.prototype as unknown as {
        observe: (target: Element, options?: unknown) => void;
        unobserve?: (target: Element) => void;
        disconnect: () => void;
      };
      const { observe, unobserve, disconnect } = p;
      p.observe = function (this: object, target: Element, options?: unknown) {
        const entry = observers.get(this) ?? { kind, targets: new Set() };
        observers.set(this, entry);
        entry.targets.add(target);
        seen.observed++;
        return observe.call(this, target, options);
      };
      if (unobserve) {
        p.unobserve = function (this: object, target: Element) {
          observers.get(this)?.targets.delete(target);
          return unobserve.call(this, target);
        };
      }
      p.disconnect = function (this: object) {
        observers.get(this)?.targets.clear();
        return disconnect.call(this);
      };
      this.#restore.push(() => Object.assign(p, { observe, disconnect }, unobserve ? { unobserve } : {}));
    }
  }

  uninstall(): void {
    for (const restore of this.#restore.splice(0).reverse()) restore();
  }

  /** Listeners still registered on long-lived targets, as `Window:message × 3`. */
  leftListeners(): string[] {
    const left: string[] = [];
    for (const [target, byType] of this.listeners) {
      for (const [type, set] of byType) if (set.size > 0) left.push(`${nameOf(target)}:${type} × ${set.size}`);
    }
    for (const [list, set] of this.mediaListeners) if (set.size > 0) left.push(`MediaQueryList(${list.media}) addListener × ${set.size}`);
    return left;
  }

  /** Observers still observing something, as `ResizeObserver on DIV (detached) × 2`. */
  leftObservers(): string[] {
    const counts = new Map<string, number>();
    for (const { kind, targets } of this.observers.values()) {
      if (targets.size === 0) continue;
      const first = [...targets][0]!;
      const key = `${kind} on ${nameOf(first)}${first.isConnected ? '' : ' (detached)'}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].map(([key, n]) => `${key} × ${n}`);
  }

  /** Timeouts still pending, as `1500 ms × 2`. */
  leftTimeouts(): string[] {
    const counts = new Map<number, number>();
    for (const ms of this.timeouts.values()) counts.set(ms, (counts.get(ms) ?? 0) + 1);
    return [...counts].map(([ms, n]) => `${ms} ms × ${n}`);
  }
}

function nameOf(target: EventTarget): string {
  if (target instanceof Element) return target.localName.toUpperCase();
  if (target instanceof Node) return target.nodeName;
  return target.constructor.name;
}

/** A fetch that counts the requests it started and the ones that settled (answered, failed or aborted). */
function countingFetch(inner: typeof fetch): { fetch: typeof fetch; started: () => number; settled: () => number } {
  let started = 0;
  let settled = 0;
  const counted: typeof fetch = (input, init) => {
    started++;
    const result = inner(input, init);
    void result.then(
      () => settled++,
      () => settled++,
    );
    return result;
  };
  return { fetch: counted, started: () => started, settled: () => settled };
}


/** Waits `ms` (the timer leaves the ledger when it fires). */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `predicate` every 10 ms for up to 8 s. Not the fixture's `until`: open-wc's
 * `waitUntil` leaves its own 8 s timeout pending, which the ledger would count.
 */
export async function until(predicate: () => unknown, message: string): Promise<void> {
  for (let i = 0; i < 800; i++) {
    if (predicate()) return;
    await sleep(10);
  }
  throw new Error(`Timeout: ${message}`);
}

/**
 * Elements that observe (long lists through the virtualizer, the page its tabs and size).
 * Sign-in activity is not among them: its first page (at most 200) is a plain list.
 */
const OBSERVING = ['dn-trusted-devices', 'dn-session-list', 'dn-account-settings'];
/** Elements that listen to the window or the document while on the page. */
const LISTENING = ['dn-email-change', 'dn-connected-accounts', 'dn-billing-summary'];

/** How long timeouts still pending after the cycles may take to fire by themselves. */
export const SETTLE_MS = 400;

export type Cycled = HTMLElement & { updateComplete: Promise<unknown> };

/** What a cycle does with the element between mounting and removing it (default: let it load). */
interface Opening {
  /** Options of the answering half's mock backend. */
  mock?: MockFetchOptions;
  /** Opens the element's dialog; resolves to the promise of its answer. */
  open(el: Cycled, answered: boolean, api: AccountApi): Promise<{ answer: Promise<boolean> }>;
}

/** The two dialogs: opened in every cycle and removed while open. */
const OPENINGS: Record<string, Opening> = {
  'dn-reauth-dialog': {
    mock: { latencyMs: 100 },
    async open(el, answered, api) {
      const dialog = el as Cycled & DnReauthDialog;
      const answer = dialog.confirm({ methods: ['password', 'totp'], api });
      await dialog.updateComplete;
      if (answered) {
        // Half the time the password is on its way to the server when the dialog goes.
        const input = dialog.querySelector<HTMLInputElement>('input[type="password"]')!;
        input.value = MOCK_PASSWORD;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        dialog.querySelector('form')!.requestSubmit();
        // The mock answers after 100 ms (see `mock` above): the check is in flight at removal.
        await until(() => dialog.querySelector('button[type="submit"][aria-busy="true"]'), 'the check to be sent');
      }
      return { answer };
    },
  },
  'dn-confirm-dialog': {
    async open(el) {
      const dialog = el as Cycled & DnConfirmDialog;
      const answer = dialog.confirm({ title: 'Revoke?', message: 'It signs out.', confirmLabel: 'Revoke', danger: true });
      await dialog.updateComplete;
      return { answer };
    },
  },
};

/** Whether `el` (or a dialog in its shadow root, or in the provider's light DOM) shows an open `<dialog>`. */
export function openDialogs(...roots: (Element | ShadowRoot | null | undefined)[]): number {
  let count = 0;
  const visit = (root: Element | ShadowRoot) => {
    for (const node of root.querySelectorAll('*')) {
      if (node instanceof HTMLDialogElement && node.open) count++;
      if (node.shadowRoot) visit(node.shadowRoot);
    }
  };
  for (const root of roots) if (root) visit(root);
  return count;
}

/** Two providers for a run: one whose API never answers, one on the in-process mock (its fetch counted). */
export async function providers(calls: Call[], mock: MockFetchOptions = {}) {
  const pending = await fixture<DnAccountProvider>(html`<dn-account-provider .api=${recordingApi(calls)}></dn-account-provider>`);
  // More sessions and devices than WINDOW_THRESHOLD: those lists are windowed, the virtualizer runs.
  const { fetch } = createMockFetch({ sessions: 250, loginAttempts: 500, trustedDevices: 250, ...mock });
  const counter = countingFetch(fetch);
  const answeringApi = new RestAccountApi({ baseUrl: '/api/account', fetch: counter.fetch, retry: { attempts: 0 } });
  const answering = await fixture<DnAccountProvider>(html`<dn-account-provider .api=${answeringApi}></dn-account-provider>`);
  return { pending, answering, answeringApi, counter };
}

/** Everything the ledger must find empty, with the figures for the report. */
export function expectNothingLeft(ledger: Ledger, calls: Call[], counter: ReturnType<typeof countingFetch>, label: string): void {
  const open = calls.filter((call) => !call.signal?.aborted);
  expect(open.map((call) => call.method), `${label}: requests left running (API that never answers)`).to.deep.equal([]);
  expect(counter.started() - counter.settled(), `fetches left pending (mock backend: ${counter.started()} started)`).to.equal(0);
  expect(ledger.intervals.size, 'intervals left running').to.equal(0);
  expect(ledger.leftTimeouts(), `timeouts still pending ${SETTLE_MS} ms after the last removal`).to.deep.equal([]);
  expect(ledger.leftListeners(), 'listeners left on the window, document, providers, media queries or other long-lived targets').to.deep.equal([]);
  expect(ledger.leftObservers(), 'resize / mutation / intersection observers still observing').to.deep.equal([]);
}


/** Starts the one-time singletons (the context root on <html>, the locale loader) before any ledger watches. */
export async function warmUp(): Promise<void> {
  // One-time singletons (the context root on <html>, the locale loader) start with the
  // first element ever connected; start them before any ledger is watching.
  const { answering } = await providers([]);
  const el = document.createElement('dn-profile-form') as Cycled;
  answering.append(el);
  await el.updateComplete;
  await sleep(50);
  el.remove();
  answering.remove();
}

/** One `it`: `tag` mounted and removed {CYCLES} times (the dialogs fewer), then nothing may be left. */
export function itCycles(tag: string): void {
  it(`${tag}: aborts its requests, clears its timers and removes its listeners and observers`, async function () {
    this.timeout(120_000);
    // Half the cycles on an API that never answers (requests are in flight at removal),
    // half on the in-process mock (lists render, the virtualizer listens to scrolling).
    const calls: Call[] = [];
    const opening = OPENINGS[tag];
    const cycles = opening ? DIALOG_ELEMENT_CYCLES : CYCLES;
    const { pending, answering, answeringApi, counter } = await providers(calls, opening?.mock);
    const answers: Promise<boolean>[] = [];
    let shownOpen = 0;
    const ledger = new Ledger([pending, answering]);
      ledger.install();
    try {
      for (let i = 0; i < cycles; i++) {
        const el = document.createElement(tag) as Cycled;
        const answered = i % 2 === 1;
        const observedBefore = ledger.seen.observed;
        (answered ? answering : pending).append(el);
        await el.updateComplete;
        if (opening) {
          answers.push((await opening.open(el, answered, answered ? answeringApi : recordingApi(calls))).answer);
          if (openDialogs(el, el.shadowRoot) > 0) shownOpen++;
          el.remove();
          continue;
        }
        if (tag === 'dn-account-settings') {
          // The page imports its first tab's element, then renders it into its light DOM.
          for (let wait = 0; wait < 200 && !el.querySelector('dn-profile-form'); wait++) await nextTask();
          await (el.querySelector('dn-profile-form') as Cycled | null)?.updateComplete;
        }
        if (answered) {
          // Let the answer arrive and the list render (every 10th cycle waits for frames too).
          await nextTask();
          await el.updateComplete;
          if (i % 10 === 1) await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          // An observing element is removed only once it observes: on a busy machine its answer
          // (and the virtualizer's lazy chunk) may take longer than a task.
          if (OBSERVING.includes(tag)) await until(() => ledger.seen.observed > observedBefore, `${tag} to observe`);
        } else {
          // Let a load task reach the API (it starts after the first update).
          await Promise.resolve();
          await Promise.resolve();
        }
        el.remove();
      }
      // Aborts settle on the next tasks; short timeouts (a debounce, a focus hand-over) fire.
      await sleep(SETTLE_MS);
    } finally {
      ledger.uninstall();
      pending.remove();
      answering.remove();
    }
    expectNothingLeft(ledger, calls, counter, `${tag} × ${cycles}`);
    // The ledger watched what these elements do: the virtualizer's and the page's observers,
    // the window / document listeners of the elements that watch the user come back.
    if (OBSERVING.includes(tag)) expect(ledger.seen.observed, 'observe() calls the ledger saw').to.be.at.least(CYCLES / 2);
    if (LISTENING.includes(tag)) expect(ledger.seen.listeners, 'long-lived listeners the ledger saw').to.be.at.least(CYCLES);
    if (opening) {
      // Every dialog was open when it was removed, and removing it answered "not confirmed".
      expect(shownOpen, 'cycles whose dialog was open at removal').to.equal(cycles);
      expect(new Set(await Promise.all(answers))).to.deep.equal(new Set([false]));
    } else if (!QUIET.includes(tag)) {
      // The ledger saw the elements work: loaders called the API every pending cycle.
      expect(calls.length).to.be.at.least(CYCLES / 2);
    }
    if (tag !== 'dn-confirm-dialog' && !QUIET.includes(tag)) {
      expect(counter.started(), 'the answering half reached the mock backend').to.be.at.least(cycles / 2);
    }
  });
}
