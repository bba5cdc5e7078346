/**
 * Helpers for stories on the mock backend. `.storybook/preview.ts` starts it in a
 * loader before every story (fresh seed data, with the story's `parameters.mock`
 * options) and hands it to the story as `loaded.backend`; a story's `beforeEach`
 * (see `withBackend`) then seeds the store or adds one-off fault handlers.
 */
import { HttpResponse } from 'msw';
import { PROBLEM_TYPE_PREFIX, type MockBackend, type MockBackendOptions, type MockProblemCode } from '../../mock/index.js';

/** Where the stories' provider points, and where the mock answers. */
export const API_BASE = '/api/account';

/**
 * `api` and `settings` come from the provider around every story; they are listed in
 * the argument table (from custom-elements.json) but have no control.
 */
export const READ_ONLY_CONTEXT = { api: { control: false }, settings: { control: false } } as const;

/** An absolute API path for MSW handlers: `api('/profile')` → `/api/account/profile`. */
export function api(path: string): string {
  return `${API_BASE}${path}`;
}

/**
 * `parameters.mock` of a story: options for `startMockBackend` (store options such as
 * `reauth`, `emailChangePasswordRequired`, `twoFactorEnabled`, and `latencyMs`).
 */
export type MockParameters = Omit<MockBackendOptions, 'baseUrl' | 'serviceWorkerUrl' | 'quiet' | 'onUnhandledRequest'>;

/** What the preview's loader returns. */
export interface MockLoaded {
  backend: MockBackend;
}

/** The part of a story context the helpers use. */
export interface WithLoaded {
  loaded: Record<string, unknown>;
  canvasElement: HTMLElement;
}

/** The backend started for this story. */
export function backendOf(context: { loaded: Record<string, unknown> }): MockBackend {
  const backend = (context.loaded as Partial<MockLoaded>).backend;
  if (!backend) throw new Error('The mock backend was not started: is the loader in .storybook/preview.ts missing?');
  return backend;
}

/**
 * A story `beforeEach` that works on the story's fresh backend: seed the store
 * (`backend.store.…`) or add fault handlers (`backend.use(http.get(api('/profile'), …))`).
 * Runs after the loader and before the story renders; may return a cleanup.
 */
export function withBackend(
  setup: (backend: MockBackend, context: WithLoaded) => void | (() => void) | Promise<void | (() => void)>,
): (context: WithLoaded) => Promise<void | (() => void)> {
  return async (context) => setup(backendOf(context), context);
}

/** An RFC 9457 problem+json answer, as the real backend sends it. */
export function problem(
  status: number,
  code: MockProblemCode,
  title: string,
  options: { detail?: string; extra?: Record<string, unknown>; headers?: Record<string, string> } = {},
): HttpResponse<Record<string, unknown>> {
  const { detail, extra = {}, headers = {} } = options;
  return HttpResponse.json(
    { type: `${PROBLEM_TYPE_PREFIX}${code}`, title, status, ...(detail === undefined ? {} : { detail }), ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}
