/**
 * Mounting and removing an element must leave nothing behind: every request it started
 * is aborted, every interval cleared, every listener it put on the window or the
 * document removed. Each element goes through 1,000 cycles inside one provider whose
 * API records the signal of every call and never answers (so each request is still in
 * flight when the element leaves). Heap growth over the same cycles is a figure of
 * `npm run bench`, not a test (memory readings are noisy).
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { AccountApi } from '../../src/api/account-api.js';
import { createMockFetch } from '../../src/api/mock/index.js';
import { RestAccountApi } from '../../src/api/rest-client.js';
import type { DnAccountProvider } from '../../src/components/account-provider/account-provider.js';
import '../../src/components/account-provider/account-provider.js';
import '../../src/components/profile-form/profile-form.js';
import '../../src/components/email-change/email-change.js';
import '../../src/components/password-change/password-change.js';
import '../../src/components/password-reset/password-reset.js';
import '../../src/components/2fa-setup/2fa-setup.js';
import '../../src/components/trusted-devices/trusted-devices.js';
import '../../src/components/session-list/session-list.js';
import '../../src/components/login-activity/login-activity.js';
import '../../src/components/notification-matrix/notification-matrix.js';
import '../../src/components/privacy-settings/privacy-settings.js';
import '../../src/components/delete-account/delete-account.js';
import '../../src/components/connected-accounts/connected-accounts.js';
import '../../src/components/preferences/preferences.js';
import '../../src/components/billing-summary/billing-summary.js';
import '../../src/components/account-settings/account-settings.js';

const CYCLES = 1000;

const ELEMENTS = [
  'dn-profile-form',
  'dn-email-change',
  'dn-password-change',
  'dn-password-reset',
  'dn-2fa-setup',
  'dn-trusted-devices',
  'dn-session-list',
  'dn-login-activity',
  'dn-notification-matrix',
  'dn-privacy-settings',
  'dn-delete-account',
  'dn-connected-accounts',
  'dn-preferences',
  'dn-billing-summary',
  'dn-account-settings',
];

interface Call {
  method: string;
  signal: AbortSignal | undefined;
}

/** An AccountApi whose every method records its call and waits until the call is aborted. */
function recordingApi(calls: Call[]): AccountApi {
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

/** Counts intervals, long timeouts and window / document listeners that are still live. */
class Ledger {
  readonly intervals = new Set<number>();
  readonly timeouts = new Set<number>();
  readonly listeners = new Map<string, number>();
  readonly #restore: (() => void)[] = [];

  install(): void {
    type SetTimer = (handler: TimerHandler, ms?: number, ...rest: unknown[]) => number;
    type ClearTimer = (id?: number) => void;
    const original = {
      setInterval: window.setInterval as unknown as SetTimer,
      clearInterval: window.clearInterval as ClearTimer,
      setTimeout: window.setTimeout as unknown as SetTimer,
      clearTimeout: window.clearTimeout as ClearTimer,
    };
    const intervals = this.intervals;
    const timeouts = this.timeouts;
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
      // Only timeouts long enough to matter (a retry, a cool-down): shorter ones are scheduling.
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
        if ((ms ?? 0) >= 1000) timeouts.add(id);
        return id;
      },
      clearTimeout: (id) => {
        if (id !== undefined) timeouts.delete(id);
        original.clearTimeout.call(window, id);
      },
    };
    Object.assign(window, patched);
    this.#restore.push(() => Object.assign(window, original));

    for (const [name, target] of [
      ['window', window],
      ['document', document],
    ] as const) {
      const add = target.addEventListener;
      const remove = target.removeEventListener;
      const listeners = this.listeners;
      const seen = new Map<string, Set<unknown>>();
      target.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
        const key = `${name}:${type}`;
        const set = seen.get(key) ?? new Set();
        seen.set(key, set);
        if (listener && !set.has(listener)) {
          set.add(listener);
          listeners.set(key, (listeners.get(key) ?? 0) + 1);
        }
        return add.call(this, type, listener as EventListener, options as AddEventListenerOptions);
      } as typeof target.addEventListener;
      target.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
        const key = `${name}:${type}`;
        if (seen.get(key)?.delete(listener)) listeners.set(key, (listeners.get(key) ?? 1) - 1);
        return remove.call(this, type, listener as EventListener, options as EventListenerOptions);
      } as typeof target.removeEventListener;
      this.#restore.push(() => {
        target.addEventListener = add;
        target.removeEventListener = remove;
      });
    }
  }

  uninstall(): void {
    for (const restore of this.#restore.splice(0)) restore();
  }

  /** Listener counts above zero, as `window:scroll × 3`. */
  leftListeners(): string[] {
    return [...this.listeners].filter(([, n]) => n > 0).map(([key, n]) => `${key} × ${n}`);
  }
}

describe('mounting and removing every element 1,000 times', () => {
  for (const tag of ELEMENTS) {
    it(`${tag}: aborts its requests, clears its timers and removes its listeners`, async function () {
      this.timeout(120_000);
      // Half the cycles on an API that never answers (requests are in flight at removal),
      // half on the in-process mock (lists render, the virtualizer listens to scrolling).
      const calls: Call[] = [];
      const pending = await fixture<DnAccountProvider>(html`<dn-account-provider .api=${recordingApi(calls)}></dn-account-provider>`);
      const { fetch } = createMockFetch({ sessions: 200, loginAttempts: 500, trustedDevices: 20 });
      const answering = await fixture<DnAccountProvider>(
        html`<dn-account-provider .api=${new RestAccountApi({ baseUrl: '/api/account', fetch, retry: { attempts: 0 } })}></dn-account-provider>`,
      );
      const ledger = new Ledger();
      ledger.install();
      try {
        for (let i = 0; i < CYCLES; i++) {
          const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
          const answered = i % 2 === 1;
          (answered ? answering : pending).append(el);
          await el.updateComplete;
          if (tag === 'dn-account-settings') {
            // The page imports its first tab's element, then renders it into its light DOM.
            for (let wait = 0; wait < 20 && !el.querySelector('dn-profile-form'); wait++) await new Promise((resolve) => setTimeout(resolve, 0));
            await (el.querySelector('dn-profile-form') as (HTMLElement & { updateComplete: Promise<unknown> }) | null)?.updateComplete;
          }
          if (answered) {
            // Let the answer arrive and the list render (every 50th cycle waits for frames too).
            await new Promise((resolve) => setTimeout(resolve, 0));
            await el.updateComplete;
            if (i % 50 === 1) await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          } else {
            // Let a load task reach the API (it starts after the first update).
            await Promise.resolve();
            await Promise.resolve();
          }
          el.remove();
        }
        // Aborts settle on the next tasks.
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        ledger.uninstall();
        pending.remove();
        answering.remove();
      }
      const open = calls.filter((call) => !call.signal?.aborted);
      expect(open.map((call) => call.method), 'requests left running').to.deep.equal([]);
      expect(ledger.intervals.size, 'intervals left running').to.equal(0);
      expect(ledger.timeouts.size, 'timeouts of a second or more left pending').to.equal(0);
      expect(ledger.leftListeners(), 'window / document listeners left behind').to.deep.equal([]);
      // The ledger saw the elements work: loaders called the API every pending cycle.
      if (!['dn-password-change', 'dn-password-reset'].includes(tag)) expect(calls.length).to.be.at.least(CYCLES / 2);
    });
  }
});
