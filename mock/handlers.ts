/**
 * MSW handlers for every route of `endpoints.ts`, over a `MockStore`.
 *
 * `dispatch()` does the HTTP-independent part — session check, request validation with the
 * endpoint's zod schema, the `sensitive` re-authentication gate, the store call, response
 * validation, problem+json — so it can be tested without a service worker.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type * as z from 'zod/mini';
import { endpoints, type Endpoint, type EndpointName } from '../src/api/endpoints.js';
import { fieldName, validationDetails } from '../src/api/contract/validation-problem.js';
import { assertDecodes, MockProblem, type ClientInfo, type MockStore } from './store/index.js';
import { relyingPartyOf } from './store/passkeys.js';

type Endpoints = typeof endpoints;
type BodyOf<E> = E extends { body: infer B extends z.ZodMiniType } ? z.output<B> : undefined;
type QueryOf<E> = E extends { query: infer Q extends z.ZodMiniType } ? z.output<Q> : undefined;
type ResponseOf<E> = E extends { response: infer R extends z.ZodMiniType } ? z.output<R> : never;

export interface RouteContext<K extends EndpointName> {
  body: BodyOf<Endpoints[K]>;
  query: QueryOf<Endpoints[K]>;
  /** URL parameters (`:id`, `:provider`), decoded. */
  params: Record<string, string>;
  /** Raw request bytes (avatar upload). */
  bytes: Uint8Array;
  client: ClientInfo;
  /** Absolute API base, for URLs the mock hands out. */
  base: string;
}

type Route<K extends EndpointName> = (store: MockStore, ctx: RouteContext<K>) => ResponseOf<Endpoints[K]> | Promise<ResponseOf<Endpoints[K]>>;

/** One function per endpoint: TypeScript reports a missing or extra one. */
export const routes: { [K in EndpointName]: Route<K> } = {
  getProfile: (store) => store.getProfile(),
  updateProfile: (store, { body }) => store.updateProfile(body),
  uploadAvatar: async (store, { bytes }) => {
    await assertDecodes(bytes);
    return store.uploadAvatar(bytes);
  },
  removeAvatar: (store) => store.removeAvatar(),

  getEmailChange: (store) => store.getEmailChange(),
  requestEmailChange: (store, { body }) => store.requestEmailChange(body),
  resendEmailChange: (store) => store.resendEmailChange(),
  cancelEmailChange: (store) => store.cancelEmailChange(),
  verifyEmailChange: (store, { body }) => store.verifyEmailChange(body),

  reauthenticate: (store, { body }) => store.reauthenticate(body),
  startPasskeyReauth: (store, { base }) => store.startPasskeyReauth(relyingPartyOf(base)),
  reauthenticateWithPasskey: (store, { body, base }) => store.reauthenticateWithPasskey(body, relyingPartyOf(base)),

  getPasswordPolicy: (store) => store.getPasswordPolicy(),
  changePassword: (store, { body }) => store.changePassword(body),
  requestPasswordReset: (store, { body }) => store.requestPasswordReset(body),
  completePasswordReset: (store, { body }) => store.completePasswordReset(body),

  getTwoFactorStatus: (store) => store.getTwoFactorStatus(),
  startTwoFactorSetup: (store) => store.startTwoFactorSetup(),
  verifyTwoFactorSetup: (store, { body }) => store.verifyTwoFactorSetup(body),
  disableTwoFactor: (store, { body }) => store.disableTwoFactor(body),
  regenerateBackupCodes: (store, { body }) => store.regenerateBackupCodes(body),
  verifyTwoFactorChallenge: (store, { body, client }) => store.verifyTwoFactorChallenge(body, client),

  listSessions: (store) => store.listSessions(),
  revokeSession: (store, { params }) => store.revokeSession(params['id'] ?? ''),
  revokeOtherSessions: (store) => store.revokeOtherSessions(),
  listLoginActivity: (store, { query }) => store.listLoginActivity(query),
  listTrustedDevices: (store) => store.listTrustedDevices(),
  revokeTrustedDevice: (store, { params }) => store.revokeTrustedDevice(params['id'] ?? ''),
  revokeAllTrustedDevices: (store) => store.revokeAllTrustedDevices(),

  listPasskeys: (store) => store.listPasskeys(),
  startPasskeyRegistration: (store, { base }) => store.startPasskeyRegistration(relyingPartyOf(base)),
  finishPasskeyRegistration: (store, { body, base, client }) => store.finishPasskeyRegistration(body, relyingPartyOf(base), client),
  renamePasskey: (store, { params, body }) => store.renamePasskey(params['id'] ?? '', body),
  deletePasskey: (store, { params }) => store.deletePasskey(params['id'] ?? ''),

  getNotificationPreferences: (store) => store.getNotificationPreferences(),
  updateNotificationPreferences: (store, { body }) => store.updateNotificationPreferences(body),
  resetNotificationPreferences: (store) => store.resetNotificationPreferences(),

  getPrivacySettings: (store) => store.getPrivacySettings(),
  updatePrivacySettings: (store, { body }) => store.updatePrivacySettings(body),
  getDataExport: (store) => store.getDataExport(),
  requestDataExport: (store) => store.requestDataExport(),
  getAccountDeletion: (store) => store.getAccountDeletion(),
  deleteAccount: (store, { body }) => store.deleteAccount(body),

  listConnectedAccounts: (store) => store.listConnectedAccounts(),
  connectAccount: (store, { params, body, base }) => store.connectAccount(params['provider'] ?? '', body, base),
  disconnectAccount: (store, { params }) => store.disconnectAccount(params['provider'] ?? ''),

  getPreferences: (store) => store.getPreferences(),
  updatePreferences: (store, { body }) => store.updatePreferences(body),

  getBillingSummary: (store) => store.getBillingSummary(),
};

