/**
 * CSRF protection by double submit, matching the elements' client option
 * `csrf: { header: 'X-CSRF-Token', getToken: () => <the dn-csrf cookie> }`:
 *
 * - every answer to a request without the `dn-csrf` cookie sets it (but one a shared cache may
 *   keep, `Cache-Control: public`), and so does every answer that signs the browser in or out
 *   (sets the session cookie to another value or clears it), with a new token: one planted or
 *   read before the session changed is refused after. The token is a random one
 *   (`randomBytes`), readable by the host page's script (not HttpOnly), `SameSite=Lax`,
 *   `Path=/`, `Secure` outside development; `GET /api/account/csrf` also returns it as `{ token }`;
 * - a mutation (POST, PUT, PATCH, DELETE) of the account API (`/api/account/*`) or the inbox
 *   (`/api/inbox/*`) sent with a session cookie must carry `X-CSRF-Token` equal to that cookie
 *   (compared with `timingSafeEqual`), or it is refused with `403 csrf-failed` before anything
 *   else looks at it. A page on another site can make the browser send the cookies but can
 *   neither read the token nor set the header.
 *
 * Not covered by the token, each for its reason: a request without a session cookie (it acts
 * as nobody and is answered 401); the contract's public endpoints (the sign-in and reset pages
 * call them signed out, before any cookie exists), which refuse an `Origin` other than the
 * server's and the trusted origins instead; the development provider's authorization form,
 * whose single-use state bound to the signed-in user is its token; and Better Auth's own
 * `/api/auth/*`, which keeps the engine's origin check.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { endpoints, type Endpoint } from '../../src/api/endpoints.js';
import type { Auth } from './auth.js';
import { withSetCookie } from './auth-answers.js';
import { HttpProblem } from './problem.js';

export const CSRF_COOKIE = 'dn-csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
/** Where the host page can fetch the token (it is also in the cookie). */
export const CSRF_PATH = '/api/account/csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** As long as a browser keeps a cookie (400 days); a new one is set whenever it is missing. */
const COOKIE_MAX_AGE = 400 * 24 * 60 * 60;

export interface CsrfOptions {
  auth: Auth;
  /** `/api/account`. */
  accountBase: string;
  /** Path prefixes whose mutations need the token beside the account API (the inbox). */
  protectedPrefixes: readonly string[];
  /** Mutations that carry a token of their own. */
  exemptPrefixes: readonly string[];
  /** The server's origin and the trusted origins: the only `Origin`s a public endpoint accepts. */
  origins: readonly string[];
  /** Development: the cookie without `Secure`. */
  development: boolean;
}

const newToken = (): string => randomBytes(32).toString('base64url');

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `METHOD /path` patterns of the contract's public mutations, under the API base. */
function publicMutations(base: string): { method: string; pattern: RegExp }[] {
  return Object.values(endpoints as Record<string, Endpoint>)
    .filter((e) => e.public && !SAFE_METHODS.has(e.method))
    .map((e) => ({ method: e.method, pattern: new RegExp(`^${base}${e.path.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`) }));
}

const refused = (detail: string, request: Request): Response => {
  const problem = new HttpProblem(403, 'csrf-failed', 'Request refused', detail);
  // Refused unread: a kept-alive connection must not take the body for the next request.
  if (request.body) problem.headers = { Connection: 'close' };
  return problem.toResponse();
};

/** The token the request carries in its cookie, when it is one this server could have set. */
export function csrfCookie(cookieValue: string | undefined): string | undefined {
  return cookieValue && TOKEN_PATTERN.test(cookieValue) ? cookieValue : undefined;
}

export function csrfProtection(options: CsrfOptions): MiddlewareHandler {
  const publics = publicMutations(options.accountBase);
  const guarded = [`${options.accountBase}/`, ...options.protectedPrefixes];
  let sessionCookie: string | undefined;

  return async (c, next) => {
    const request = c.req.raw;
    const path = new URL(request.url).pathname;
    const carried = csrfCookie(getCookie(c, CSRF_COOKIE));
    const token = carried ?? newToken();
    // Readable by the host page's script (it sends it back as the header), so not HttpOnly.
    const cookieLine = (value: string): string => [`${CSRF_COOKIE}=${value}`, 'Path=/', 'SameSite=Lax', `Max-Age=${COOKIE_MAX_AGE}`, ...(options.development ? [] : ['Secure'])].join('; ');
    const remember = (response: Response): Response => {
      if (!carried) response.headers.append('Set-Cookie', cookieLine(token));
      return response;
    };
    sessionCookie ??= (await options.auth.$context).authCookies.sessionToken.name;
    const session = getCookie(c, sessionCookie);

    if (request.method === 'GET' && path === CSRF_PATH) {
      return remember(new Response(JSON.stringify({ token }), { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } }));
    }
    const mutation = !SAFE_METHODS.has(request.method);
    const inScope = guarded.some((prefix) => path.startsWith(prefix)) && !options.exemptPrefixes.some((prefix) => path.startsWith(prefix));
    if (mutation && inScope) {
      if (publics.some((p) => p.method === request.method && p.pattern.test(path))) {
        const origin = request.headers.get('origin');
        if (origin && !options.origins.includes(origin)) return remember(refused(`Requests from ${origin} are not accepted.`, request));
      } else {
        if (session !== undefined) {
          const sent = request.headers.get(CSRF_HEADER);
          if (!carried || !sent || !sameToken(sent, carried)) {
            return remember(refused(`The ${CSRF_HEADER} header is missing or does not match the ${CSRF_COOKIE} cookie. Reload the page and try again.`, request));
          }
        }
      }
    }
    await next();
    // A sign-in (email and password, 2FA, passkey, a provider's callback) or a sign-out: a new token.
    const rotate = sessionChanged(c.res.headers.getSetCookie(), sessionCookie, session);
    // Never on an answer a shared cache may keep (an avatar): everyone it is served to would get the same token.
    if ((!carried || rotate) && !/\bpublic\b/i.test(c.res.headers.get('cache-control') ?? '')) {
      const answer = await withSetCookie(c.res, cookieLine(rotate ? newToken() : token));
      // Hono wraps any answer assigned to c.res: only a copy (immutable headers) is assigned.
      if (answer !== c.res) c.res = answer;
    }
  };
}

/**
 * Whether the answer's `Set-Cookie` lines give the session cookie a value other than the one the
 * request carried (a new session) or clear it (signed out). Better Auth setting the same signed
 * token again, when it extends a session, is no change.
 */
export function sessionChanged(setCookies: readonly string[], name: string, carried: string | undefined): boolean {
  const decode = (value: string): string => {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  return setCookies.some((line) => {
    const pair = line.split(';', 1)[0] ?? '';
    const at = pair.indexOf('=');
    if (at < 0 || pair.slice(0, at).trim() !== name) return false;
    return decode(pair.slice(at + 1).trim()) !== (carried ?? '');
  });
}
