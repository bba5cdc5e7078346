/**
 * The mock backend as a `fetch` function, without a service worker: for benchmarks,
 * Node scripts and tests that want many fast, isolated backends.
 *
 * ```ts
 * const { fetch, store } = createMockFetch({ sessions: 10_000 });
 * const api = new RestAccountApi({ baseUrl: '/api/account', fetch });
 * ```
 */
import { getResponse } from 'msw';
import { createHandlers, type HandlerOptions } from './handlers.js';
import { MockStore, type MockOptions } from './store/index.js';

export interface MockFetchOptions extends MockOptions, Omit<HandlerOptions, 'onRequest'> {
  /** Origin relative URLs are resolved against. Default `location.origin`, or `http://localhost`. */
  origin?: string;
}

export interface MockFetch {
  fetch: typeof globalThis.fetch;
  store: MockStore;
}

/** A `fetch` answered in-process by a fresh mock store; honours `signal` like the real one. */
export function createMockFetch(options: MockFetchOptions = {}): MockFetch {
  const { baseUrl, latencyMs, validateResponses, csrf, origin, ...storeOptions } = options;
  const store = new MockStore(storeOptions);
  const handlers = createHandlers(store, { baseUrl, latencyMs, validateResponses, csrf });
  const base = origin ?? (typeof location === 'undefined' ? 'http://localhost' : location.origin);
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? new Request(input, init) : new Request(new URL(String(input), base), init);
    const signal = request.signal;
    const aborted = () => signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
    if (signal.aborted) throw aborted();
    const answer = getResponse(handlers, request).then((response) => response ?? new Response('Not found', { status: 404 }));
    return new Promise<Response>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(aborted()), { once: true });
      answer.then(resolve, reject);
    });
  };
  return { fetch, store };
}