/** A request as `dispatch()` needs it. */
export interface MockRequest {
  params?: Record<string, string>;
  /** Query string. */
  query?: URLSearchParams | Record<string, string>;
  /** Parsed JSON body; `undefined` when there was none. */
  json?: unknown;
  /** Set when the body was not valid JSON. */
  malformedJson?: boolean;
  bytes?: Uint8Array;
  client?: ClientInfo;
  /** Absolute API base (default `http://localhost/api/account`). */
  base?: string;
}

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface DispatchOptions {
  /** Check every successful answer against the endpoint's response schema (500 when it does not match). Default true. */
  validateResponses?: boolean;
}

function problemResponse(problem: MockProblem): MockResponse {
  return { status: problem.status, headers: { 'Content-Type': 'application/problem+json', ...problem.headers }, body: problem.toJSON() };
}

/** A 422 `validation` problem from zod issues. */
export function validationProblem(issues: readonly z.core.$ZodIssue[]): MockProblem {
  const { errors, detail } = validationDetails(issues);
  return new MockProblem(422, 'validation', 'Some fields need attention', detail, { errors });
}

function parseQuery(schema: z.ZodMiniType, query: URLSearchParams): unknown {
  const raw: Record<string, string> = {};
  for (const [key, value] of query) raw[key] = value;
  const asIs = schema.safeParse(raw);
  if (asIs.success) return asIs.data;
  // Query values arrive as strings: retry with numeric-looking ones as numbers.
  const coerced: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) coerced[key] = value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  const second = schema.safeParse(coerced);
  if (second.success) return second.data;
  throw validationProblem(second.error.issues);
}

/**
 * Answers one endpoint: 401 when signed out (non-public endpoints), 400 for malformed
 * JSON, 422 when the body or query fails its schema, 403 `reauth-required` for a
 * `sensitive` endpoint without a recent re-authentication, then the store's answer.
 */
