/**
 * The mock backend of one test page, answered inside the page: `fetch` and `XMLHttpRequest` (the
 * avatar upload, for its progress) to the API's paths reach the mock's handlers, so no service
 * worker is shared between pages and test files run side by side. Everything else (modules, locale
 * files, `custom-elements.json`) still reaches the test server.
 */
import { getResponse, type HttpHandler } from 'msw';
import { XMLHttpRequestInterceptor } from '@mswjs/interceptors/XMLHttpRequest';
import {
  createHandlers,
  handleMockOAuthNavigation,
  MockStore,
  type MockBackendOptions,
  type MockOAuthMessage,
  type MockOptions,
  type MockRequestLogEntry,
} from '../../mock/index.js';

export interface PageBackend {
  /** The state behind the handlers (the same object across `reset()`). */
  readonly store: MockStore;
  /** Every request answered since the last start or `reset()`, oldest first. */
  readonly requests: readonly MockRequestLogEntry[];
  /** How many API requests the page has sent since the last start or `reset()`, answered or not. */
  readonly sent: number;
  /** Fresh seed data (the start options, overridden by `options`) and the original handlers. */
  reset(options?: MockOptions & { latencyMs?: number }): void;
  /** Prepends one-off handlers (e.g. a 500 for an error state). */
  use(...handlers: HttpHandler[]): void;
  /** Drops the handlers added with `use()`: the backend is healthy again. */
  resetHandlers(): void;
}

export type PageBackendOptions = Omit<MockBackendOptions, 'serviceWorkerUrl' | 'quiet' | 'onUnhandledRequest' | 'oauthNavigation'>;

const realFetch = globalThis.fetch.bind(globalThis);
const store = new MockStore();
const requests: MockRequestLogEntry[] = [];
let sent = 0;
let baseHandlers: HttpHandler[] = [];
let overrides: HttpHandler[] = [];
let apiPath = '/api/account';

function isApi(url: URL): boolean {
  return url.origin === location.origin && url.pathname.startsWith(`${apiPath}/`);
}

/** The mock's answer; an API request no handler answers fails the test, as MSW's `onUnhandledRequest: 'error'` did. */
async function answer(request: Request): Promise<Response> {
  sent += 1;
  const response = await getResponse([...overrides, ...baseHandlers], request);
  // `HttpResponse.error()`: a network failure, as the browser reports it.
  if (response?.type === 'error') throw new TypeError('Failed to fetch');
  if (response) return response;
  const message = `[page backend] No handler for ${request.method} ${new URL(request.url).pathname}`;
  console.error(message);
  throw new TypeError(message);
}

async function pageFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = input instanceof Request ? new Request(input, init) : new Request(new URL(String(input), location.href), init);
  if (!isApi(new URL(request.url))) return realFetch(input, init);
  const { signal } = request;
  const aborted = () => signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
  if (signal.aborted) throw aborted();
  return new Promise<Response>((resolve, reject) => {
    signal.addEventListener('abort', () => reject(aborted()), { once: true });
    answer(request).then(resolve, reject);
  });
}

globalThis.fetch = pageFetch;

// `abort()` on an intercepted request reaches a native XHR that was never sent, which fires
// nothing; fire what the browser fires for a request in flight, so timeouts and removals settle.
const apiRequests = new WeakSet<XMLHttpRequest>();
const nativeOpen = XMLHttpRequest.prototype.open;
const nativeAbort = XMLHttpRequest.prototype.abort;
XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
  if (isApi(new URL(String(url), location.href))) apiRequests.add(this);
  (nativeOpen as (...args: unknown[]) => void).call(this, method, url, ...rest);
} as typeof XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.abort = function (this: XMLHttpRequest) {
  let fired = false;
  const seen = () => (fired = true);
  this.addEventListener('abort', seen, { once: true });
  nativeAbort.call(this);
  this.removeEventListener('abort', seen);
  if (!fired && apiRequests.has(this)) {
    this.dispatchEvent(new ProgressEvent('abort'));
    this.dispatchEvent(new ProgressEvent('loadend'));
  }
};

const xhr = new XMLHttpRequestInterceptor();
xhr.on('request', async ({ request, controller }) => {
  if (!isApi(new URL(request.url))) return;
  try {
    controller.respondWith(await answer(request));
  } catch (error) {
    controller.errorWith(error instanceof Error ? error : new TypeError(String(error)));
  }
});
xhr.apply();

// A mock provider popup opened by this page reports back here (see `handleMockOAuthNavigation`).
window.addEventListener('message', (event: MessageEvent) => {
  const data = event.data as Partial<MockOAuthMessage> | null;
  if (event.origin !== location.origin || data?.source !== 'dn-mock-oauth' || typeof data.provider !== 'string') return;
  try {
    store.markConnected(data.provider);
  } catch {
    // an unknown provider: nothing to mark
  }
});

/** Resets this page's backend to fresh seed data built from `options` and returns it. */
export function pageBackend(options: PageBackendOptions = {}): PageBackend {
  const { baseUrl = '/api/account', latencyMs = 0, validateResponses = true, csrf, ...storeOptions } = options;
  apiPath = new URL(baseUrl, location.href).pathname.replace(/\/+$/, '');
  const handlersFor = (latency: number) =>
    createHandlers(store, { baseUrl, latencyMs: latency, validateResponses, ...(csrf ? { csrf } : {}), onRequest: (entry) => requests.push(entry) });
  const start = (next: MockOptions, latency: number) => {
    requests.length = 0;
    sent = 0;
    store.reset(next);
    baseHandlers = handlersFor(latency);
    overrides = [];
  };
  start(storeOptions, latencyMs);
  // A return from the mock provider (`?connected=<provider>` in the page URL) marks it connected.
  handleMockOAuthNavigation(store, baseUrl);
  return {
    store,
    requests,
    get sent() {
      return sent;
    },
    reset(next = {}) {
      const { latencyMs: nextLatency, ...nextStore } = next;
      start({ ...storeOptions, ...nextStore }, nextLatency ?? latencyMs);
    },
    use(...handlers) {
      overrides = [...handlers, ...overrides];
    },
    resetHandlers() {
      overrides = [];
    },
  };
}
