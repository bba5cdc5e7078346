/**
 * Starts the mock backend in a browser page (demo, Storybook, tests) with MSW's service
 * worker. The worker starts once per page; later calls reuse it with fresh state.
 */
import type { HttpHandler } from 'msw';
import { setupWorker, type SetupWorker, type StartOptions } from 'msw/browser';
import { createHandlers, oauthReturnUrl, type MockRequestLogEntry } from './handlers.js';
import { MockStore, type MockOptions } from './store/index.js';

export interface MockBackendOptions extends MockOptions {
  /** Where the API lives. Default `/api/account`. */
  baseUrl?: string;
  /** Delay before every answer, in ms. Default 0. */
  latencyMs?: number;
  /** Check every answer against the contract's response schema. Default true. */
  validateResponses?: boolean;
  /** Require this header on every mutation (403 `csrf-failed` otherwise). */
  csrf?: { header: string; token: string };
  /** Keep MSW from logging each request. Default true. */
  quiet?: boolean;
  /** URL of `mockServiceWorker.js`. Default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string;
  /** What happens to requests no handler matches. Default `bypass` (tests pass `error`). */
  onUnhandledRequest?: StartOptions['onUnhandledRequest'];
  /**
   * Make the mock OAuth provider work for real navigations, which MSW's worker never
   * intercepts (see `handleMockOAuthNavigation`). Default true.
   */
  oauthNavigation?: boolean;
}

/** The message a mock provider popup posts to its opener. */
export interface MockOAuthMessage {
  type: 'dn-connected-account';
  source: 'dn-mock-oauth';
  provider: string;
  connected: true;
}

function isMockOAuthMessage(data: unknown): data is MockOAuthMessage {
  const d = data as Partial<MockOAuthMessage> | null;
  return typeof d === 'object' && d !== null && d.source === 'dn-mock-oauth' && typeof d.provider === 'string';
}

/**
 * MSW's worker lets page navigations through, so when an element navigates (redirect
 * mode) or opens a popup to the mock provider URL, the dev server answers instead —
 * usually with the demo page itself (SPA fallback). When that page starts the mock
 * backend, this plays the provider: a popup tells its opener (whose backend marks the
 * provider connected) and closes; a redirect goes back to `redirect_uri?connected=<provider>`.
 * On that return, `connected=<provider>` marks the provider connected in the new page's
 * fresh store. Returns true when the page is the provider page and is going away.
 */
export function handleMockOAuthNavigation(store: MockStore, baseUrl: string, win: Window = window): boolean {
  const url = new URL(win.location.href);
  const prefix = new URL(`${baseUrl.replace(/\/+$/, '')}/__mock/oauth/`, url).pathname;
  if (url.pathname.startsWith(prefix)) {
    const provider = decodeURIComponent(url.pathname.slice(prefix.length));
    const redirectUri = url.searchParams.get('redirect_uri');
    if (url.searchParams.get('mode') === 'popup' && win.opener) {
      const message: MockOAuthMessage = { type: 'dn-connected-account', source: 'dn-mock-oauth', provider, connected: true };
      (win.opener as Window).postMessage(message, url.origin);
      win.close();
      return true;
    }
    if (redirectUri) {
      win.location.replace(oauthReturnUrl(redirectUri, provider));
      return true;
    }
    return false;
  }
  const connected = url.searchParams.get('connected');
  if (connected && store.listConnectedAccounts().items.some((a) => a.provider === connected)) store.markConnected(connected);
  return false;
}

export interface MockBackend {
  /** The state behind the handlers (the same object across `reset()`). */
  readonly store: MockStore;
  readonly worker: SetupWorker;
  /** Every request answered since the last start or `reset()`, oldest first. */
  readonly requests: readonly MockRequestLogEntry[];
  /** Fresh seed data (the start options, overridden by `options`) and the original handlers (drops `use()` overrides). */
  reset(options?: MockOptions & { latencyMs?: number }): void;
  /** Prepends one-off handlers (e.g. a 500 for an error state). */
  use(...handlers: HttpHandler[]): void;
  /** Stops intercepting. A later `startMockBackend()` starts it again. */
  stop(): void;
}

interface Running {
  worker: SetupWorker;
  requests: MockRequestLogEntry[];
  /** Resolves once the worker controls the page; undefined while stopped. */
  started: Promise<unknown> | undefined;
  store: MockStore;
  startKey: string;
}

const KEY = Symbol.for('dn-account-elements.mock-backend');
type Global = typeof globalThis & { [KEY]?: Running };

/**
 * Starts (or reuses) the page's worker with a `MockStore` built from `options`.
 *
 * ```ts
 * const backend = await startMockBackend({ latencyMs: 400 });
 * backend.store.lastEmailVerificationToken();
 * ```
 */
export async function startMockBackend(options: MockBackendOptions = {}): Promise<MockBackend> {
  const {
    baseUrl = '/api/account',
    latencyMs = 0,
    validateResponses = true,
    csrf,
    quiet = true,
    serviceWorkerUrl = '/mockServiceWorker.js',
    onUnhandledRequest = 'bypass',
    oauthNavigation = true,
    ...storeOptions
  } = options;
  const global = globalThis as Global;
  let running = global[KEY];
  const handlersFor = (store: MockStore, latency = latencyMs): HttpHandler[] =>
    createHandlers(store, {
      baseUrl,
      latencyMs: latency,
      validateResponses,
      ...(csrf ? { csrf } : {}),
      onRequest: (entry) => global[KEY]?.requests.push(entry),
    });

  if (running) {
    running.requests.length = 0;
    running.store.reset(storeOptions);
    running.worker.resetHandlers(...handlersFor(running.store));
  } else {
    const store = new MockStore(storeOptions);
    running = { worker: setupWorker(...handlersFor(store)), requests: [], started: undefined, store, startKey: '' };
    global[KEY] = running;
    if (typeof window !== 'undefined') {
      // A mock provider popup opened by this page reports back here.
      window.addEventListener('message', (event: MessageEvent) => {
        if (event.origin === location.origin && isMockOAuthMessage(event.data)) {
          try {
            store.markConnected(event.data.provider);
          } catch {
            // unknown provider: ignore
          }
        }
      });
    }
  }
  if (oauthNavigation && typeof window !== 'undefined') handleMockOAuthNavigation(running.store, baseUrl);
  const startKey = JSON.stringify([quiet, serviceWorkerUrl, typeof onUnhandledRequest === 'function' ? 'fn' : onUnhandledRequest]);
  if (!running.started || running.startKey !== startKey) {
    if (running.started) running.worker.stop();
    running.startKey = startKey;
    running.started = running.worker.start({ quiet, onUnhandledRequest, serviceWorker: { url: serviceWorkerUrl } });
  }
  try {
    await running.started;
  } catch (error) {
    running.started = undefined;
    throw error;
  }

  const current = running;
  return {
    store: current.store,
    worker: current.worker,
    requests: current.requests,
    reset(next = {}) {
      const { latencyMs: nextLatency, ...nextStore } = next;
      current.requests.length = 0;
      current.store.reset({ ...storeOptions, ...nextStore });
      current.worker.resetHandlers(...handlersFor(current.store, nextLatency ?? latencyMs));
    },
    use(...handlers) {
      current.worker.use(...handlers);
    },
    stop() {
      current.worker.stop();
      current.started = undefined;
    },
  };
}