export async function dispatch(store: MockStore, name: EndpointName, request: MockRequest = {}, options: DispatchOptions = {}): Promise<MockResponse> {
  const endpoint: Endpoint = endpoints[name];
  try {
    if (!endpoint.public) store.assertSignedIn();
    let body: unknown;
    if (endpoint.body) {
      if (request.malformedJson) throw new MockProblem(400, 'bad-request', 'Malformed JSON', 'The request body is not valid JSON.');
      const parsed = endpoint.body.safeParse(request.json);
      if (!parsed.success) throw validationProblem(parsed.error.issues);
      body = parsed.data;
    }
    let query: unknown;
    if (endpoint.query) {
      const search = request.query instanceof URLSearchParams ? request.query : new URLSearchParams(request.query ?? {});
      query = parseQuery(endpoint.query, search);
    }
    if (endpoint.sensitive) store.assertReauthenticated();
    const route = routes[name] as (store: MockStore, ctx: RouteContext<EndpointName>) => unknown;
    const ctx = {
      body,
      query,
      params: request.params ?? {},
      bytes: request.bytes ?? new Uint8Array(0),
      client: request.client ?? {},
      base: request.base ?? 'http://localhost/api/account',
    } as RouteContext<EndpointName>;
    const result = await route(store, ctx);
    if (endpoint.sensitive) store.consumeReauth();
    if (options.validateResponses ?? true) {
      const checked = endpoint.response.safeParse(result);
      if (!checked.success) {
        const detail = `The mock's answer to ${name} does not match its schema: ${checked.error.issues
          .slice(0, 5)
          .map((i) => `${fieldName(i.path) || '(root)'}: ${i.message}`)
          .join('; ')}`;
        console.error(detail, result);
        return problemResponse(new MockProblem(500, 'internal', 'Mock response invalid', detail));
      }
    }
    return { status: 200, headers: { 'Content-Type': 'application/json' }, body: result };
  } catch (error) {
    if (error instanceof MockProblem) return problemResponse(error);
    console.error(`Mock backend failed on ${name}`, error);
    return problemResponse(new MockProblem(500, 'internal', 'Mock backend error', error instanceof Error ? error.message : String(error)));
  }
}

function escapeScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Appends `connected=<provider>` to the redirect URI. */
export function oauthReturnUrl(redirectUri: string, provider: string): string {
  const hash = redirectUri.indexOf('#');
  const [path, fragment] = hash < 0 ? [redirectUri, ''] : [redirectUri.slice(0, hash), redirectUri.slice(hash)];
  return `${path}${path.includes('?') ? '&' : '?'}connected=${encodeURIComponent(provider)}${fragment}`;
}

/**
 * The mock provider page (`GET <base>/__mock/oauth/:provider?state=…`): consents at once,
 * marks the provider connected, then 302s back to `redirect_uri?connected=<provider>`
 * (redirect mode) or answers a small page that tells `window.opener` and closes (popup mode).
 */
