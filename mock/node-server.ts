/**
 * The mock backend over real HTTP in Node (no browser, no service worker): the same MSW
 * handlers and store as the demo and the browser tests, behind a `node:http` server on
 * 127.0.0.1 and a random port. The conformance kit (`conformance/`) runs against it.
 *
 * What a real server adds in front of the contract, the adapter adds too:
 * - a session: every non-public endpoint answers 401 `unauthorized` without the session cookie
 *   (`dn_session=<token>`) or `Authorization: Bearer <token>`;
 * - optionally a CSRF header on every mutation (`csrf`), checked by the handlers;
 * - a sign-in page and the test user's inbox, which the contract leaves to the host:
 *   `POST <base>/__mock/sign-in` `{ password }` → sets `dn_session` and `dn_csrf` cookies,
 *     answers `{ token, csrfToken }`;
 *   `POST <base>/__mock/two-factor-challenge` → `{ challengeId }` (the sign-in 2FA step);
 *   `GET <base>/__mock/inbox/email-change` and `…/inbox/password-reset` → `{ token }` of the
 *     last link "sent".
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { endpoints, type Endpoint } from '../src/api/endpoints.js';
import { createHandlers, type HandlerOptions } from './handlers.js';
import { randomToken } from './store/context.js';
import { MockStore, type MockOptions } from './store/index.js';

export const SESSION_COOKIE = 'dn_session';
export const CSRF_COOKIE = 'dn_csrf';

export interface MockServerContext {
  store: MockStore;
  /** True when the request carries a valid session cookie or bearer token. */
  authenticated: boolean;
  /** The API base path, e.g. `/api/account`. */
  basePath: string;
}

export interface MockServerOptions extends MockOptions {
  /** Path of the API on the server. Default `/api/account`. */
  basePath?: string;
  /** Require this header on every mutation (403 `csrf-failed` otherwise). */
  csrf?: { header: string; token: string };
  /** Check every answer against the contract (500 when it does not match). Default true. */
  validateResponses?: HandlerOptions['validateResponses'];
  /**
   * Answers a request before the mock does (return `undefined` to let it through). Runs
   * before the session check; `authenticated` tells whether the request carried a session.
   * Tests use it to build deliberately broken backends.
   */
  intercept?: (request: Request, context: MockServerContext) => Response | undefined | Promise<Response | undefined>;
}

export interface MockServer {
  /** The API base URL, e.g. `http://127.0.0.1:40123/api/account`. */
  readonly baseUrl: string;
  readonly store: MockStore;
  /** A valid session token (as cookie value or bearer token). */
  readonly sessionToken: string;
  /** Stops the server. */
  close(): Promise<void>;
}

interface Route {
  method: string;
  pattern: RegExp;
  endpoint: Endpoint;
}

function routeTable(basePath: string): Route[] {
  return Object.values(endpoints).map((endpoint: Endpoint) => ({
    method: endpoint.method,
    pattern: new RegExp(`^${basePath}${endpoint.path.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`),
    endpoint,
  }));
}

function cookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function unauthorized(): Response {
  const body = { type: 'urn:dialnexa:problem:unauthorized', title: 'Signed out', status: 401, detail: 'Sign in to continue.' };
  return new Response(JSON.stringify(body), { status: 401, headers: { 'Content-Type': 'application/problem+json' } });
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' || body.length === 0 ? undefined : body,
  });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length) headers['set-cookie'] = setCookies;
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** Starts the mock backend on 127.0.0.1 and a free port. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { basePath: rawBase = '/api/account', csrf, validateResponses, intercept, ...storeOptions } = options;
  const basePath = rawBase.replace(/\/+$/, '');
  const store = new MockStore(storeOptions);
  // MSW matches absolute URLs in Node (there is no page origin): built once the port is known.
  let handlers: ReturnType<typeof createHandlers> = [];
  const routes = routeTable(basePath);
  const sessions = new Set<string>();
  const sessionToken = randomToken();
  sessions.add(sessionToken);
  let origin = 'http://127.0.0.1';

  const authenticated = (request: Request): boolean => {
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    const cookie = cookies(request.headers.get('cookie')).get(SESSION_COOKIE);
    return (bearer !== undefined && sessions.has(bearer)) || (cookie !== undefined && sessions.has(cookie));
  };

  /** The host's own pages: sign-in, the sign-in 2FA step, the inbox. */
  const hostRoute = (request: Request, path: string, signedIn: boolean): Response | Promise<Response> | undefined => {
    const local = path.slice(`${basePath}/__mock/`.length);
    if (request.method === 'POST' && local === 'sign-in') {
      return request.json().then((body: { password?: unknown }) => {
        if (!store.signedIn || body.password !== store.currentPassword()) {
          return json(401, { type: 'urn:dialnexa:problem:invalid-credentials', title: 'Wrong password', status: 401 });
        }
        const token = randomToken();
        sessions.add(token);
        const csrfToken = csrf?.token ?? null;
        const cookieHeaders = [`${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`];
        if (csrfToken) cookieHeaders.push(`${CSRF_COOKIE}=${csrfToken}; Path=/; SameSite=Lax`);
        const headers = new Headers({ 'Content-Type': 'application/json' });
        for (const c of cookieHeaders) headers.append('Set-Cookie', c);
        return new Response(JSON.stringify({ token, csrfToken }), { status: 200, headers });
      });
    }
    if (!signedIn) return unauthorized();
    if (request.method === 'POST' && local === 'two-factor-challenge') return json(200, { challengeId: store.createSignInChallenge() });
    if (request.method === 'GET' && local === 'inbox/email-change') return json(200, { token: store.lastEmailVerificationToken() });
    if (request.method === 'GET' && local === 'inbox/password-reset') return json(200, { token: store.lastPasswordResetToken() });
    return undefined;
  };

  const answer = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    const signedIn = authenticated(request);
    const intercepted = await intercept?.(request, { store, authenticated: signedIn, basePath });
    if (intercepted) return intercepted;
    if (path.startsWith(`${basePath}/__mock/`)) {
      const host = await hostRoute(request, path, signedIn);
      if (host) return host;
    }
    const route = routes.find((r) => r.method === request.method && r.pattern.test(path));
    if (route && !route.endpoint.public && !signedIn) return unauthorized();
    const response = await getResponse(handlers, request);
    return response ?? new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  };

  const server = createServer((req, res) => {
    toRequest(req, origin)
      .then(answer)
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        console.error('Mock server failed', error);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('Mock server failed');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  handlers = createHandlers(store, { baseUrl: `${origin}${basePath}`, validateResponses, ...(csrf ? { csrf } : {}) });
  return {
    baseUrl: `${origin}${basePath}`,
    store,
    sessionToken,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
