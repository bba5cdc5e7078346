/**
 * The demo pages on the in-browser mock (`npm run start:mock`, the static demo): MSW's worker
 * and the mock's store, loaded only when the page runs on the mock.
 */
import { http, HttpResponse } from 'msw';
import { startMockBackend, type MockBackend, type MockBackendOptions } from '../mock/browser.js';
import { allowMockWorker } from './trusted-types.js';

export type { MockBackend };

/** Starts the mock before any element exists, so their first request already reaches it. */
export async function startMock(options: MockBackendOptions): Promise<MockBackend> {
  // Under Trusted Types, MSW may register only its worker through the demo's policy (trusted-types.ts).
  allowMockWorker();
  return startMockBackend(options);
}

/** The next request to the API answers 401, as when a session ends on the server. */
export function expireSessionOnce(backend: MockBackend, apiBase: string): void {
  backend.use(
    http.all(
      `${apiBase}/*`,
      () =>
        HttpResponse.json(
          { type: 'urn:dialnexa:problem:unauthorized', title: 'Unauthorized', status: 401, detail: 'The session has ended.' },
          { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      { once: true },
    ),
  );
}