export function mockOAuthResponse(store: MockStore, provider: string, url: URL): MockResponse {
  try {
    const { redirectUri, mode } = store.completeOAuth(provider, url.searchParams.get('state') ?? '');
    const back = oauthReturnUrl(redirectUri, provider);
    if (mode === 'redirect') return { status: 302, headers: { Location: back }, body: null };
    let targetOrigin = '*';
    try {
      targetOrigin = new URL(redirectUri, url).origin;
    } catch {
      // keep '*': the message carries no secret
    }
    const message = { type: 'dn-connected-account', source: 'dn-mock-oauth', provider, connected: true };
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Connected</title></head><body>
<p>${escapeHtml(provider)} is connected. You can close this window. <a href="${escapeHtml(back)}">Continue</a></p>
<script>
(function () {
  var message = ${escapeScriptJson(message)};
  if (window.opener) { try { window.opener.postMessage(message, ${escapeScriptJson(targetOrigin)}); } catch (e) {} window.close(); }
  else { location.replace(${escapeScriptJson(back)}); }
})();
</script></body></html>`;
    return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: html };
  } catch (error) {
    if (error instanceof MockProblem) return problemResponse(error);
    throw error;
  }
}

/** One request the mock answered (see `HandlerOptions.onRequest`). */
export interface MockRequestLogEntry {
  name: EndpointName;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Parsed JSON body, when there was one. */
  json?: unknown;
  status: number;
}

export interface HandlerOptions extends DispatchOptions {
  /** Where the API lives; relative paths match the page's origin. Default `/api/account`. */
  baseUrl?: string;
  /** Delay before every answer, in ms (try 400–800 to see loading states). Default 0. */
  latencyMs?: number;
  /**
   * Require this header on every POST / PUT / PATCH / DELETE (403 `csrf-failed` otherwise),
   * to prove a client sends its CSRF token.
   */
  csrf?: { header: string; token: string };
  /** Called after each answer (tests count requests, check headers and bodies). */
  onRequest?: (entry: MockRequestLogEntry) => void;
}

function toHttpResponse(response: MockResponse): HttpResponse<string> {
  const { status, headers, body } = response;
  const text = body === null || body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
  return new HttpResponse<string>(text, { status, headers });
}

async function readBody(request: Request, endpoint: Endpoint): Promise<Pick<MockRequest, 'json' | 'malformedJson' | 'bytes'>> {
  if (endpoint.upload) {
    const type = request.headers.get('content-type') ?? '';
    if (type.startsWith('multipart/form-data')) {
      // Tolerate a form upload: take the first file.
      const form = await request.formData();
      for (const value of form.values()) {
        if (typeof value !== 'string') return { bytes: new Uint8Array(await value.arrayBuffer()) };
      }
      return { bytes: new Uint8Array(0) };
    }
    return { bytes: new Uint8Array(await request.arrayBuffer()) };
  }
  if (!endpoint.body) return {};
  const text = await request.text();
  if (text.trim() === '') return { json: undefined };
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return { malformedJson: true };
  }
}

/** MSW handlers for every endpoint in `endpoints.ts`, plus the mock OAuth provider page. */
export function createHandlers(
  store: MockStore,
  { baseUrl = '/api/account', latencyMs = 0, validateResponses = true, csrf, onRequest }: HandlerOptions = {},
): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  const wait = async (): Promise<void> => {
    if (latencyMs > 0) await delay(latencyMs);
  };
  const handlers: HttpHandler[] = (Object.keys(endpoints) as EndpointName[]).map((name) => {
    const endpoint: Endpoint = endpoints[name];
    const method = endpoint.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    return http[method](`${base}${endpoint.path}`, async ({ request, params }) => {
      await wait();
      const url = new URL(request.url);
      const decoded: Record<string, string> = {};
      for (const [key, value] of Object.entries(params)) if (typeof value === 'string') decoded[key] = value;
      const body = await readBody(request, endpoint);
      const response =
        csrf && endpoint.method !== 'GET' && request.headers.get(csrf.header) !== csrf.token
          ? problemResponse(new MockProblem(403, 'csrf-failed', 'CSRF check failed', `Send the ${csrf.header} header with every change.`))
          : await dispatch(
              store,
              name,
              {
                ...body,
                params: decoded,
                query: url.searchParams,
                client: { userAgent: request.headers.get('user-agent') ?? (typeof navigator === 'undefined' ? undefined : navigator.userAgent) },
                base: new URL(base, url).href,
              },
              { validateResponses },
            );
      onRequest?.({
        name,
        method: endpoint.method,
        url: request.url,
        headers: Object.fromEntries(request.headers),
        ...('json' in body ? { json: body.json } : {}),
        status: response.status,
      });
      return toHttpResponse(response);
    });
  });
  handlers.push(
    http.get(`${base}/__mock/oauth/:provider`, async ({ request, params }) => {
      await wait();
      const provider = typeof params['provider'] === 'string' ? params['provider'] : '';
      return toHttpResponse(mockOAuthResponse(store, provider, new URL(request.url)));
    }),
  );
  return handlers;
}
